import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { twilioAuthToken } from '../../rules/twilio-auth-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3117);
const t = Array.from({ length: 9 }, () => tokensA.twilioAuthToken());
const sid = tokensA.twilioAccountSid();

testRule(twilioAuthToken, {
  valid: [
    { name: 'no Twilio on the line', path: 'config.py', code: `AUTH_TOKEN = "${t[0]}"` },
    { name: 'Twilio line, but an OAuth token', path: 'a.env', code: `TWILIO_OAUTH_TOKEN_URL=x oauth_token=${t[0]}` },
    { name: 'Twilio line, not a token name', path: 'a.env', code: `TWILIO_ACCOUNT_SID=${sid} TWILIO_CHECKSUM=${t[1]}` },
    { name: 'x placeholder', path: 'README.md', code: `TWILIO_AUTH_TOKEN=${'x'.repeat(32)}` },
    { name: 'template', path: '.env.example', code: 'TWILIO_AUTH_TOKEN=your_auth_token' },
    { name: 'upper-case hex', path: 'a.env', code: `TWILIO_AUTH_TOKEN=${t[1]!.toUpperCase().replace(/^[0-9]/, 'A')}` },
    { name: '33 characters', path: 'a.env', code: `TWILIO_AUTH_TOKEN=${t[1]}f` },
    { name: 'environment lookup', path: 'sms.js', code: 'const client = twilio(accountSid, process.env.TWILIO_AUTH_TOKEN);' },
    { name: 'Kubernetes env entry of another name', path: 'k8s/deploy.yaml', code: `- name: TWILIO_ACCOUNT_SID_HASH\n  value: "${t[2]}"` },
    { name: 'a 32-character non-hex value', path: 'a.env', code: `TWILIO_AUTH_TOKEN=${randomFrom('ghijklmnopqrstuvwxyz', 32)}` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `TWILIO_ACCOUNT_SID=${sid}\nTWILIO_AUTH_TOKEN=${t[0]}`, findings: [{ line: 2, column: 19 }] },
    { name: 'JS', path: 'src/sms.js', code: `const twilioAuthToken = '${t[1]}';`, findings: [{ line: 1, column: 26 }] },
    { name: 'Python, auth_token next to a Twilio client', path: 'sms.py', code: `auth_token = "${t[2]}"; client = twilio.rest.Client(account_sid, auth_token)`, findings: [{ line: 1, column: 15 }] },
    { name: 'YAML', path: 'config.yml', code: `twilio_auth_token: "${t[3]}"`, findings: [{ line: 1, column: 21 }] },
    { name: 'JSON', path: 'secrets.json', code: `{"TWILIO_AUTH_TOKEN": "${t[4]}"}`, findings: [{ line: 1, column: 24 }] },
    { name: 'shell', path: 'send.sh', code: `export TWILIO_TOKEN=${t[5]}`, findings: [{ line: 1, column: 21 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV TWILIO_AUTH_TOKEN ${t[6]}`, findings: [{ line: 1, column: 23 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "twilio" {\n  twilio_auth_token = "${t[7]}"\n}`, findings: [{ line: 2, column: 24 }] },
    { name: 'Kubernetes env entry', path: 'k8s/deployment.yaml', code: `env:\n  - name: TWILIO_AUTH_TOKEN\n    value: "${t[0]}"`, findings: [{ line: 3, column: 13 }] },
    { name: 'ECS name/value pair', path: 'task.json', code: `[{"name": "TWILIO_AUTH_TOKEN", "value": "${t[1]}"}]`, findings: [{ line: 1, column: 42 }] },
    { name: 'Ruby', path: 'config/initializers/twilio.rb', code: `Twilio.configure { |c| c.auth_token = '${t[8]}' }`, findings: [{ line: 1, column: 40 }] },
  ],
});

test('twilio-auth-token: adversarial input stays bounded', () => {
  const inputs = [
    'twilio' + 'auth_token='.repeat(90_000),
    'twilio'.repeat(170_000),
    ('TWILIO_AUTH_TOKEN="' + 'a1'.repeat(15) + '" ').repeat(20_000),
    'twilio ' + 'AUTH_TOKEN' + ' '.repeat(1_000_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(twilioAuthToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
