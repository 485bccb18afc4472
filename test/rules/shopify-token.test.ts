import { test } from 'uvu';
import { shopifyToken } from '../../rules/shopify-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3121);
const at = tokensA.shopify('at');
const ca = tokensA.shopify('ca');
const pa = tokensA.shopify('pa');
const ss = tokensA.shopify('ss');
const more = Array.from({ length: 4 }, () => tokensA.shopify('at'));

testRule(shopifyToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SHOPIFY_ACCESS_TOKEN=shpat_${'x'.repeat(32)}` },
    { name: 'shortened', path: 'docs/app.md', code: 'X-Shopify-Access-Token: shpat_...' },
    { name: 'zeros', path: 'test/fixtures.json', code: `{"token": "shpat_${'0'.repeat(32)}"}` },
    { name: 'unknown kind', path: 'a.env', code: `TOKEN=shpxx_${hex(32)}` },
    { name: '31 hex characters', path: 'a.env', code: `TOKEN=shpat_${hex(31)}` },
    { name: 'environment lookup', path: 'shop.js', code: 'const session = { accessToken: process.env.SHOPIFY_ACCESS_TOKEN };' },
    { name: 'glued to a word', path: 'a.txt', code: `x${at}` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `SHOPIFY_ACCESS_TOKEN=${at}\nSHOPIFY_API_SECRET=${ss}`, findings: [{ line: 1, column: 22 }, { line: 2, column: 20 }] },
    { name: 'shell curl', path: 'products.sh', code: `curl -H "X-Shopify-Access-Token: ${ca}" https://acme.myshopify.com/admin/api/2024-10/products.json`, findings: [{ line: 1, column: 34 }] },
    { name: 'JS', path: 'src/shop.ts', code: `const client = new shopify.clients.Rest({ session: { accessToken: '${pa}' } });`, findings: [{ line: 1, column: 68 }] },
    { name: 'Python', path: 'sync.py', code: `shopify.Session("acme.myshopify.com", "2024-10", "${more[0]}")`, findings: [{ line: 1, column: 51 }] },
    { name: 'YAML', path: 'config.yml', code: `shopify:\n  token: ${more[1]}`, findings: [{ line: 2, column: 10 }] },
    { name: 'JSON', path: 'shopify.app.json', code: `{"access_token": "${more[2]}"}`, findings: [{ line: 1, column: 19 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV SHOPIFY_ACCESS_TOKEN=${more[3]}`, findings: [{ line: 1, column: 26 }] },
  ],
});

test.run();
