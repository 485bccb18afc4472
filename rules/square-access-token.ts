import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Square access tokens: EAAA and 60 characters of [A-Za-z0-9_-] (personal and OAuth access
// tokens, production and sandbox alike), and the legacy sq0atp- with 22 characters.
// Facebook tokens also open with EAA but run far longer than 64 characters.
// https://developer.squareup.com/docs/build-basics/access-tokens
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/square.go (lengths)
// Linear time: fixed prefixes that cannot follow a token character, then fixed-length runs.
export const squareAccessToken: ContentRule = {
  id: 'square-access-token',
  kind: 'content',
  description: 'Square access tokens (EAAA..., sq0atp-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  keywords: ['eaaa', 'sq0atp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.startsWith('EAAA') ? secret.slice(4) : secret.slice(7);
    return !isPlaceholder(random) && /[A-Z]/.test(random) && /[a-z]/.test(random);
  },
  secretName: 'Square access token',
  revoke: 'https://developer.squareup.com/apps (the application\'s Credentials page: replace the access token; OAuth tokens: RevokeToken)',
};
