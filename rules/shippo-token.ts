import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Shippo live API tokens: `shippo_live_` and 40 hex characters; they buy postage on the
// account's card. Test tokens (shippo_test_) buy nothing and are not findings.
// https://docs.goshippo.com/docs/guides_general/authentication/
// (the shape as gitleaks matches it: cmd/generate/config/rules/shippo.go)
export const shippoToken: ContentRule = {
  id: 'shippo-token',
  kind: 'content',
  description: 'Shippo live API tokens (shippo_live_); test tokens are allowed',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.goshippo.com/docs/guides_general/authentication/',
  keywords: ['shippo_live_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shippo_live_[a-fA-F0-9]{40})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('shippo_live_'.length);
    return !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Shippo live API token',
  revoke: 'https://apps.goshippo.com/settings/api (regenerate the live token)',
};
