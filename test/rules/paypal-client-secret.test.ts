import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { paypalClientSecret } from '../../rules/paypal-client-secret.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3125);
const t = Array.from({ length: 9 }, () => tokensA.paypalSecret());
const clientId = tokensA.paypalClientId();

testRule(paypalClientSecret, {
  valid: [
    { name: 'a generic secret name', path: '.env', code: `CLIENT_SECRET=${t[0]}` },
    { name: 'the client id (not a secret name)', path: '.env', code: `PAYPAL_CLIENT_ID=${clientId}` },
    { name: 'a secret name with the id\'s shape', path: '.env', code: `PAYPAL_CLIENT_SECRET=${clientId}` },
    { name: 'x placeholder', path: 'README.md', code: `PAYPAL_CLIENT_SECRET=E${'x'.repeat(79)}` },
    { name: 'template', path: '.env.example', code: 'PAYPAL_CLIENT_SECRET=your-paypal-client-secret' },
    { name: 'environment lookup', path: 'paypal.py', code: "PAYPAL_CLIENT_SECRET = os.getenv('PAYPAL_CLIENT_SECRET', '')" },
    { name: 'one character short', path: 'a.env', code: `PAYPAL_SECRET=${t[1]!.slice(0, -1)}` },
    { name: 'Kubernetes entry for the client id', path: 'k8s/deploy.yaml', code: `- name: PAYPAL_CLIENT_ID\n  value: ${t[2]}` },
    { name: 'secret name too far from paypal', path: 'a.yml', code: `paypal_webhook_id_for_orders_and_refunds_client_secret: ${t[1]}` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `PAYPAL_CLIENT_ID=${clientId}\nPAYPAL_CLIENT_SECRET=${t[0]}`, findings: [{ line: 2, column: 22 }] },
    { name: 'JS', path: 'src/paypal.ts', code: `export const PAYPAL_CONFIG = {\n  paypalClientSecret: "${t[1]}",\n};`, findings: [{ line: 2, column: 24 }] },
    { name: 'Kotlin', path: 'app/src/main/java/Constants.kt', code: `const val PAYPAL_SECRET = "${t[2]}"`, findings: [{ line: 1, column: 28 }] },
    { name: 'Python', path: 'paypal_config.py', code: `PAYPAL_CLIENT_SECRET = os.getenv('PAYPAL_CLIENT_SECRET', '${t[3]}')`, findings: [{ line: 1 }] },
    { name: 'YAML (Spring)', path: 'application.yml', code: `paypal.client-secret: ${t[4]}`, findings: [{ line: 1, column: 23 }] },
    { name: 'JSON, nested on one line', path: 'config.json', code: `{"paypal": {"client_secret": "${t[5]}"}}`, findings: [{ line: 1, column: 31 }] },
    { name: 'shell', path: 'token.sh', code: `export PAYPAL_LIVE_CLIENT_SECRET="${t[6]}"`, findings: [{ line: 1, column: 35 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV PAYPAL_SECRET ${t[7]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'Kubernetes env entry', path: 'k8s/deployment.yaml', code: `- name: PAYPAL_CLIENT_SECRET\n  value: "${t[3]}"`, findings: [{ line: 2, column: 11 }] },
    { name: 'Terraform', path: 'main.tf', code: `variable "paypal_client_secret" {\n  default = "x"\n}\nlocals { paypal_client_secret = "${t[8]}" }`, findings: [{ line: 4 }] },
  ],
});

test('paypal-client-secret: adversarial input stays bounded', () => {
  const inputs = [
    'paypal'.repeat(170_000),
    'paypal' + ' '.repeat(30) + 'secret'.repeat(160_000),
    ('PAYPAL_SECRET="E' + 'a1B_'.repeat(19) + '" ').repeat(10_000),
    'paypal_secret=' + 'E'.repeat(1_000_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(paypalClientSecret, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
