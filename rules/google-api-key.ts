import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Google API keys (Maps, Firebase, Cloud APIs...): AIza and 35 characters of [A-Za-z0-9_-].
// https://cloud.google.com/docs/authentication/api-keys
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gcp.go (shape)
// Linear time: fixed prefix that cannot follow a key character, then one fixed-length run.
export const googleApiKey: ContentRule = {
  id: 'google-api-key',
  kind: 'content',
  description: 'Google API keys (AIza...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://cloud.google.com/docs/authentication/api-keys',
  keywords: ['aiza'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const body = secret.slice(4);
    return !isPlaceholder(body) && /[A-Z]/.test(body) && /[a-z]/.test(body);
  },
  secretName: 'Google API key',
  revoke: 'https://console.cloud.google.com/apis/credentials (regenerate or delete the key, then restrict the new one)',
};
