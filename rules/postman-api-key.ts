import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Postman API keys: `PMAK-`, 24 hex characters (the key's id), `-`, 34 hex characters (the
// secret). Postman's documentation does not describe the shape; gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/postman.go
// https://learning.postman.com/docs/developer/postman-api/authentication/
export const postmanApiKey: ContentRule = {
  id: 'postman-api-key',
  kind: 'content',
  description: 'Postman API keys (PMAK-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/postman.go',
  keywords: ['pmak-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [, id, key] = secret.split('-');
    return !isPlaceholder(id!) && !isPlaceholder(key!) && !hasTypedRun(id!) && !hasTypedRun(key!);
  },
  secretName: 'Postman API key',
  revoke: 'https://go.postman.co/settings/me/api-keys (delete or regenerate the key)',
};
