import type { ContentRule } from '../src/types.js';
import { credentialUrlPattern, isRealPassword } from './support/credential-url.js';

// MongoDB connection strings, standard (mongodb://user:pass@host1,host2/db) and DNS seed list
// (mongodb+srv://user:pass@cluster0.abcde.mongodb.net), the form Atlas hands out.
// The secret is the password; url-basic-auth.ts describes the pattern and the password check
// (templates, variable references, documentation words, well-known defaults and user == password
// are not reported; local hosts are).
export const mongodbConnectionString: ContentRule = {
  id: 'mongodb-connection-string',
  kind: 'content',
  description: 'Passwords in MongoDB connection strings (mongodb://, mongodb+srv://)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.mongodb.com/docs/manual/reference/connection-string/',
  keywords: ['mongodb://', 'mongodb+srv://'],
  pattern: credentialUrlPattern('mongodb(?:\\+srv)?'),
  validate: isRealPassword,
  secretName: 'MongoDB password',
  revoke: 'https://www.mongodb.com/docs/atlas/security-add-mongodb-users/ (Atlas: Database Access, edit the user, new password; self-hosted: db.changeUserPassword())',
};
