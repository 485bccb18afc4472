import { test } from 'uvu';
import { squareOauthSecret } from '../../rules/square-oauth-secret.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3123);
const t = Array.from({ length: 8 }, () => tokensA.squareOauthSecret());
const prefix = ['sq0', 'csp-'].join('');

testRule(squareOauthSecret, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SQUARE_APPLICATION_SECRET=${prefix}${'x'.repeat(43)}` },
    { name: 'shortened', path: 'docs/oauth.md', code: `client_secret=${prefix}...` },
    { name: 'one character short', path: 'a.env', code: `SQUARE_APPLICATION_SECRET=${t[0]!.slice(0, -1)}` },
    { name: 'one character long', path: 'a.env', code: `SQUARE_APPLICATION_SECRET=${t[0]}Z` },
    { name: 'environment lookup', path: 'oauth.py', code: 'client_secret = os.environ["SQUARE_APPLICATION_SECRET"]' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `SQUARE_APPLICATION_ID=sq0idp-abc\nSQUARE_APPLICATION_SECRET=${t[0]}`, findings: [{ line: 2, column: 27 }] },
    { name: 'JS', path: 'src/oauth.ts', code: `const body = { client_id: appId, client_secret: '${t[1]}', grant_type: 'authorization_code' };`, findings: [{ line: 1, column: 50 }] },
    { name: 'Python', path: 'oauth.py', code: `CLIENT_SECRET = "${t[2]}"`, findings: [{ line: 1, column: 18 }] },
    { name: 'YAML', path: 'config.yml', code: `square:\n  client_secret: "${t[3]}"`, findings: [{ line: 2, column: 19 }] },
    { name: 'JSON', path: 'settings.json', code: `{"square": {"applicationSecret": "${t[4]}"}}`, findings: [{ line: 1, column: 35 }] },
    { name: 'shell', path: 'token.sh', code: `curl -d '{"client_secret": "${t[5]}"}' https://connect.squareup.com/oauth2/token`, findings: [{ line: 1, column: 29 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV SQUARE_APPLICATION_SECRET=${t[6]}`, findings: [{ line: 1, column: 31 }] },
    { name: 'Terraform', path: 'main.tf', code: `locals {\n  square_secret = "${t[7]}"\n}`, findings: [{ line: 2, column: 20 }] },
  ],
});

test.run();
