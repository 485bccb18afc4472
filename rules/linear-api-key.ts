import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Linear personal API keys: "lin_api_" and 40 alphanumerics.
// https://linear.app/developers/graphql#personal-api-keys
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/linear.go
export const linearApiKey: ContentRule = {
  id: 'linear-api-key',
  kind: 'content',
  description: 'Linear personal API keys (lin_api_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://linear.app/developers/graphql#personal-api-keys',
  keywords: ['lin_api_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])/g,
  validate: (secret) => !isPlaceholder(secret.slice(8)),
  secretName: 'Linear API key',
  revoke: 'https://linear.app/settings/account/security (Personal API keys: revoke)',
};
