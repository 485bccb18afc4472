import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { snykToken } from '../../rules/snyk-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensC, uuid } from '../helpers/tokens-c.js';

reseed(3019);
const t = tokensC.snyk();
const t2 = tokensC.snyk();
const org = uuid();

testRule(snykToken, {
  valid: [
    { name: 'a UUID without context', path: 'src/ids.ts', code: `const requestId = '${uuid()}';` },
    { name: 'Snyk org id (not a secret)', path: '.github/workflows/snyk.yml', code: `env:\n  SNYK_ORG_ID: ${org}` },
    { name: 'secret reference', path: '.github/workflows/snyk.yml', code: 'env:\n  SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}' },
    { name: 'nil UUID placeholder', path: 'README.md', code: 'SNYK_TOKEN=00000000-0000-0000-0000-000000000000' },
    { name: 'typed placeholder', path: 'docs/ci.md', code: `SNYK_TOKEN=${['12345678', '1234', '1234', '1234', '123456789012'].join('-')}` },
    { name: 'snyk monitor with a project id', path: 'scripts/ci.sh', code: `snyk monitor --project-id=${uuid()}` },
    { name: 'allowed inline', path: 'test/snyk.test.ts', code: `process.env.SNYK_TOKEN = '${t}'; // shipgate-allow` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `SNYK_ORG=${org}\nSNYK_TOKEN=${t}`, findings: [{ line: 2, column: 12 }] },
    { name: 'snyk auth', path: 'scripts/setup.sh', code: `npm i -g snyk\nsnyk auth ${t2}`, findings: [{ line: 2, column: 11 }] },
    { name: 'snyk config set', path: 'Makefile', code: `scan:\n\tsnyk config set api=${t} && snyk test`, findings: [{ line: 2, column: 22 }] },
    { name: 'YAML', path: '.circleci/config.yml', code: `environment:\n  SNYK_API_TOKEN: "${t2}"`, findings: [{ line: 2, column: 20 }] },
    { name: 'JSON', path: 'ci/settings.json', code: `{"snykToken": "${t}", "snykOrg": "${org}"}`, findings: [{ line: 1, column: 16 }] },
    { name: 'Python', path: 'tools/report.py', code: `SNYK_TOKEN = os.environ.get("SNYK_TOKEN", "${t2}")`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM snyk/snyk:node\nENV SNYK_TOKEN=${t}`, findings: [{ line: 2, column: 16 }] },
    { name: 'Terraform variables', path: 'infra/terraform.tfvars', code: `snyk_org   = "${org}"\nsnyk_token = "${t2}"`, findings: [{ line: 2, column: 15 }] },
  ],
});

test('snyk-token: adversarial input stays bounded', () => {
  const inputs = [
    'snyk_token' + '='.repeat(200_000),
    'snyk_token=' + 'a'.repeat(1_000_000),
    'snyk auth' + ' '.repeat(500_000),
    'snyk'.repeat(250_000),
    ('SNYK_TOKEN="' + 'ab12cd34-ab12-ab12-ab12-ab12cd34ef5"').repeat(20_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(snykToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 500, `${Math.round(performance.now() - started)} ms`);
  }
});

test.run();
