import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { ASSIGNMENT, NAME_SUFFIX } from './support/key-name.js';

// Snyk API tokens are UUIDs. A UUID is an identifier everywhere else (Snyk's own org and
// project ids are UUIDs too), so the rule only takes one assigned to a Snyk token name
// (SNYK_TOKEN, snyk_api_token, snykToken, SNYK_OAUTH_TOKEN, snyk-api-key) or given to
// `snyk auth` / `snyk config set api=`.
// https://docs.snyk.io/snyk-api/authentication-for-api
//
// Left to right, each part bounded and made of characters the next part cannot start with:
//   name        snyk, optionally api/auth/oauth, key or token, then up to 24 of [A-Za-z0-9_.-]
//   separator   1-12 of quotes, brackets, blanks, backslashes and = : , > ? (
//   value       a UUID (8-4-4-4-12 hex), not followed by [A-Za-z0-9_-]
// (name suffix and separator: rules/support/key-name.ts)
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const snykToken: ContentRule = {
  id: 'snyk-token',
  kind: 'content',
  description: 'Snyk API tokens (UUIDs) assigned to a Snyk token name or passed to snyk auth',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.snyk.io/snyk-api/authentication-for-api',
  keywords: ['snyk'],
  pattern: new RegExp(
    '(?:' +
      `snyk[_.-]?(?:(?:api|auth|oauth)[_.-]?)?(?:key|token)${NAME_SUFFIX}${ASSIGNMENT}` +
      '|' +
      'snyk[ \\t]{1,4}auth[ \\t]{1,4}' +
      '|' +
      'snyk[ \\t]{1,4}config[ \\t]{1,4}set[ \\t]{1,4}api=' +
      ')' +
      `(?<secret>${UUID})(?![a-z0-9_-])`,
    'gi',
  ),
  validate: (secret) => !isPlaceholder(secret) && !hasTypedRun(secret),
  secretName: 'Snyk API token',
  revoke: 'https://app.snyk.io/account (revoke and regenerate the token; service account tokens are in the org\'s settings)',
};
