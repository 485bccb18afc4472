import { test } from 'uvu';
import { githubToken } from '../../rules/github-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokens } from '../helpers/tokens.js';

const ghp = tokens.githubClassic('p');
const ghs = tokens.githubClassic('s');
const ghr = tokens.githubClassic('r');

testRule(githubToken, {
  valid: [
    { name: 'checksum does not match', path: 'src/config.ts', code: `const token = '${tokens.githubClassicBadChecksum()}';` },
    { name: 'environment reference', path: '.github/workflows/ci.yml', code: 'env:\n  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}' },
    { name: 'too short', path: 'README.md', code: 'Tokens look like `ghp_` followed by 36 characters.' },
    { name: 'embedded in a longer word', path: 'a.py', code: `x = "prefix${ghp}"` },
    { name: 'allowed inline', path: 'test/fixtures.js', code: `const t = '${ghp}'; // shipgate-allow: github-token` },
    { name: 'gitleaks allow honoured', path: 'x.go', code: `token := "${ghp}" // gitleaks:allow` },
  ],
  invalid: [
    { name: 'JS string', path: 'src/config.ts', code: `export const token = '${ghp}';`, findings: [{ line: 1, column: 23 }] },
    { name: '.env', path: '.env.production', code: `NODE_ENV=production\nGITHUB_TOKEN=${ghp}`, findings: [{ line: 2, column: 14 }] },
    { name: 'YAML', path: 'deploy.yaml', code: `auth:\n  token: "${ghs}"`, findings: [{ line: 2 }] },
    { name: 'JSON', path: 'config.json', code: `{\n  "github": {"token": "${ghr}"}\n}`, findings: [{ line: 2 }] },
    { name: 'shell', path: 'scripts/release.sh', code: `curl -H "Authorization: token ${ghp}" https://api.github.com/user`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'bot.py', code: `import os\nTOKEN = os.environ.get("GH", "${ghp}")`, findings: [{ line: 2 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nARG GH_TOKEN=${ghs}`, findings: [{ line: 2 }] },
    { name: 'allow comment for another rule does not cover it', path: 'a.js', code: `t = '${ghp}' // shipgate-allow: npm-token`, findings: [{ line: 1 }] },
  ],
});

test.run();
