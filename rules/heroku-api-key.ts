import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Heroku API keys and OAuth tokens, in two shapes:
//   current  HRKU-AA and 58 characters of [A-Za-z0-9_-] (Heroku prefixes keys issued since 2024)
//   legacy   a UUID, taken only when assigned to a Heroku-named key, token, secret or password
//            (HEROKU_API_KEY=..., "heroku_api_token": "...", herokuAuthToken = ...). A UUID under
//            any other name (HEROKU_APP_ID, a request id) is not a secret.
// https://devcenter.heroku.com/articles/authentication#api-token-storage
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/heroku.go (HRKU- shape)
//
// The named form also reads a name/value pair, as container definitions hold environment
// variables: {"name": "HEROKU_API_KEY", "value": "..."} on one line, or a Kubernetes env entry over
// two (the value on the line right after the name; the rule is multi-line for that form only).
//
// Linear time: the pattern is sticky (`y`) and opens with a lazy run of the keyword line, so each
// keyword line is searched once, never the whole 64 KB window. HRKU- must not follow a token
// character, and "heroku" must start a name; after it, bounded runs (the name's middle and end,
// the separator, the fixed-length value) of characters the next part cannot start with.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SEPARATOR = '[ \\t"\'`\\\\[\\]=:,>(]{1,12}';
/** From the end of a name to its value in a name/value pair, on the same line or the next. */
const PAIR =
  '["\']?[ \\t]{0,4}(?:,[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40}(?:-[ \\t]{1,4})?)?["\']?value["\']?[ \\t]{0,4}[:=][ \\t]{0,4}["\']?';

export const herokuApiKey: ContentRule = {
  id: 'heroku-api-key',
  kind: 'content',
  description: 'Heroku API keys (HRKU-, or a UUID assigned to a Heroku key name)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://devcenter.heroku.com/articles/authentication',
  keywords: ['hrku-aa', 'heroku'],
  multiline: true,
  pattern: new RegExp(
    '[^\\n]*?(?:(?<![A-Za-z0-9])heroku[A-Za-z0-9_.-]{0,20}(?:key|token|secret|password|auth)[A-Za-z0-9_.-]{0,12}' +
      `(?:${SEPARATOR}|${PAIR})|(?<![A-Za-z0-9_-])(?=HRKU-))` +
      `(?<secret>HRKU-AA[A-Za-z0-9_-]{58}|${UUID})(?![A-Za-z0-9_-])`,
    'giy',
  ),
  validate: (secret) => {
    if (secret.length === 65) return secret.startsWith('HRKU-AA') && !isPlaceholder(secret.slice(7));
    const hex = secret.replace(/-/g, '');
    return !isPlaceholder(hex) && !hasTypedRun(hex.toLowerCase(), 5);
  },
  secretName: 'Heroku API key',
  revoke: 'https://dashboard.heroku.com/account (API Key: regenerate; OAuth authorizations: https://dashboard.heroku.com/account/applications)',
};
