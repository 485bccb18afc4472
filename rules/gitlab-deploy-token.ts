import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { GITLAB_ROUTABLE_TAIL, isGitlabRoutableToken } from './support/gitlab-routable.js';

// GitLab deploy tokens: gldt- + 20 characters of [A-Za-z0-9_-] (the shape gitleaks describes;
// GitLab's token page lists the prefix). Routable ones, should GitLab issue them, are accepted
// when their length field and CRC-32 verify (scheme in gitlab-personal-token.ts).
// https://docs.gitlab.com/security/tokens/#token-prefixes
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gitlab.go
export const gitlabDeployToken: ContentRule = {
  id: 'gitlab-deploy-token',
  kind: 'content',
  description: 'GitLab deploy tokens (gldt-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
  keywords: ['gldt-'],
  pattern: new RegExp(
    `(?<![A-Za-z0-9_-])(?<secret>gldt-(?:${GITLAB_ROUTABLE_TAIL}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-])`,
    'g',
  ),
  validate: (secret) =>
    secret.includes('.') ? isGitlabRoutableToken(secret, 'gldt-') : !isPlaceholder(secret.slice('gldt-'.length)),
  secretName: 'GitLab deploy token',
  revoke:
    'https://docs.gitlab.com/user/project/deploy_tokens/#revoke-a-deploy-token (the project\'s or group\'s ' +
    'Settings > Repository > Deploy tokens: revoke, then create a new one)',
};
