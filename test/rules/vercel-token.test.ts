import { test } from 'uvu';
import { vercelToken } from '../../rules/vercel-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB } from '../helpers/tokens-b.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';

reseed(2320);
const p = [tokensB.vercel('p'), tokensB.vercel('p'), tokensB.vercel('p')];
const integration = tokensB.vercel('i');
const app = tokensB.vercel('a');
const legacy = Array.from({ length: 5 }, () => tokensB.vercelLegacy());
const flip = (token: string): string => token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');

testRule(vercelToken, {
  valid: [
    { name: 'checksum does not match', path: '.env', code: `VERCEL_TOKEN=${flip(p[0]!)}` },
    { name: 'upper-case prefix', path: '.env', code: `VERCEL_TOKEN=${p[0]!.replace(/^vcp/, 'VCP')}` },
    { name: 'org id is not a token', path: '.github/workflows/preview.yml', code: `      VERCEL_ORG_ID: ${mixed(BASE62, 24)}\n      VERCEL_PROJECT_ID: prj_${mixed(BASE62, 28)}` },
    { name: '24 characters with no Vercel name', path: 'src/ids.ts', code: `export const TOKEN = '${legacy[0]}';` },
    { name: 'legacy shape without digits', path: '.env', code: `VERCEL_TOKEN=${randomFrom('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 24)}` },
    { name: 'environment reference', path: '.github/workflows/deploy.yml', code: '      - run: vercel deploy --prod --token=${{ secrets.VERCEL_TOKEN }}' },
    { name: 'placeholder', path: '.env.example', code: 'VERCEL_TOKEN=vcp_xxx' },
  ],
  invalid: [
    { name: '.env personal token', path: '.env', code: `VERCEL_TOKEN=${p[0]}`, findings: [{ line: 1, column: 14 }] },
    { name: 'integration and app tokens in JSON', path: 'config/integrations.json', code: `{\n  "integration": "${integration}",\n  "app": "${app}"\n}`, findings: [{ line: 2, column: 19 }, { line: 3, column: 11 }] },
    { name: 'shell Bearer header', path: 'scripts/domains.sh', code: `curl -H "Authorization: Bearer ${p[1]}" https://api.vercel.com/v9/projects`, findings: [{ line: 1, column: 32 }] },
    { name: 'legacy token next to a Vercel name', path: '.env.production', code: `VERCEL_TOKEN=${legacy[1]}`, findings: [{ line: 1, column: 14 }] },
    { name: 'legacy token on the vercel CLI', path: 'deploy.sh', code: `npx vercel deploy --prod --token ${legacy[2]}`, findings: [{ line: 1, column: 34 }] },
    { name: 'legacy token as a GitHub Action input', path: '.github/workflows/preview.yml', code: `        with:\n          vercel-token: ${legacy[3]}`, findings: [{ line: 2, column: 25 }] },
    { name: 'legacy token in a camelCase key', path: 'deploy.config.js', code: `module.exports = { vercelApiToken: "${legacy[4]}" };`, findings: [{ line: 1, column: 37 }] },
    { name: 'Python', path: 'deploy.py', code: `VERCEL_TOKEN = "${p[2]}"`, findings: [{ line: 1, column: 17 }] },
  ],
});

test.run();
