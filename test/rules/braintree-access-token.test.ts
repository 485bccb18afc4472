import { test } from 'uvu';
import { braintreeAccessToken } from '../../rules/braintree-access-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3124);
const t = Array.from({ length: 8 }, () => tokensA.braintree('production'));
const prefix = ['access_token', 'production', ''].join('$');

testRule(braintreeAccessToken, {
  valid: [
    { name: 'sandbox token', path: '.env.development', code: `BRAINTREE_ACCESS_TOKEN=${tokensA.braintree('sandbox')}` },
    { name: 'x placeholder', path: 'README.md', code: `BRAINTREE_ACCESS_TOKEN=${prefix}${'x'.repeat(16)}$${'x'.repeat(32)}` },
    { name: 'zeros', path: 'docs/pay.md', code: `BRAINTREE_ACCESS_TOKEN=${prefix}${'0'.repeat(16)}$${hex(32)}` },
    { name: 'merchant id only', path: 'a.env', code: `BRAINTREE_ACCESS_TOKEN=${prefix}acme1234merchant` },
    { name: 'hex part too short', path: 'a.env', code: `BRAINTREE_ACCESS_TOKEN=${t[0]!.slice(0, -1)}` },
    { name: 'environment lookup', path: 'pay.js', code: 'const gateway = new braintree.BraintreeGateway({ accessToken: process.env.BRAINTREE_ACCESS_TOKEN });' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `BRAINTREE_ACCESS_TOKEN=${t[0]}`, findings: [{ line: 1, column: 24 }] },
    { name: 'JS', path: 'src/pay.ts', code: `const gateway = new braintree.BraintreeGateway({ accessToken: '${t[1]}' });`, findings: [{ line: 1, column: 64 }] },
    { name: 'Python', path: 'pay.py', code: `gateway = braintree.BraintreeGateway(access_token="${t[2]}")`, findings: [{ line: 1, column: 52 }] },
    { name: 'YAML', path: 'config.yml', code: `braintree:\n  access_token: '${t[3]}'`, findings: [{ line: 2, column: 18 }] },
    { name: 'JSON', path: 'settings.json', code: `{"braintree": {"accessToken": "${t[4]}"}}`, findings: [{ line: 1, column: 32 }] },
    { name: 'shell (single-quoted, $ kept)', path: 'deploy.sh', code: `export BRAINTREE_ACCESS_TOKEN='${t[5]}'`, findings: [{ line: 1, column: 32 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV BRAINTREE_ACCESS_TOKEN='${t[6]}'`, findings: [{ line: 1, column: 29 }] },
    { name: 'Terraform', path: 'main.tf', code: `locals {\n  braintree_token = "${t[7]}"\n}`, findings: [{ line: 2, column: 22 }] },
  ],
});

test.run();
