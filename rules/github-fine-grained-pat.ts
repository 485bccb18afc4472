import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// GitHub fine-grained personal access tokens: `github_pat_`, 22 base62 characters, `_`, then 59
// base62 characters. GitHub publishes no checksum for this format, so none is checked here.
// https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
export const githubFineGrainedPat: ContentRule = {
  id: 'github-fine-grained-pat',
  kind: 'content',
  description: 'GitHub fine-grained personal access tokens (github_pat_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats',
  keywords: ['github_pat_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  validate: (secret) => !isPlaceholder(secret.slice('github_pat_'.length)),
  secretName: 'GitHub fine-grained personal access token',
  revoke: 'https://github.com/settings/personal-access-tokens (or the organization\'s settings if it approved the token)',
};
