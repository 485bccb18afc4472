import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { GITLAB_ROUTABLE_TAIL, isGitlabRoutableToken } from './support/gitlab-routable.js';

// GitLab runner authentication tokens (glrt-, GitLab 16+). Two shapes:
//   legacy    glrt- + 20 characters of [A-Za-z0-9_-]
//   routable  glrt-[t<runner type>_]<payload>.[<version>.]<length><crc>, accepted only when the
//             length field and the CRC-32 verify (scheme in gitlab-personal-token.ts)
// https://docs.gitlab.com/security/tokens/#runner-authentication-tokens
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gitlab.go (routable runner shape)
export const gitlabRunnerToken: ContentRule = {
  id: 'gitlab-runner-token',
  kind: 'content',
  description: 'GitLab runner authentication tokens (glrt-), routable ones checksum-validated',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.gitlab.com/security/tokens/#runner-authentication-tokens',
  keywords: ['glrt-'],
  pattern: new RegExp(
    `(?<![A-Za-z0-9_-])(?<secret>glrt-(?:${GITLAB_ROUTABLE_TAIL}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-])`,
    'g',
  ),
  validate: (secret) =>
    secret.includes('.')
      ? isGitlabRoutableToken(secret, 'glrt-', /^t[0-9]_$/)
      : !isPlaceholder(secret.slice('glrt-'.length)),
  secretName: 'GitLab runner authentication token',
  revoke:
    'https://docs.gitlab.com/security/tokens/#runner-authentication-tokens (the runner\'s page, Settings > CI/CD > ' +
    'Runners or Admin > CI/CD > Runners: reset the authentication token, or delete the runner)',
};
