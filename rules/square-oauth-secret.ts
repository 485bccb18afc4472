import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Square application secrets (OAuth client secrets): sq0csp- and 43 characters of [A-Za-z0-9_-].
// https://developer.squareup.com/docs/oauth-api/overview
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/square.go (length)
// Linear time: a fixed prefix that cannot follow a token character, then one fixed-length run.
export const squareOauthSecret: ContentRule = {
  id: 'square-oauth-secret',
  kind: 'content',
  description: 'Square application (OAuth) secrets (sq0csp-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developer.squareup.com/docs/oauth-api/overview',
  keywords: ['sq0csp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice('sq0csp-'.length);
    return !isPlaceholder(random) && /[A-Z]/.test(random) && /[a-z]/.test(random);
  },
  secretName: 'Square application secret',
  revoke: 'https://developer.squareup.com/apps (the application\'s OAuth page: replace the application secret)',
};
