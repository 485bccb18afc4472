import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Sentry auth tokens:
//   sntrys_<base64 JSON>_<secret>   organization auth token: the payload is base64 (padded) of
//                                   {"iat", "url", "region_url", "org"}, the secret 32 random
//                                   bytes in unpadded base64 (43 characters)
//   sntryu_<64 hex>                 user auth token: 32 random bytes in hex
// The checks are those sentry-cli applies before it sends a token.
// https://docs.sentry.io/account/auth-tokens/
// https://github.com/getsentry/sentry-cli/blob/master/src/utils/auth_token/org_auth_token.rs
export const sentryAuthToken: ContentRule = {
  id: 'sentry-auth-token',
  kind: 'content',
  description: 'Sentry organization (sntrys_, payload validated) and user (sntryu_) auth tokens',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.sentry.io/account/auth-tokens/',
  keywords: ['sntrys_', 'sntryu_'],
  pattern:
    /(?<![A-Za-z0-9_])(?<secret>sntrys_[A-Za-z0-9+/]{20,1000}={0,2}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9_+/=-])/g,
  validate: (secret) => {
    if (secret.startsWith('sntryu_')) return !isPlaceholder(secret.slice(7));
    const [, payload, key] = secret.split('_') as [string, string, string];
    return isOrgPayload(payload) && !isPlaceholder(key);
  },
  secretName: 'Sentry auth token',
  revoke:
    'https://sentry.io/settings/auth-tokens/ (organization tokens: Settings, Auth Tokens; user tokens: ' +
    'User settings, Personal Tokens)',
};

function isOrgPayload(payload: string): boolean {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    return value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['org'] === 'string';
  } catch {
    return false;
  }
}
