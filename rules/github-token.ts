import { hasBase62Crc32 } from '../src/checksum.js';
import type { ContentRule } from '../src/types.js';

// Classic GitHub tokens: a prefix naming the kind (personal, OAuth, user-to-server,
// server-to-server, refresh), 30 random base62 characters and a 6-character CRC-32 checksum.
// https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
export const githubToken: ContentRule = {
  id: 'github-token',
  kind: 'content',
  description: 'GitHub personal, OAuth, app and refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_), checksum-validated',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  validate: (secret) => hasBase62Crc32(secret.slice(4)),
  secretName: 'GitHub token',
  revoke: 'https://github.com/settings/tokens (or the app\'s settings for gho_/ghu_/ghs_ tokens)',
};
