import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Twilio auth tokens: 32 lower-case hex characters with no marker of their own, so the rule takes
// one only when it is assigned to an auth token name on a line that says Twilio (the keyword is
// the required context): TWILIO_AUTH_TOKEN=..., twilio_token: ..., twilioAuthToken = '...',
// AUTH_TOKEN=... next to TWILIO_ACCOUNT_SID on one line. oauth_token is not an auth token name.
// https://www.twilio.com/docs/iam/api/account (authToken)
// https://help.twilio.com/articles/223136027-Auth-Tokens-and-How-to-Change-Them
//
// Also a name/value pair, as container definitions hold environment variables: {"name":
// "TWILIO_AUTH_TOKEN", "value": "..."} on one line, or a Kubernetes env entry over two (the value
// on the line right after the name; the rule is multi-line for that form only).
//
// Linear time: the pattern is sticky (`y`) and opens with a lazy run of the keyword line, so each
// keyword line is searched once, never the whole 64 KB window. Then literal names, a bounded name
// suffix, a bounded separator and a fixed-length value, each made of characters the next part
// cannot start with.
const SEPARATOR = '[ \\t"\'`\\\\[\\]=:,>(]{1,12}';
/** From the end of a name to its value in a name/value pair, on the same line or the next. */
const PAIR =
  '["\']?[ \\t]{0,4}(?:,[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40}(?:-[ \\t]{1,4})?)?["\']?value["\']?[ \\t]{0,4}[:=][ \\t]{0,4}["\']?';

export const twilioAuthToken: ContentRule = {
  id: 'twilio-auth-token',
  kind: 'content',
  description: 'Twilio auth tokens assigned to an auth token name on a Twilio line',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.twilio.com/docs/iam/api/account',
  keywords: ['twilio'],
  multiline: true,
  pattern: new RegExp(
    '[^\\n]*?(?:twilio[_.-]?(?:auth[_.-]?)?token|(?<![A-Za-z0-9])auth[_.-]?token)[A-Za-z0-9_.-]{0,16}' +
      `(?:${SEPARATOR}|${PAIR})(?<secret>[0-9a-fA-F]{32})(?![A-Za-z0-9_])`,
    'giy',
  ),
  validate: (secret) =>
    /^[0-9a-f]{32}$/.test(secret) && !isPlaceholder(secret) && /[a-f]/.test(secret) && /[0-9]/.test(secret),
  secretName: 'Twilio auth token',
  revoke: 'https://console.twilio.com/us1/account/keys-credentials/api-keys (Auth tokens: request a secondary token, promote it, then the old one stops working)',
};
