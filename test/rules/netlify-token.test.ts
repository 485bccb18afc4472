import { test } from 'uvu';
import { netlifyToken } from '../../rules/netlify-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { hex, tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2321);
const t = Array.from({ length: 4 }, () => tokensB.netlify());
const legacy = Array.from({ length: 4 }, () => tokensB.netlifyLegacy());
const NFP = 'nf' + 'p_';
const uuid = (): string => [hex(8), hex(4), '4' + hex(3), 'a' + hex(3), hex(12)].join('-');

testRule(netlifyToken, {
  valid: [
    { name: 'x placeholder', path: '.env.example', code: `NETLIFY_AUTH_TOKEN=${NFP}${'x'.repeat(36)}` },
    { name: 'underscored test value', path: 'test/secrets.test.js', code: `const t = '${NFP}rotated_value_0000000000000000';` },
    { name: 'site id', path: '.env', code: `NETLIFY_SITE_ID=${uuid()}` },
    { name: 'OAuth client id (not a token name)', path: '.env', code: `NETLIFY_CLIENT_ID=${tokensB.netlifyLegacy()}` },
    { name: '43 characters with no Netlify name', path: 'src/ids.ts', code: `const AUTH = '${legacy[0]}';` },
    { name: 'environment reference', path: '.github/workflows/deploy.yml', code: '        NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `NETLIFY_AUTH_TOKEN=${t[0]}\nNETLIFY_SITE_ID=${uuid()}`, findings: [{ line: 1, column: 20 }] },
    { name: 'GitHub Actions', path: '.github/workflows/deploy.yml', code: `      env:\n        NETLIFY_AUTH_TOKEN: ${t[1]}`, findings: [{ line: 2, column: 29 }] },
    { name: 'JSON', path: 'config.json', code: `{"netlify": {"token": "${t[2]}"}}`, findings: [{ line: 1, column: 24 }] },
    { name: 'shell export', path: 'deploy.sh', code: `export NETLIFY_AUTH_TOKEN="${t[3]}"\nnetlify deploy --prod`, findings: [{ line: 1, column: 28 }] },
    { name: 'legacy token next to a Netlify name', path: '.env', code: `NETLIFY_AUTH_TOKEN=${legacy[1]}`, findings: [{ line: 1, column: 20 }] },
    { name: 'legacy token on the netlify CLI', path: 'Makefile', code: `deploy:\n\tnetlify deploy --prod --auth ${legacy[2]}`, findings: [{ line: 2, column: 31 }] },
    { name: 'legacy token in Python', path: 'deploy.py', code: `NETLIFY_TOKEN = "${legacy[3]}"`, findings: [{ line: 1, column: 18 }] },
  ],
});

test.run();
