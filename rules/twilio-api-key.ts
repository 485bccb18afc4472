import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Twilio API keys: the key's SID, SK and 32 lower-case hex characters (its secret is a separate
// 32-character string with no marker of its own). The SID alone is an identifier, but it is what
// gets committed next to the secret, and what Twilio's console lists to revoke.
// https://www.twilio.com/docs/iam/api-keys
// Keywords: the prefix with each hex digit that can follow it ("sk" alone is in too many words);
// the pattern is case-sensitive, so "skip" or "SKETCH" never reach a match.
// Linear time: a fixed prefix that cannot follow a word character, then one fixed-length run.
// Anchored: a match starts where a keyword does, so the engine tries it only there, not along
// every line that mentions skip or sketch.
export const twilioApiKey: ContentRule = {
  id: 'twilio-api-key',
  kind: 'content',
  description: 'Twilio API key SIDs (SK + 32 hex)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.twilio.com/docs/iam/api-keys',
  keywords: [...'0123456789abcdef'].map((digit) => `sk${digit}`),
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9_])/gy,
  validate: (secret) => {
    const hex = secret.slice(2);
    return !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'Twilio API key',
  revoke: 'https://console.twilio.com/us1/account/keys-credentials/api-keys (delete the API key; its secret stops working with it)',
};
