import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Anthropic API keys (sk-ant-api03-) and Admin API keys (sk-ant-admin01-): the prefix, 93
// characters of [A-Za-z0-9_-] and "AA". Anthropic does not document the format; the shape is gitleaks'.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/anthropic.go
// Linear time: a fixed prefix that cannot follow a key character, then one fixed-length run.
export const anthropicApiKey: ContentRule = {
  id: 'anthropic-api-key',
  kind: 'content',
  description: 'Anthropic API keys (sk-ant-api03-) and Admin API keys (sk-ant-admin01-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/anthropic.go',
  keywords: ['sk-ant-api03-', 'sk-ant-admin01-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/g,
  validate: (secret) => !isPlaceholder(secret.slice(secret.indexOf('-', 7) + 1, -2)),
  secretName: 'Anthropic API key',
  revoke: 'https://console.anthropic.com/settings/keys (disable and delete the key; Admin keys: https://console.anthropic.com/settings/admin-keys)',
};
