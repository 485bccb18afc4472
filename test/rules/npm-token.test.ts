import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { npmToken } from '../../rules/npm-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed, tokens } from '../helpers/tokens.js';

reseed(1004);
const npm = tokens.npm();
const npm2 = tokens.npm();
const prefix = ['npm', ''].join('_');

testRule(npmToken, {
  valid: [
    { name: 'checksum does not match', path: '.npmrc', code: `//registry.npmjs.org/:_authToken=${tokens.npmBadChecksum()}` },
    { name: 'environment reference', path: '.npmrc', code: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' },
    { name: 'npm_config_ and npm_package_ variables', path: 'scripts/build.sh', code: 'echo "$npm_package_version" "$npm_config_cache"' },
    { name: 'one letter repeated', path: 'test/publish.test.ts', code: `const token = '${prefix}${'A'.repeat(36)}';` },
    { name: 'too short', path: 'README.md', code: `Tokens look like \`${npm.slice(0, -1)}\`` },
    { name: 'inside a longer word', path: 'a.txt', code: `x${npm}` },
    { name: 'legacy UUID token is another rule', path: '.npmrc', code: '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000' },
    { name: 'allowed inline', path: 'test/fixtures.js', code: `token: '${npm}', // gitleaks:allow` },
  ],
  invalid: [
    { name: '.npmrc', path: '.npmrc', code: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${npm}`, findings: [{ line: 2, column: 34 }] },
    {
      name: 'GitHub Actions YAML',
      path: '.github/workflows/publish.yml',
      code: `    - run: npm publish\n      env:\n        NODE_AUTH_TOKEN: ${npm}`,
      findings: [{ line: 3, column: 26 }],
    },
    { name: '.env', path: '.env', code: `NPM_TOKEN=${npm}`, findings: [{ line: 1, column: 11 }] },
    { name: 'JSON', path: 'deploy.json', code: `{"npmToken": "${npm}"}`, findings: [{ line: 1, column: 15 }] },
    { name: 'JS', path: 'scripts/publish.mjs', code: `process.env.NPM_TOKEN ??= '${npm}';`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'release.py', code: `NPM_TOKEN = "${npm2}"`, findings: [{ line: 1, column: 14 }] },
    { name: 'shell npm config set', path: 'ci.sh', code: `npm config set //registry.npmjs.org/:_authToken ${npm}`, findings: [{ line: 1, column: 49 }] },
    {
      name: 'Dockerfile writing .npmrc',
      path: 'Dockerfile',
      code: `FROM node:20\nRUN echo "//registry.npmjs.org/:_authToken=${npm}" > ~/.npmrc && npm ci`,
      findings: [{ line: 2, column: 44 }],
    },
  ],
});

test('npm-token: adversarial input stays bounded', () => {
  const inputs = [
    prefix + 'A'.repeat(200_000),
    (prefix + 'a'.repeat(35) + ' ').repeat(25_000),
    (prefix + 'a'.repeat(36)).repeat(25_000),
    prefix.repeat(250_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(npmToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
