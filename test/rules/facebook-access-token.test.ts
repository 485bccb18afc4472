import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { facebookAccessToken } from '../../rules/facebook-access-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3020);
const t = tokensC.facebook();
const t2 = tokensC.facebook(240);
const t3 = tokensC.facebook(120);
const explorer = tokensC.facebookExplorer();
const eaa = ['EA', 'A'].join('');
const col = (line: string, token: string): number => line.indexOf(token) + 1;
const graphUrl = `https://graph.facebook.com/v19.0/me/accounts?fields=name&access_token=${t2}`;

testRule(facebookAccessToken, {
  valid: [
    { name: 'EAA token without Facebook context', path: 'src/client.ts', code: `const auth = 'Bearer ${t}';` },
    { name: 'too short (a Square-like token)', path: '.env', code: `FB_ACCESS_TOKEN=${eaa}A${randomFrom(BASE62, 60)}` },
    { name: 'lower-case eaa', path: '.env', code: `FB_ACCESS_TOKEN=${'eaa'}${randomFrom(BASE62, 150)}` },
    { name: 'no digits or one case: not base62 random', path: 'a.env', code: `FACEBOOK_TOKEN=${eaa}${randomFrom('abcdefghijklmnopqrstuvwxyz', 150)}` },
    { name: 'x placeholder', path: 'README.md', code: `FACEBOOK_ACCESS_TOKEN=${eaa}${'x'.repeat(150)}` },
    { name: 'environment reference', path: 'app.yaml', code: 'env:\n  FB_PAGE_TOKEN: ${FB_PAGE_TOKEN}' },
    { name: 'fb inside a word', path: 'a.txt', code: `abfb_token = ${t}` },
    { name: 'allowed inline', path: 'test/graph.test.ts', code: `const token = '${t}'; // shipgate-allow: facebook-access-token` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `FB_APP_ID=123456789012345\nFB_PAGE_ACCESS_TOKEN=${t}`, findings: [{ line: 2, column: 22 }] },
    { name: 'Graph API URL (shell)', path: 'scripts/pages.sh', code: `curl "${graphUrl}"`, findings: [{ line: 1, column: col(`curl "${graphUrl}"`, t2) }] },
    { name: 'Graph API Explorer token anywhere', path: 'notes.txt', code: `token: ${explorer}`, findings: [{ line: 1, column: 8 }] },
    { name: 'nested JSON', path: 'config/social.json', code: `{\n  "facebook": {"accessToken": "${t3}"}\n}`, findings: [{ line: 2, column: 32 }] },
    { name: 'JavaScript', path: 'src/fb.js', code: `const fbAccessToken = '${t}';`, findings: [{ line: 1, column: 24 }] },
    { name: 'Python', path: 'bot/graph.py', code: `GRAPH_API_TOKEN = "${t2}"`, findings: [{ line: 1, column: 20 }] },
    { name: 'WhatsApp Cloud API (YAML)', path: 'k8s/whatsapp.yaml', code: `stringData:\n  WHATSAPP_ACCESS_TOKEN: "${t3}"`, findings: [{ line: 2, column: 27 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM python:3.12\nENV FACEBOOK_ACCESS_TOKEN=${t}`, findings: [{ line: 2, column: 27 }] },
  ],
});

test('facebook-access-token: adversarial input stays bounded', () => {
  const inputs = [
    'fb_token=' + 'EAA'.repeat(330_000),
    'facebook=' + 'A'.repeat(1_000_000),
    ('fb ' + 'EAA' + 'A'.repeat(200)).repeat(4_800),
    ('fb_' + 'EAA'.repeat(30) + '=').repeat(10_000),
    'graph.facebook.com/' + 'a'.repeat(1_000_000),
    ('graph.facebook.com/x?access_token=' + 'EAA' + 'b'.repeat(120)).repeat(7_000),
    'graph.facebook.com/' + '&'.repeat(1_000_000),
    'facebook'.repeat(125_000),
    (eaa + 'CEdEose0cBA').repeat(70_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(facebookAccessToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 500, `${Math.round(performance.now() - started)} ms`);
  }
});

test.run();
