import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Shopify tokens and secrets: a prefix naming the kind and 32 hex characters:
//   shpat_  public app access token      shpca_  custom app access token
//   shppa_  legacy private app token     shpss_  app shared secret (client secret)
// https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing
// https://shopify.dev/changelog/app-secret-key-length-has-increased
// Linear time: a fixed prefix that cannot follow a word character, then one fixed-length run.
export const shopifyToken: ContentRule = {
  id: 'shopify-token',
  kind: 'content',
  description: 'Shopify access tokens and app shared secrets (shpat_, shpca_, shppa_, shpss_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const hex = secret.slice(6);
    return !isPlaceholder(hex) && /[a-fA-F]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'Shopify token',
  revoke:
    'the app\'s page in the Shopify admin (Settings > Apps and sales channels > Develop apps: uninstall or rotate ' +
    'the access token) or https://partners.shopify.com (rotate the client secret)',
};
