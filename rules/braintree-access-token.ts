import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Braintree (PayPal) production access tokens:
//   access_token$production$<merchant id: 16 lower-case alphanumerics>$<32 hex>
// Sandbox tokens (access_token$sandbox$...) move no money and are not findings. Braintree does
// not document the parts; the shape is gitleaks' with the hex tail every token carries.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/braintree.go
// Linear time: a literal prefix, then fixed-length runs around a literal '$'.
export const braintreeAccessToken: ContentRule = {
  id: 'braintree-access-token',
  kind: 'content',
  description: 'Braintree production access tokens (access_token$production$...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/braintree.go',
  keywords: ['access_token$production$'],
  pattern: /(?<![A-Za-z0-9_$])(?<secret>access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})(?![A-Za-z0-9_$])/g,
  validate: (secret) => {
    const [, , merchant, hex] = secret.split('$') as [string, string, string, string];
    return !isPlaceholder(merchant) && !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'Braintree access token',
  revoke: 'https://www.braintreegateway.com/login (Settings > API: revoke the access token; PayPal-issued tokens: https://developer.paypal.com/dashboard/)',
};
