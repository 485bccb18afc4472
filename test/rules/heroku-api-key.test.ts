import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { herokuApiKey } from '../../rules/heroku-api-key.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3127);
const keys = Array.from({ length: 4 }, () => tokensA.herokuKey());
const uuids = Array.from({ length: 6 }, () => tokensA.uuid());
const prefix = ['HRKU', 'AA'].join('-');

testRule(herokuApiKey, {
  valid: [
    { name: 'UUID under a non-secret Heroku name', path: '.env', code: `HEROKU_APP_ID=${uuids[0]}` },
    { name: 'UUID under a generic name', path: 'config.js', code: `const apiKey = "${uuids[0]}";` },
    { name: 'typed UUID', path: 'docs/heroku.md', code: 'HEROKU_API_KEY=12345678-abcd-abcd-abcd-1234567890ab' },
    { name: 'zero UUID', path: 'docs/heroku.md', code: 'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000' },
    { name: 'x placeholder key', path: 'README.md', code: `HEROKU_API_KEY=${prefix}${'x'.repeat(58)}` },
    { name: 'secret reference', path: '.github/workflows/deploy.yml', code: 'with:\n  heroku_api_key: ${{ secrets.HEROKU_API_KEY }}' },
    { name: 'Kubernetes entry of a non-secret name', path: 'k8s/deploy.yaml', code: `- name: HEROKU_APP_ID\n  value: ${uuids[1]}` },
    { name: 'new key one character short', path: 'a.env', code: `KEY=${keys[0]!.slice(0, -1)}` },
    { name: 'lower-case prefix', path: 'a.env', code: `KEY=${keys[0]!.toLowerCase()}` },
  ],
  invalid: [
    { name: '.env, new format', path: '.env', code: `HEROKU_API_KEY=${keys[0]}`, findings: [{ line: 1, column: 16 }] },
    { name: 'new format under any name', path: 'config.js', code: `const KEY = "${keys[1]}";`, findings: [{ line: 1, column: 14 }] },
    { name: '.env, legacy UUID', path: '.env', code: `HEROKU_APP_NAME=acme-prod\nHEROKU_API_KEY=${uuids[1]}`, findings: [{ line: 2, column: 16 }] },
    { name: 'YAML (GitHub Actions, legacy)', path: '.github/workflows/deploy.yml', code: `- uses: akhileshns/heroku-deploy@v3\n  with:\n    heroku_api_key: "${uuids[2]}"`, findings: [{ line: 3, column: 22 }] },
    { name: 'JSON', path: 'settings.json', code: `{"herokuAuthToken": "${uuids[3]}"}`, findings: [{ line: 1, column: 22 }] },
    { name: 'shell', path: 'deploy.sh', code: `export HEROKU_API_TOKEN=${keys[2]}`, findings: [{ line: 1, column: 25 }] },
    { name: 'Python', path: 'deploy.py', code: `heroku_key = "${uuids[4]}"\nconn = heroku3.from_key(heroku_key)`, findings: [{ line: 1, column: 15 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV HEROKU_API_KEY ${uuids[5]}`, findings: [{ line: 1, column: 20 }] },
    { name: 'Kubernetes env entry, legacy UUID', path: 'k8s/deployment.yaml', code: `- name: HEROKU_API_KEY\n  value: "${uuids[0]}"`, findings: [{ line: 2, column: 11 }] },
    { name: 'ECS name/value pair, legacy UUID', path: 'task.json', code: `{"name": "HEROKU_API_KEY", "value": "${uuids[1]}"}`, findings: [{ line: 1, column: 38 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "heroku" {\n  api_key = "${keys[3]}"\n}`, findings: [{ line: 2, column: 14 }] },
  ],
});

test('heroku-api-key: adversarial input stays bounded', () => {
  const inputs = [
    'heroku'.repeat(170_000),
    'HEROKU_' + 'API_KEY_'.repeat(125_000),
    ('HEROKU_API_KEY="' + 'a1b2c3d4-'.repeat(4) + '" ').repeat(18_000),
    'heroku_key=' + '0123456789abcdef-'.repeat(60_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(herokuApiKey, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
