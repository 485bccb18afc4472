import { test } from 'uvu';
import { stripeWebhookSecret } from '../../rules/stripe-webhook-secret.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3001);
const prefix = ['wh', 'sec', '_'].join('');
const s = tokensC.stripeWebhookSecret();
const cli = tokensC.stripeCliWebhookSecret();
const s2 = tokensC.stripeWebhookSecret();
const typed = prefix + '1234567890' + 'abcdefghijklmnopqrstuvwxyz';

testRule(stripeWebhookSecret, {
  valid: [
    { name: 'environment reference', path: '.env.example', code: 'STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET}' },
    { name: 'x placeholder', path: 'README.md', code: `STRIPE_WEBHOOK_SECRET=${prefix}${'X'.repeat(32)}` },
    { name: 'truncated in docs', path: 'docs/stripe.md', code: `It starts with \`${prefix}...\` and is shown once.` },
    { name: 'typed doc example', path: 'docs/setup.md', code: `Example: ${typed}` },
    { name: 'too short', path: 'src/webhook.ts', code: `const secret = '${prefix}${hex(20)}';` },
    { name: 'embedded in a longer word', path: 'a.py', code: `x = "my${s}"` },
    { name: 'longer than 64 characters', path: 'a.txt', code: `${prefix}${hex(70)}` },
    { name: 'allowed inline', path: 'test/webhook.test.ts', code: `const secret = '${s}'; // shipgate-allow: stripe-webhook-secret` },
  ],
  invalid: [
    { name: '.env', path: '.env.production', code: `STRIPE_SECRET_KEY=\nSTRIPE_WEBHOOK_SECRET=${s}`, findings: [{ line: 2, column: 23 }] },
    { name: 'Stripe CLI secret in a shell script', path: 'scripts/dev.sh', code: `#!/bin/sh\nexport STRIPE_WEBHOOK_SECRET="${cli}"\nstripe listen --forward-to localhost:3000/api/webhook`, findings: [{ line: 2, column: 31 }] },
    { name: 'TypeScript', path: 'src/webhook.ts', code: `const event = stripe.webhooks.constructEvent(body, sig, '${s}');`, findings: [{ line: 1, column: 58 }] },
    { name: 'Python', path: 'app/payments.py', code: `import stripe\nendpoint_secret = "${s2}"`, findings: [{ line: 2, column: 20 }] },
    { name: 'JSON', path: 'config/production.json', code: `{\n  "stripe": {\n    "webhookSecret": "${s}"\n  }\n}`, findings: [{ line: 3, column: 23 }] },
    { name: 'YAML', path: 'k8s/secret.yaml', code: `stringData:\n  STRIPE_WEBHOOK_SECRET: ${cli}`, findings: [{ line: 2, column: 26 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nENV STRIPE_WEBHOOK_SECRET=${s2}`, findings: [{ line: 2, column: 27 }] },
    { name: 'Terraform', path: 'infra/main.tf', code: `resource "vercel_project_environment_variable" "wh" {\n  value = "${s}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'two on one line', path: 'a.env', code: `A=${s} B=${cli}`, findings: [{ line: 1, column: 3 }, { line: 1 }] },
  ],
});

test.run();
