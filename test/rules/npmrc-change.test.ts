import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { npmrcChange } from '../../rules/npmrc-change.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const npmrc = `; project settings
engine-strict=true
save-exact=true
registry=https://registry.npmjs.org/
@acme:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=\${GITHUB_TOKEN}
`;

const yarnrcYml = `nodeLinker: node-modules
npmRegistryServer: "https://registry.yarnpkg.com"
npmScopes:
  acme:
    npmRegistryServer: "https://npm.pkg.github.com"
    npmAuthToken: "\${NPM_AUTH_TOKEN}"
`;

const yarnrc = `# yarn 1
registry "https://registry.yarnpkg.com"
"@acme:registry" "https://npm.pkg.github.com"
save-prefix "~"
`;

// A literal token, built so that this file holds no token-shaped string.
const literalToken = ['npm', '_', 'q7Rk2Lw9Xz', 'B4mN8pVt3Y', 'c6Hd1Jf5Gs', 'A0eU2o'].join('');

testChangeRule(npmrcChange, {
  valid: [
    { name: 'unrelated setting added', path: '.npmrc', before: npmrc, after: `${npmrc}fund=false\n` },
    { name: 'reformatted: spaces around =, trailing slash, comment', path: '.npmrc', before: npmrc,
      after: npmrc.replace('registry=https://registry.npmjs.org/', '# the public registry\nregistry = https://registry.npmjs.org') },
    { name: 'token from the environment added', path: '.npmrc', before: 'registry=https://registry.npmjs.org/\n',
      after: 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' },
    { name: 'always-auth turned off', path: '.npmrc', before: `${npmrc}always-auth=true\n`, after: `${npmrc}always-auth=false\n` },
    { name: 'registry line removed (back to the default)', path: '.npmrc', before: npmrc, after: npmrc.replace('registry=https://registry.npmjs.org/\n', '') },
    { name: 'file deleted', path: '.npmrc', before: npmrc, after: null },
    { name: 'yarnrc.yml: unrelated setting', path: '.yarnrc.yml', before: yarnrcYml, after: `${yarnrcYml}enableTelemetry: false\n` },
    { name: 'yarnrc.yml: env token kept, quoting changed', path: '.yarnrc.yml', before: yarnrcYml, after: yarnrcYml.replace(/"/g, "'") },
    { name: '.yarnrc: unrelated change', path: '.yarnrc', before: yarnrc, after: yarnrc.replace('"~"', '"^"') },
    { name: 'placeholder token in a template', path: 'templates/.npmrc', before: null, after: '//registry.npmjs.org/:_authToken=YOUR_TOKEN_HERE\n' },
  ],
  invalid: [
    {
      name: 'registry moved to another host',
      path: '.npmrc', before: npmrc, after: npmrc.replace('https://registry.npmjs.org/', 'https://npm.evil-mirror.example/'),
      reports: [{ messageId: 'npmrc-registry-changed', severity: 'error', line: 4, says: ['registry changed: https://registry.npmjs.org/ -> https://npm.evil-mirror.example/'] }],
    },
    {
      name: 'registry over plain http',
      path: '.npmrc', before: null, after: 'registry=http://registry.npmjs.org/\n',
      reports: [{ messageId: 'npmrc-registry-changed', severity: 'error', says: ['unset -> http://registry.npmjs.org/'] }],
    },
    {
      name: 'scope registry changed between private hosts: warning',
      path: '.npmrc', before: npmrc, after: npmrc.replace('https://npm.pkg.github.com', 'https://gitlab.example.com/api/v4/packages/npm/'),
      reports: [{ messageId: 'npmrc-registry-changed', severity: 'warn', line: 5, says: ['@acme:registry'] }],
    },
    {
      name: 'registry credentials in the URL are not shown',
      path: '.npmrc', before: npmrc, after: npmrc.replace('https://registry.npmjs.org/', 'https://deploy:hunter2@nexus.example.com/repository/npm/'),
      reports: [{ messageId: 'npmrc-registry-changed', severity: 'error', says: ['https://***@nexus.example.com'] }],
    },
    {
      name: 'literal token added',
      path: '.npmrc', before: npmrc, after: `${npmrc}//registry.npmjs.org/:_authToken=${literalToken}\n`,
      reports: [{ messageId: 'npmrc-token-added', severity: 'error', line: 7, says: ['//registry.npmjs.org/:_authToken added to .npmrc'] }],
    },
    {
      name: 'env token replaced by a literal one',
      path: 'packages/cli/.npmrc', before: npmrc, after: npmrc.replace('${GITHUB_TOKEN}', literalToken),
      reports: [{ messageId: 'npmrc-token-added', line: 6 }],
    },
    {
      name: 'always-auth turned on',
      path: '.npmrc', before: npmrc, after: `${npmrc}always-auth=true\n`,
      reports: [{ messageId: 'npmrc-always-auth-changed', severity: 'warn', says: ['unset -> true'] }],
    },
    {
      name: 'yarnrc.yml: registry server and literal scope token',
      path: '.yarnrc.yml', before: yarnrcYml,
      after: yarnrcYml.replace('https://registry.yarnpkg.com', 'https://registry.example.net').replace('"${NPM_AUTH_TOKEN}"', literalToken),
      reports: [
        { messageId: 'npmrc-registry-changed', severity: 'error', line: 2, says: ['npmRegistryServer changed'] },
        { messageId: 'npmrc-token-added', line: 6, says: ['npmScopes.acme.npmAuthToken added'] },
      ],
    },
    {
      name: 'yarnrc.yml: npmAlwaysAuth',
      path: '.yarnrc.yml', before: yarnrcYml, after: `${yarnrcYml}npmAlwaysAuth: true\n`,
      reports: [{ messageId: 'npmrc-always-auth-changed', line: 7 }],
    },
    {
      name: '.yarnrc: registry over http',
      path: '.yarnrc', before: yarnrc, after: yarnrc.replace('https://registry.yarnpkg.com', 'http://10.0.0.5:4873'),
      reports: [{ messageId: 'npmrc-registry-changed', severity: 'error', line: 2 }],
    },
    {
      name: 'yarnrc.yml does not parse: a warning, no crash',
      path: '.yarnrc.yml', before: yarnrcYml, after: 'npmScopes:\n  acme: [\n',
      reports: [{ messageId: 'config-unparsable', severity: 'warn', says: ['could not parse .yarnrc.yml'] }],
    },
  ],
});

test('npmrc-change: the token never reaches a finding', () => {
  const findings = findingsForChange(npmrcChange, { name: 'token', path: '.npmrc', before: null, after: `_authToken=${literalToken}\n_auth=${literalToken}\n` });
  assert.is(findings.length, 2);
  assert.not.ok(JSON.stringify(findings).includes(literalToken.slice(4)));
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('npmrc-change: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'registry=http://', '_authToken=', '@a:registry=']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(npmrcChange, { name: 'hostile', path: '.yarnrc.yml', before: null, after: hostile });
    findingsForChange(npmrcChange, { name: 'hostile', path: '.yarnrc.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
