import { test } from 'uvu';
import { npmrcAuthToken } from '../../rules/npmrc-auth-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { hex, tokensB } from '../helpers/tokens-b.js';
import { reseed, tokens } from '../helpers/tokens.js';

reseed(2311);
const uuid = (): string => [hex(8), hex(4), '4' + hex(3), 'a' + hex(3), hex(12)].join('-');
const legacy = Array.from({ length: 6 }, uuid);
const npm = tokens.npm();
const ghp = tokens.githubClassic('p');
const artifactory = tokensB.generic(64);
const basic = Buffer.from(`ci-bot:${tokensB.password()}`).toString('base64');
const password64 = Buffer.from(tokensB.password()).toString('base64');
const AUTH_TOKEN = ['_auth', 'Token'].join('');

testRule(npmrcAuthToken, {
  valid: [
    { name: 'environment reference (the documented form)', path: '.npmrc', code: `//registry.npmjs.org/:${AUTH_TOKEN}=\${NPM_TOKEN}` },
    { name: 'shell variable', path: '.github/workflows/release.yml', code: `      - run: echo "//registry.npmjs.org/:${AUTH_TOKEN}=$NPM_TOKEN" > ~/.npmrc` },
    { name: 'Windows variable', path: 'ci.cmd', code: `echo //registry.npmjs.org/:${AUTH_TOKEN}=%NPM_TOKEN%>> .npmrc` },
    { name: 'variable name', path: '.npmrc', code: `//npm.pkg.github.com/:${AUTH_TOKEN}=GITHUB_TOKEN` },
    { name: 'placeholder', path: 'README.md', code: `//registry.npmjs.org/:${AUTH_TOKEN}=<your-token>` },
    { name: 'prose about the setting', path: 'docs/publishing.md', code: `Set \`//registry.npmjs.org/:${AUTH_TOKEN}\` in your environment configuration.` },
    { name: 'indented _auth is code, not .npmrc', path: 'client.py', code: `class Client:\n    _auth = "${basic}"` },
    { name: 'db_password is not npm config', path: '.env', code: `db_password=${tokensB.password()}` },
    { name: 'Yarn reading the environment', path: '.yarnrc.yml', code: 'npmAuthToken: "${NPM_TOKEN}"' },
  ],
  invalid: [
    { name: '.npmrc scoped _authToken (legacy UUID token)', path: '.npmrc', code: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:${AUTH_TOKEN}=${legacy[0]}`, findings: [{ line: 2, column: 34 }] },
    { name: 'npm_ token (npm-token reports it too)', path: '.npmrc', code: `//registry.npmjs.org/:${AUTH_TOKEN}=${npm}`, findings: [{ line: 1, column: 34 }] },
    { name: 'GitHub Packages', path: 'packages/ui/.npmrc', code: `@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:${AUTH_TOKEN}=${ghp}`, findings: [{ line: 2, column: 34 }] },
    { name: 'Verdaccio with a port', path: '.npmrc', code: `//localhost:4873/:${AUTH_TOKEN}="${legacy[1]}"`, findings: [{ line: 1, column: 31 }] },
    { name: 'Artifactory _auth and _password', path: '.npmrc', code: `//acme.jfrog.io/artifactory/api/npm/npm/:_auth=${basic}\n//acme.jfrog.io/artifactory/api/npm/npm/:_password=${password64}`, findings: [{ line: 1, column: 48 }, { line: 2, column: 52 }] },
    { name: 'global _authToken', path: '.npmrc', code: `${AUTH_TOKEN} = ${artifactory}\nalways-auth=true`, findings: [{ line: 1, column: 14 }] },
    { name: 'global _auth', path: '.npmrc', code: `_auth=${basic}\nemail=ci@acme-logistics.io`, findings: [{ line: 1, column: 7 }] },
    { name: 'Dockerfile writing .npmrc', path: 'Dockerfile', code: `FROM node:20\nRUN echo "//registry.npmjs.org/:${AUTH_TOKEN}=${legacy[2]}" > /root/.npmrc && npm ci`, findings: [{ line: 2, column: 44 }] },
    { name: 'GitHub Actions step', path: '.github/workflows/publish.yml', code: `      - run: echo '//registry.npmjs.org/:${AUTH_TOKEN}=${legacy[3]}' >> .npmrc`, findings: [{ line: 1 }] },
    { name: 'npm config set', path: 'scripts/setup.sh', code: `npm config set "//registry.npmjs.org/:${AUTH_TOKEN}" "${legacy[4]}"`, findings: [{ line: 1 }] },
    { name: 'Yarn Berry npmAuthToken', path: '.yarnrc.yml', code: `npmRegistries:\n  "https://npm.pkg.github.com":\n    npmAuthToken: ${ghp}`, findings: [{ line: 3, column: 19 }] },
  ],
});

test.run();
