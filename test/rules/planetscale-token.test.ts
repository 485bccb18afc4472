import { test } from 'uvu';
import { planetscaleToken } from '../../rules/planetscale-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3005);
const tkn = ['pscale', 'tkn', ''].join('_');
const pw = ['pscale', 'pw', ''].join('_');
const t = tokensC.planetscale('tkn');
const p = tokensC.planetscale('pw');
const o = tokensC.planetscale('oauth');
const url = `mysql://k3xq9z2lw8rv:${p}@aws.connect.psdb.cloud/shop?sslaccept=strict`;

testRule(planetscaleToken, {
  valid: [
    { name: 'environment reference', path: '.env.example', code: 'DATABASE_URL=mysql://${PS_USER}:${PS_PASSWORD}@aws.connect.psdb.cloud/shop' },
    { name: 'x placeholder', path: 'README.md', code: `PLANETSCALE_SERVICE_TOKEN=${tkn}${'x'.repeat(43)}` },
    { name: 'angle-bracket placeholder', path: 'docs/db.md', code: `password: ${pw}<your-password-here-from-the-dashboard>` },
    { name: 'too short', path: 'a.env', code: `DATABASE_PASSWORD=${pw}${randomFrom(BASE62, 20)}` },
    { name: 'unknown kind', path: 'a.env', code: `X=${['pscale', 'key', ''].join('_')}${randomFrom(BASE62, 43)}` },
    { name: 'allowed inline', path: 'test/db.test.ts', code: `const pw = '${p}'; // shipgate-allow: planetscale-token` },
  ],
  invalid: [
    { name: 'connection URL (.env)', path: '.env', code: `DATABASE_URL=${url}`, findings: [{ line: 1, column: 35 }] },
    { name: 'service token in a shell script', path: 'scripts/deploy-request.sh', code: `export PLANETSCALE_SERVICE_TOKEN_ID=abc123\nexport PLANETSCALE_SERVICE_TOKEN=${t}`, findings: [{ line: 2, column: 34 }] },
    { name: 'YAML', path: '.github/workflows/db.yml', code: `env:\n  PLANETSCALE_SERVICE_TOKEN: '${t}'`, findings: [{ line: 2, column: 31 }] },
    { name: 'JSON', path: 'config.json', code: `{"database": {"password": "${p}"}}`, findings: [{ line: 1, column: 28 }] },
    { name: 'TypeScript', path: 'src/db.ts', code: `const conn = connect({ host: 'aws.connect.psdb.cloud', username: 'k3xq9z2lw8rv', password: '${p}' });`, findings: [{ line: 1 }] },
    { name: 'Python OAuth token', path: 'app/ps.py', code: `headers = {"Authorization": "${o}"}`, findings: [{ line: 1, column: 30 }] },
    { name: 'HCL', path: 'infra/ps.tf', code: `provider "planetscale" {\n  service_token = "${t}"\n}`, findings: [{ line: 2, column: 20 }] },
  ],
});

test.run();
