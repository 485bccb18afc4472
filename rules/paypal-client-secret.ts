import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// PayPal REST API client secrets: 80 characters of [A-Za-z0-9_-] opening with E (client ids are
// the same length and open with A). Nothing else marks them, so the rule only takes one assigned
// to a PayPal-named secret: PAYPAL_CLIENT_SECRET, PAYPAL_SECRET, paypal.client-secret,
// paypalClientSecret, PAYPAL_LIVE_CLIENT_SECRET, and "paypal": {"client_secret": ...} on one line.
// PayPal documents the credentials but not their shape; the shape is the one issued secrets have.
// https://developer.paypal.com/api/rest/#link-getclientidandclientsecret
//
// Also a name/value pair, as container definitions hold environment variables: {"name":
// "PAYPAL_CLIENT_SECRET", "value": "..."} on one line, or a Kubernetes env entry over two (the
// value on the line right after the name; the rule is multi-line for that form only).
//
// Linear time: the pattern is sticky (`y`) and opens with a lazy run of the keyword line, so each
// keyword line is searched once, never the whole 64 KB window. "paypal" must start a name, then
// bounded runs (the name's middle, the separator, the fixed-length value) of characters the next
// part cannot start with.
const SEPARATOR = '[ \\t"\'`\\\\[\\]=:,>(]{1,12}';
/** From the end of a name to its value in a name/value pair, on the same line or the next. */
const PAIR =
  '["\']?[ \\t]{0,4}(?:,[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40}(?:-[ \\t]{1,4})?)?["\']?value["\']?[ \\t]{0,4}[:=][ \\t]{0,4}["\']?';

export const paypalClientSecret: ContentRule = {
  id: 'paypal-client-secret',
  kind: 'content',
  description: 'PayPal REST API client secrets assigned to a PayPal secret name',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developer.paypal.com/api/rest/#link-getclientidandclientsecret',
  keywords: ['paypal'],
  multiline: true,
  pattern: new RegExp(
    '[^\\n]*?(?<![A-Za-z0-9])paypal[A-Za-z0-9_.\\-"\': {]{0,24}secret[A-Za-z0-9_.-]{0,16}' +
      `(?:${SEPARATOR}|${PAIR})(?<secret>E[A-Za-z0-9_-]{79})(?![A-Za-z0-9_-])`,
    'giy',
  ),
  validate: (secret) => {
    const random = secret.slice(1);
    return (
      secret.startsWith('E') && !isPlaceholder(random) &&
      /[A-Z]/.test(random) && /[a-z]/.test(random) && /[0-9]/.test(random)
    );
  },
  secretName: 'PayPal client secret',
  revoke: 'https://developer.paypal.com/dashboard/applications (the app\'s page: generate a new secret, then disable the old one)',
};
