import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Prefect Cloud API keys for users: `pnu_` and 36 base62 characters (`prefect cloud login -k`).
// Prefect documents the keys, not their shape; gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/prefect.go
// https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys
export const prefectApiKey: ContentRule = {
  id: 'prefect-api-key',
  kind: 'content',
  description: 'Prefect Cloud user API keys (pnu_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/prefect.go',
  keywords: ['pnu_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('pnu_'.length);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Prefect API key',
  revoke: 'https://app.prefect.cloud/my/api-keys (delete the key; service account keys are under the account\'s Service Accounts)',
};
