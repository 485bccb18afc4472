import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Stripe live-mode secret keys (sk_live_) and restricted keys (rk_live_): the prefix and 24 to 99
// base62 characters. Test-mode keys (sk_test_, rk_test_) move no money and are not findings;
// publishable keys (pk_live_) are meant to be public.
// https://docs.stripe.com/keys
export const stripeLiveKey: ContentRule = {
  id: 'stripe-live-key',
  kind: 'content',
  description: 'Stripe live secret and restricted keys (sk_live_, rk_live_); test keys are allowed',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.stripe.com/keys',
  keywords: ['sk_live_', 'rk_live_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[sr]k_live_[A-Za-z0-9]{24,99})(?![A-Za-z0-9_])/g,
  validate: (secret) => !isPlaceholder(secret.slice('sk_live_'.length)),
  secretName: 'Stripe live API key',
  revoke: 'https://dashboard.stripe.com/apikeys (roll the key; restricted keys are listed on the same page)',
};
