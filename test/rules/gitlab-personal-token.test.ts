import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gitlabPersonalToken } from '../../rules/gitlab-personal-token.js';
import { isGitlabRoutableToken } from '../../rules/support/gitlab-routable.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { gitlabRoutable, offByOne, tokensA } from '../helpers/tokens-a.js';

reseed(3102);
const routable = gitlabRoutable('glpat-');
const unversioned = gitlabRoutable('glpat-', { version: false });
const routable2 = gitlabRoutable('glpat-');
const routable3 = gitlabRoutable('glpat-', { routing: 'c:1\no:1\nu:2k' });
const legacy = tokensA.gitlabLegacy('glpat-');
const legacy2 = tokensA.gitlabLegacy('glpat-');
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(gitlabPersonalToken, {
  valid: [
    { name: 'routable token, checksum off by one', path: 'src/gitlab.ts', code: `const token = '${offByOne(routable)}';` },
    { name: 'routable token, length field wrong', path: 'a.env', code: `GITLAB_TOKEN=${gitlabRoutable('glpat-', { wrongLength: true })}` },
    { name: 'routable token with another prefix\'s checksum', path: 'a.env', code: `GITLAB_TOKEN=glpat-${routable.slice(6).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}` },
    { name: 'x placeholder', path: 'README.md', code: `Set GITLAB_TOKEN=glpat-${'x'.repeat(20)} in your shell.` },
    { name: 'doc placeholder', path: 'docs/ci.md', code: 'PRIVATE-TOKEN: glpat-XXXXXXXXXXX-XXXXXXXX' },
    { name: 'CI variable reference', path: '.gitlab-ci.yml', code: 'variables:\n  GITLAB_TOKEN: ${GITLAB_API_TOKEN}' },
    { name: 'legacy length but 21 characters', path: 'a.env', code: `GITLAB_TOKEN=${legacy}Z` },
    { name: 'inside a longer word', path: 'a.txt', code: `id=x${legacy}` },
    { name: 'allowed inline', path: 'spec/fixtures.rb', code: `TOKEN = '${routable}' # shipgate-allow: gitlab-personal-token` },
  ],
  invalid: [
    { name: 'routable, JS', path: 'src/gitlab.ts', code: `export const token = '${routable}';`, findings: [{ line: 1, column: 23 }] },
    { name: 'routable without version field, .env', path: '.env', code: `GITLAB_URL=https://gitlab.example.com\nGITLAB_TOKEN=${unversioned}`, findings: [{ line: 2, column: 14 }] },
    { name: 'legacy, YAML', path: '.gitlab-ci.yml', code: `variables:\n  GITLAB_TOKEN: "${legacy}"`, findings: [{ line: 2, column: 18 }] },
    { name: 'JSON', path: 'config.json', code: `{\n  "gitlab": { "token": "${routable2}" }\n}`, findings: [{ line: 2, column: col(`  "gitlab": { "token": "${routable2}" }`, routable2) }] },
    { name: 'shell curl header', path: 'scripts/release.sh', code: `curl --header "PRIVATE-TOKEN: ${legacy2}" https://gitlab.com/api/v4/user`, findings: [{ line: 1, column: 31 }] },
    { name: 'Python', path: 'sync.py', code: `import gitlab\ngl = gitlab.Gitlab("https://gitlab.com", private_token="${routable3}")`, findings: [{ line: 2 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM alpine\nARG GITLAB_TOKEN=${legacy}`, findings: [{ line: 2, column: 18 }] },
    { name: 'Terraform provider', path: 'main.tf', code: `provider "gitlab" {\n  token = "${routable}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'in a clone URL', path: 'Makefile', code: `clone:\n\tgit clone https://oauth2:${unversioned}@gitlab.com/acme/app.git`, findings: [{ line: 2 }] },
  ],
});

test('gitlab-personal-token: the routable checksum scheme', () => {
  assert.ok(isGitlabRoutableToken(routable, 'glpat-'));
  assert.ok(isGitlabRoutableToken(unversioned, 'glpat-'));
  assert.not.ok(isGitlabRoutableToken(offByOne(routable), 'glpat-'));
  assert.not.ok(isGitlabRoutableToken(routable, 'glrt-'), 'the prefix is part of the checksummed text');
  assert.not.ok(isGitlabRoutableToken(legacy, 'glpat-'));
});

test.run();
