import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stripeLiveKey } from '../../rules/stripe-live-key.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed, tokens } from '../helpers/tokens.js';

reseed(1005);
const sk = tokens.stripeLive('sk');
const rk = tokens.stripeLive('rk');
const live = (kind: string, body: string): string => [kind, 'live', body].join('_');
const shortest = live('sk', randomFrom(BASE62, 24));
const longest = live('sk', randomFrom(BASE62, 99));

testRule(stripeLiveKey, {
  valid: [
    { name: 'test-mode secret key', path: '.env', code: `STRIPE_SECRET_KEY=${tokens.stripeTest()}` },
    { name: 'test-mode restricted key', path: 'config.json', code: `{"stripe": "${['rk', 'test', randomFrom(BASE62, 40)].join('_')}"}` },
    { name: 'publishable key', path: 'src/checkout.ts', code: `loadStripe('${live('pk', randomFrom(BASE62, 99))}');` },
    { name: 'x placeholder', path: 'README.md', code: `STRIPE_SECRET_KEY=${live('sk', 'x'.repeat(24))}` },
    { name: 'doc ellipsis', path: 'docs/billing.md', code: 'Set `STRIPE_SECRET_KEY` to your `sk_live_...` key.' },
    { name: 'too short', path: 'a.ts', code: `const k = '${live('sk', randomFrom(BASE62, 23))}';` },
    { name: 'too long', path: 'a.ts', code: `const k = '${live('sk', randomFrom(BASE62, 100))}';` },
    { name: 'inside a longer word', path: 'a.txt', code: `ta${live('sk', randomFrom(BASE62, 30))}` },
    { name: 'environment reference', path: 'src/stripe.ts', code: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);' },
    { name: 'allowed inline', path: 'test/fixtures.ts', code: `const k = '${sk}'; // shipgate-allow: stripe-live-key` },
  ],
  invalid: [
    { name: '.env', path: '.env.production', code: `STRIPE_SECRET_KEY=${sk}`, findings: [{ line: 1, column: 19 }] },
    { name: 'JSON', path: 'config/prod.json', code: `{\n  "stripe": {"restrictedKey": "${rk}"}\n}`, findings: [{ line: 2, column: 32 }] },
    { name: 'YAML', path: 'values.yaml', code: `stripe:\n  secretKey: "${shortest}"`, findings: [{ line: 2, column: 15 }] },
    { name: 'TypeScript', path: 'src/billing.ts', code: `const stripe = new Stripe('${longest}', { apiVersion: '2024-06-20' });`, findings: [{ line: 1, column: 28 }] },
    { name: 'Python', path: 'billing.py', code: `import stripe\nstripe.api_key = "${sk}"`, findings: [{ line: 2, column: 19 }] },
    { name: 'shell curl', path: 'scripts/refund.sh', code: `curl https://api.stripe.com/v1/refunds -u ${sk}: -d charge=ch_1`, findings: [{ line: 1, column: 43 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM ruby:3.3\nENV STRIPE_API_KEY=${rk}`, findings: [{ line: 2, column: 20 }] },
    { name: 'Terraform', path: 'stripe.tf', code: `provider "stripe" {\n  api_key = "${sk}"\n}`, findings: [{ line: 2, column: 14 }] },
    { name: 'INI', path: 'config.ini', code: `[stripe]\nsecret = ${sk}`, findings: [{ line: 2, column: 10 }] },
  ],
});

test('stripe-live-key: adversarial input stays bounded', () => {
  const inputs = [
    live('sk', 'A'.repeat(200_000)),
    (live('sk', 'a'.repeat(23)) + ' ').repeat(30_000),
    live('rk', '').repeat(100_000),
    live('sk', randomFrom(BASE62, 98)).repeat(8_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(stripeLiveKey, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
