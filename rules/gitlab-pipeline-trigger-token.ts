import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { GITLAB_ROUTABLE_TAIL, isGitlabRoutableToken } from './support/gitlab-routable.js';

// GitLab pipeline trigger tokens: glptt- + 40 lower-case hex characters (the shape gitleaks
// describes; GitLab's token page lists the prefix). Should GitLab move them to its routable format
// (see gitlab-personal-token.ts), those are accepted when their length field and CRC-32 verify.
// https://docs.gitlab.com/security/tokens/#token-prefixes
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gitlab.go
export const gitlabPipelineTriggerToken: ContentRule = {
  id: 'gitlab-pipeline-trigger-token',
  kind: 'content',
  description: 'GitLab pipeline trigger tokens (glptt-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
  keywords: ['glptt-'],
  pattern: new RegExp(
    `(?<![A-Za-z0-9_-])(?<secret>glptt-(?:${GITLAB_ROUTABLE_TAIL}|[0-9a-f]{40}))(?![A-Za-z0-9_-])`,
    'g',
  ),
  validate: (secret) => {
    if (secret.includes('.')) return isGitlabRoutableToken(secret, 'glptt-');
    const hex = secret.slice('glptt-'.length);
    return !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'GitLab pipeline trigger token',
  revoke:
    'https://docs.gitlab.com/ci/triggers/#revoke-a-pipeline-trigger-token (the project\'s Settings > CI/CD > ' +
    'Pipeline trigger tokens: revoke the token and create a new one)',
};
