import { GITLAB_ROUTABLE_TAIL, isGitlabRoutableToken } from './support/gitlab-routable.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// GitLab personal, project and group access tokens (glpat-), in both shapes GitLab issues:
//   legacy    glpat- + 20 characters of [A-Za-z0-9_-]; no checksum, so only placeholders are dropped
//   routable  glpat- + <payload> . [<version> .] <length><crc>, where
//             payload  unpadded base64url of the routing data, 16 random bytes and their count, 27-300 chars
//             version  2 base36 characters ("01"), present since GitLab added the version field
//             length   2 base36 characters: the payload's length
//             crc      7 base36 characters: CRC-32 (zlib) of every character before it, prefix included
// The routable scheme is GitLab's design document for Cells (and its spec matcher, which checks
// `Zlib.crc32(token[...-7]) == token[-7, 7].to_i(36)`); it was checked here against the two worked
// examples the document gives (shortest and longest token). A routable token is accepted only when
// both the length field and the checksum verify.
// https://docs.gitlab.com/security/tokens/#token-prefixes
// https://handbook.gitlab.com/handbook/engineering/architecture/design-documents/cells/routable_tokens/
//
// Linear time: the prefix is fixed and must not follow a token character, the payload run cannot
// contain '.', and every run is bounded (at most 300 backtracking steps per prefix occurrence).

export const gitlabPersonalToken: ContentRule = {
  id: 'gitlab-personal-token',
  kind: 'content',
  description: 'GitLab personal, project and group access tokens (glpat-), routable ones checksum-validated',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
  keywords: ['glpat-'],
  pattern: new RegExp(
    `(?<![A-Za-z0-9_-])(?<secret>glpat-(?:${GITLAB_ROUTABLE_TAIL}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-])`,
    'g',
  ),
  validate: (secret) =>
    secret.includes('.') ? isGitlabRoutableToken(secret, 'glpat-') : !isPlaceholder(secret.slice('glpat-'.length)),
  secretName: 'GitLab access token',
  revoke:
    'https://gitlab.com/-/user_settings/personal_access_tokens (project and group tokens: the project\'s or ' +
    'group\'s Settings > Access tokens; on self-managed GitLab, the same pages on your instance)',
};
