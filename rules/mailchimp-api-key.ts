import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Mailchimp Marketing API keys: 32 lower-case hex characters, '-', and the data center the
// account lives in (us1 ... us21); the suffix is what the API URL is built from.
// https://mailchimp.com/developer/marketing/guides/quick-start/
// Keywords: the data center suffix with its first digit (every key ends in one of them).
// Linear time: a boundary, one fixed-length run, a literal and at most two digits.
export const mailchimpApiKey: ContentRule = {
  id: 'mailchimp-api-key',
  kind: 'content',
  description: 'Mailchimp API keys (<32 hex>-us<data center>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
  keywords: [...'123456789'].map((digit) => `-us${digit}`),
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us[1-9][0-9]?)(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const hex = secret.slice(0, 32);
    return !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'Mailchimp API key',
  revoke: 'https://us1.admin.mailchimp.com/account/api/ (Account > Extras > API keys: disable and delete the key)',
};
