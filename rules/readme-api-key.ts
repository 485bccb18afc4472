import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// ReadMe API keys: `rdme_` and 70 lower-case alphanumerics; they edit and publish a project's
// documentation (the rdme CLI and GitHub Action read them from README_API_KEY).
// ReadMe documents the keys, not their shape; gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/readme.go
// https://docs.readme.com/main/reference/intro/authentication
export const readmeApiKey: ContentRule = {
  id: 'readme-api-key',
  kind: 'content',
  description: 'ReadMe API keys (rdme_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/readme.go',
  keywords: ['rdme_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rdme_[a-z0-9]{70})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('rdme_'.length);
    return /[0-9]/.test(random) && /[a-z]/.test(random) && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'ReadMe API key',
  revoke: 'https://dash.readme.com (the project\'s API Keys page: delete the key and create a new one)',
};
