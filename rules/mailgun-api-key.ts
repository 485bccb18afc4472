import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Mailgun API keys, on a line that says Mailgun (the keyword is the required context: neither
// shape is distinctive alone):
//   legacy   key- and 32 lower-case alphanumerics (Mailgun's own examples go beyond hex)
//   current  32 hex, '-', 8 hex, '-', 8 hex (private API keys and webhook signing keys alike)
// The public validation key (pubkey-) is meant to be public and is not matched.
// https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/mailgun.go
//
// Also a Mailgun-named key whose value is on the next line, as a Kubernetes env entry writes it
// (- name: MAILGUN_API_KEY, then value: ...): the rule is multi-line for that form only.
//
// Linear time: the pattern is sticky (`y`) and opens with a lazy run of the keyword line, so each
// keyword line is searched once, never the whole 64 KB window; then two fixed-shape alternatives,
// each a bounded run after a literal or a boundary.
/** From the end of a name to its value in a name/value pair, on the same line or the next. */
const PAIR =
  '["\']?[ \\t]{0,4}(?:,[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40}(?:-[ \\t]{1,4})?)?["\']?value["\']?[ \\t]{0,4}[:=][ \\t]{0,4}["\']?';

export const mailgunApiKey: ContentRule = {
  id: 'mailgun-api-key',
  kind: 'content',
  description: 'Mailgun API and webhook signing keys on a Mailgun line (key-..., <32 hex>-<8 hex>-<8 hex>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key',
  keywords: ['mailgun'],
  multiline: true,
  pattern: new RegExp(
    `[^\\n]*?(?:(?<![A-Za-z0-9])mailgun[A-Za-z0-9_.-]{0,32}${PAIR})?` +
      '(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])',
    'giy',
  ),
  validate: (secret) => {
    if (secret !== secret.toLowerCase()) return false;
    const random = secret.startsWith('key-') ? secret.slice(4) : secret.replace(/-/g, '');
    return !isPlaceholder(random) && /[a-z]/.test(random) && /[0-9]/.test(random);
  },
  secretName: 'Mailgun API key',
  revoke: 'https://app.mailgun.com/settings/api_security (delete the key, or reset the webhook signing key)',
};
