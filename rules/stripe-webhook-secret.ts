import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Stripe webhook signing secrets: `whsec_` and the secret that signs the Stripe-Signature header.
// Endpoints created in the Dashboard get 32 base62 characters; `stripe listen` prints one with 64
// hex characters. Whoever holds it can forge events (a paid invoice, a finished checkout).
// https://docs.stripe.com/webhooks#verify-events
// (SonarSource's rule S6718 matches the same shape: whsec_ and 32 to 64 alphanumerics.)
export const stripeWebhookSecret: ContentRule = {
  id: 'stripe-webhook-secret',
  kind: 'content',
  description: 'Stripe webhook signing secrets (whsec_), from the Dashboard or the Stripe CLI',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.stripe.com/webhooks#verify-events',
  keywords: ['whsec_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9]{32,64})(?![A-Za-z0-9_+/])/g,
  validate: (secret) => looksRandom(secret.slice('whsec_'.length)),
  secretName: 'Stripe webhook signing secret',
  revoke: 'https://dashboard.stripe.com/webhooks (open the endpoint and roll its signing secret)',
};

function looksRandom(value: string): boolean {
  return !isPlaceholder(value) && !hasTypedRun(value);
}
