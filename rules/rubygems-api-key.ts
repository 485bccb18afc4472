import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// RubyGems.org API keys: `rubygems_` and 48 hex characters. They push and yank gems.
// RubyGems' guides do not describe the shape; gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/rubygems.go
// https://guides.rubygems.org/api-key-scopes/
export const rubygemsApiKey: ContentRule = {
  id: 'rubygems-api-key',
  kind: 'content',
  description: 'RubyGems.org API keys (rubygems_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/rubygems.go',
  keywords: ['rubygems_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rubygems_[a-f0-9]{48})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('rubygems_'.length);
    return !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'RubyGems API key',
  revoke: 'https://rubygems.org/profile/api_keys (delete the key and create a new one)',
};
