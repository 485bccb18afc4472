import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Dynatrace API tokens: three parts separated by dots, the prefix `dt0c01` (classic access
// token), a 24-character public portion (the token id) and a 64-character secret portion, both
// upper case letters and digits. Dynatrace documents this format.
// https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication
export const dynatraceToken: ContentRule = {
  id: 'dynatrace-token',
  kind: 'content',
  description: 'Dynatrace API access tokens (dt0c01.<public>.<secret>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication',
  keywords: ['dt0c01.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [, id, key] = secret.split('.');
    return !isPlaceholder(id!) && !isPlaceholder(key!) && !hasTypedRun(id!) && !hasTypedRun(key!);
  },
  secretName: 'Dynatrace API token',
  revoke:
    'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens-legacy ' +
    '(in the environment, Access tokens: delete the token; the public portion in the finding names it)',
};
