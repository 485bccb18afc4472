import { hasBase62Crc32 } from '../src/checksum.js';
import type { ContentRule } from '../src/types.js';

// npm access tokens (granular, automation, publish, read-only): `npm_`, 30 random base62
// characters and 6 base62 characters of CRC-32 checksum over them, the scheme GitHub uses.
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
export const npmToken: ContentRule = {
  id: 'npm-token',
  kind: 'content',
  description: 'npm access tokens (npm_), checksum-validated',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/',
  keywords: ['npm_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  validate: (secret) => hasBase62Crc32(secret.slice(4)),
  secretName: 'npm access token',
  revoke: 'https://www.npmjs.com/settings/~/tokens (or `npm token revoke <id>`; see https://docs.npmjs.com/revoking-access-tokens)',
};
