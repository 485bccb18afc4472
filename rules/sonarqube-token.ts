import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// SonarQube (9.5 and later) and SonarQube Cloud tokens: a prefix naming the kind and 40 hex
// characters.
//   sqp_  project analysis token    sqa_  global analysis token    squ_  user token
// A user token has every permission of the user who made it (an admin's token administers the
// instance). Older unprefixed 40-hex tokens look like git SHAs and are not matched.
// https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
export const sonarqubeToken: ContentRule = {
  id: 'sonarqube-token',
  kind: 'content',
  description: 'SonarQube user, project analysis and global analysis tokens (squ_, sqp_, sqa_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
  keywords: ['sqp_', 'squ_', 'sqa_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sq[pua]_[a-f0-9]{40})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('sqp_'.length);
    return !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'SonarQube token',
  revoke:
    'https://sonarcloud.io/account/security (SonarQube Cloud; on a SonarQube server, <server>/account/security): ' +
    'revoke the token and generate a new one',
};
