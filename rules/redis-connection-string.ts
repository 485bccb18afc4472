import type { ContentRule } from '../src/types.js';
import { credentialUrlPattern, isRealPassword } from './support/credential-url.js';

// Redis URLs, redis://[[user]:password@]host[:port][/db] and rediss:// over TLS (IANA provisional
// registration); the user is often empty (redis://:password@host) or "default".
// The secret is the password; url-basic-auth.ts describes the pattern and the password check
// (templates, variable references, documentation words, well-known defaults and user == password
// are not reported; local hosts are).
export const redisConnectionString: ContentRule = {
  id: 'redis-connection-string',
  kind: 'content',
  description: 'Passwords in Redis connection URLs (redis://, rediss://), with or without a user name',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.iana.org/assignments/uri-schemes/prov/redis',
  keywords: ['redis://', 'rediss://'],
  pattern: credentialUrlPattern('rediss?'),
  validate: isRealPassword,
  secretName: 'Redis password',
  revoke: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/ (ACL SETUSER or CONFIG SET requirepass; on a managed Redis, rotate in the provider console)',
};
