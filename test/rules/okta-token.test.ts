import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { oktaToken } from '../../rules/okta-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { hex, tokensC, URL_SAFE } from '../helpers/tokens-c.js';

reseed(3018);
const t = tokensC.okta();
const t2 = tokensC.okta();
const t3 = tokensC.okta();
const bare = '0' + '0' + randomFrom(URL_SAFE, 40);

testRule(oktaToken, {
  valid: [
    { name: 'no Okta context', path: 'src/ids.ts', code: `const requestId = '${bare}';` },
    { name: 'Okta documentation example (elided)', path: 'docs/okta.md', code: 'Authorization: SSWS 00QCjAl4MlV-WPXM...0HmjFx-vbGua' },
    { name: 'environment reference', path: '.env.example', code: 'OKTA_API_TOKEN=${OKTA_API_TOKEN}' },
    { name: 'hex after an Okta name (a hash)', path: 'okta-sync.lock', code: `okta_sdk_checksum = 00${hex(40)}` },
    { name: 'x placeholder', path: 'README.md', code: `OKTA_API_TOKEN=00${'x'.repeat(40)}` },
    { name: 'angle-bracket placeholder', path: 'config.py', code: 'okta = {"api_token": "<okta api token>"}' },
    { name: 'too short', path: 'a.env', code: `OKTA_API_TOKEN=00${randomFrom(BASE62, 30)}` },
    { name: 'allowed inline', path: 'test/okta.test.ts', code: `const token = '${t}'; // shipgate-allow: okta-token` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `OKTA_ORG_URL=https://acme.okta.com\nOKTA_API_TOKEN=${t}`, findings: [{ line: 2, column: 16 }] },
    { name: 'SSWS header (shell)', path: 'scripts/users.sh', code: `curl -s https://acme.okta.com/api/v1/users \\\n  -H "Authorization: SSWS ${t2}"`, findings: [{ line: 2, column: 27 }] },
    { name: 'nested JSON', path: 'config/idp.json', code: `{\n  "okta": {"orgUrl": "https://acme.okta.com", "token": "${t3}"}\n}`, findings: [{ line: 2 }] },
    { name: 'Python dict', path: 'config.py', code: `okta = {\n    "org_host": "https://acme.okta.com",\n}\nokta_api_token = "${t}"`, findings: [{ line: 4, column: 19 }] },
    { name: 'TypeScript SDK client', path: 'src/okta.ts', code: `const client = new okta.Client({ orgUrl: 'https://acme.okta.com/', token: '${t2}' });`, findings: [{ line: 1 }] },
    { name: 'YAML (okta.yaml)', path: 'okta.yaml', code: `okta:\n  client:\n    orgUrl: https://acme.okta.com\n    okta.client.token: ${t3}`, findings: [{ line: 4, column: 24 }] },
    { name: 'Terraform', path: 'infra/okta.tf', code: `variable "okta_api_token" { default = "${t2}" }\nokta_org_name = "acme"`, findings: [{ line: 1, column: 40 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nENV OKTA_CLIENT_TOKEN=${t3}`, findings: [{ line: 2, column: 23 }] },
  ],
});

test('okta-token: adversarial input stays bounded', () => {
  const inputs = [
    'okta' + '='.repeat(200_000),
    'okta=' + '0'.repeat(1_000_000),
    'okta' + 'a'.repeat(1_000_000),
    'okta'.repeat(250_000),
    ('okta: {"a": ' + '00' + 'Ab1_'.repeat(9) + 'Ab1"').repeat(15_000),
    'SSWS ' + ' '.repeat(500_000) + '0'.repeat(500_000),
    ('okta.x: {y: 00' + 'aB3-'.repeat(10)).repeat(15_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(oktaToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 500, `${Math.round(performance.now() - started)} ms`);
  }
});

test.run();
