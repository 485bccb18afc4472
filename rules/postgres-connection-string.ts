import type { ContentRule } from '../src/types.js';
import { credentialUrlPattern, isRealPassword } from './support/credential-url.js';

// PostgreSQL connection URIs, libpq's postgresql://[user[:password]@][host][:port][/dbname][?params]
// (postgres:// is an alias), and SQLAlchemy's postgresql+driver:// form.
// The secret is the password; url-basic-auth.ts describes the pattern and the password check
// (templates, variable references, documentation words, well-known defaults and user == password
// are not reported; local hosts are).
export const postgresConnectionString: ContentRule = {
  id: 'postgres-connection-string',
  kind: 'content',
  description: 'Passwords in PostgreSQL connection URIs (postgres://, postgresql://, postgresql+driver://)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  keywords: ['postgres://', 'postgresql://', 'postgres+', 'postgresql+'],
  pattern: credentialUrlPattern('postgres(?:ql)?(?:\\+[A-Za-z0-9]+)?'),
  validate: isRealPassword,
  secretName: 'PostgreSQL password',
  revoke: 'https://www.postgresql.org/docs/current/sql-alterrole.html (ALTER ROLE ... PASSWORD; on a managed database, reset it in the provider console)',
};
