import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { ASSIGNMENT, NAME_SUFFIX } from './support/key-name.js';

// Datadog API keys (32 hex characters: they submit metrics, logs and events) and application
// keys (40 hex characters: with an API key they read and change the whole account). Neither has
// a prefix, and 32 or 40 hex characters are also MD5 sums and git SHAs, so the rule only takes a
// value assigned to a name that says what it is:
//   API keys           DD_API_KEY, DATADOG_API_KEY, datadogApiKey, dd-api-key (the HTTP header)
//   application keys   DD_APP_KEY, DD_APPLICATION_KEY, DATADOG_APP_KEY, dd-application-key
// https://docs.datadoghq.com/account_management/api-app-keys/
//
// Left to right, each part bounded and made of characters the next part cannot start with:
//   name        datadog or dd (not inside a word: "addApplicationKey"), api or app(lication),
//               key, then up to 24 of [A-Za-z0-9_.-] (DD_API_KEY_PROD)
//   separator   1-12 of quotes, brackets, blanks, backslashes and = : , > ? (
//   value       a lookahead picks the length the name calls for; not followed by [A-Za-z0-9_-]
// (name suffix and separator: rules/support/key-name.ts)
const END = '(?![a-z0-9_-])';

export const datadogApiKey: ContentRule = {
  id: 'datadog-api-key',
  kind: 'content',
  description: 'Datadog API keys and application keys assigned to a Datadog key name (DD_API_KEY, DD_APP_KEY...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.datadoghq.com/account_management/api-app-keys/',
  keywords: [
    'datadog',
    'dd_api', 'dd-api', 'dd.api', 'ddapi',
    'dd_app', 'dd-app', 'dd.app', 'ddapp',
  ],
  pattern: new RegExp(
    '(?:datadog|(?<![a-z0-9])dd)[_.-]?' +
      '(?:' +
      `api[_.-]?key${NAME_SUFFIX}${ASSIGNMENT}(?=[a-f0-9]{32}${END})` +
      '|' +
      `app(?:lication)?[_.-]?key${NAME_SUFFIX}${ASSIGNMENT}(?=[a-f0-9]{40}${END})` +
      ')' +
      `(?<secret>[a-f0-9]{32}(?:[a-f0-9]{8})?)${END}`,
    'gi',
  ),
  validate: (secret) => /^[0-9a-f]+$/.test(secret) && !isPlaceholder(secret) && !hasTypedRun(secret),
  secretName: 'Datadog API or application key',
  revoke:
    'https://app.datadoghq.com/organization-settings/api-keys (revoke the API key; application keys are under ' +
    'Organization Settings, Application Keys; use your site\'s domain outside US1)',
};
