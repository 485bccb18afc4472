import { test } from 'uvu';
import { squareAccessToken } from '../../rules/square-access-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { BASE64URL, hex, tokensA } from '../helpers/tokens-a.js';

reseed(3122);
const t = Array.from({ length: 6 }, () => tokensA.squareAccess());
const legacy = Array.from({ length: 2 }, () => tokensA.squareLegacyAccess());
const prefix = ['EA', 'AA'].join('');

testRule(squareAccessToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SQUARE_ACCESS_TOKEN=${prefix}${'x'.repeat(60)}` },
    { name: 'a sha256 digest with eaaa in it', path: 'Dockerfile', code: `FROM amazon/aws-cli@sha256:eaaa${hex(60)}` },
    { name: 'upper-case hex digest', path: 'SHA256SUMS', code: `${prefix}${hex(60).toUpperCase()}  dist/app.tgz` },
    { name: 'Facebook token (longer)', path: 'a.env', code: `FB_TOKEN=${prefix}${randomFrom(BASE64URL, 180)}` },
    { name: 'one character short', path: 'a.env', code: `SQUARE_ACCESS_TOKEN=${t[0]!.slice(0, -1)}` },
    { name: 'environment lookup', path: 'pay.js', code: 'const client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN });' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `SQUARE_ENVIRONMENT=production\nSQUARE_ACCESS_TOKEN=${t[0]}`, findings: [{ line: 2, column: 21 }] },
    { name: 'JS', path: 'src/pay.ts', code: `const client = new Client({ accessToken: '${t[1]}', environment: Environment.Production });`, findings: [{ line: 1, column: 43 }] },
    { name: 'Python', path: 'pay.py', code: `client = Client(access_token="${t[2]}", environment="production")`, findings: [{ line: 1, column: 31 }] },
    { name: 'YAML', path: 'config.yml', code: `square:\n  access_token: ${t[3]}`, findings: [{ line: 2, column: 17 }] },
    { name: 'JSON', path: 'appsettings.json', code: `{"Square": {"AccessToken": "${t[4]}"}}`, findings: [{ line: 1, column: 29 }] },
    { name: 'shell curl', path: 'locations.sh', code: `curl https://connect.squareup.com/v2/locations -H 'Authorization: Bearer ${t[5]}'`, findings: [{ line: 1, column: 74 }] },
    { name: 'legacy sq0atp- in a Dockerfile', path: 'Dockerfile', code: `ARG token=${legacy[0]}`, findings: [{ line: 1, column: 11 }] },
    { name: 'legacy sq0atp- in Terraform', path: 'main.tf', code: `variable "square" {\n  default = "${legacy[1]}"\n}`, findings: [{ line: 2, column: 14 }] },
  ],
});

test.run();
