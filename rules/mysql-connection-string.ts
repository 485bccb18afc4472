import type { ContentRule } from '../src/types.js';
import { credentialUrlPattern, isRealPassword } from './support/credential-url.js';

// MySQL URI-like connection strings, [scheme://][user[:password]@]host[:port][/schema], with the
// X Protocol (mysqlx://), Rails (mysql2://), MariaDB and SQLAlchemy (mysql+driver://) spellings;
// jdbc:mysql:// too.
// The secret is the password; url-basic-auth.ts describes the pattern and the password check
// (templates, variable references, documentation words, well-known defaults and user == password
// are not reported; local hosts are).
export const mysqlConnectionString: ContentRule = {
  id: 'mysql-connection-string',
  kind: 'content',
  description: 'Passwords in MySQL and MariaDB connection URIs (mysql://, mysqlx://, mysql2://, mariadb://, mysql+driver://)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html',
  keywords: ['mysql://', 'mysqlx://', 'mysql2://', 'mysql+', 'mariadb://', 'mariadb+'],
  pattern: credentialUrlPattern('mysql[x2]?(?:\\+[A-Za-z0-9]+)?|mariadb(?:\\+[A-Za-z0-9]+)?'),
  validate: isRealPassword,
  secretName: 'MySQL password',
  revoke: 'https://dev.mysql.com/doc/refman/8.0/en/alter-user.html (ALTER USER ... IDENTIFIED BY; on a managed database, reset it in the provider console)',
};
