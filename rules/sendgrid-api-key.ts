import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// SendGrid API keys: SG., the key id (22 characters of [A-Za-z0-9_-]), '.', the secret (43).
// SendGrid does not document the parts; the shape is the one its keys have (and gitleaks matches).
// https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/sendgrid.go
// Linear time: a fixed prefix that cannot follow a key character (msg.x is not a key), then
// fixed-length runs around a literal '.', which they cannot contain.
export const sendgridApiKey: ContentRule = {
  id: 'sendgrid-api-key',
  kind: 'content',
  description: 'SendGrid API keys (SG.<id>.<secret>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  keywords: ['sg.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_.-])/g,
  validate: (secret) => {
    const [, id, key] = secret.split('.') as [string, string, string];
    return !isPlaceholder(id) && !isPlaceholder(key) && /[A-Z]/.test(key) && /[a-z]/.test(key);
  },
  secretName: 'SendGrid API key',
  revoke: 'https://app.sendgrid.com/settings/api_keys (delete the key and create a new one)',
};
