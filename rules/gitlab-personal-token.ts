import { crc32 } from '../src/checksum.js';
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

/** Regex source of a routable token after its prefix (shared by the other GitLab token rules). */
export const GITLAB_ROUTABLE_TAIL = '[A-Za-z0-9_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9}';

/**
 * Whether `token` (starting with `prefix`) is a routable GitLab token whose length field and
 * CRC-32 verify. `infix` allows characters between the prefix and the payload (glrt-t1_).
 */
export function isGitlabRoutableToken(token: string, prefix: string, infix?: RegExp): boolean {
  const dot = token.indexOf('.');
  if (!token.startsWith(prefix) || dot < 0) return false;
  const body = token.slice(prefix.length, dot);
  const length = Number.parseInt(token.slice(-9, -7), 36);
  // Unpadded base64 is never 1 character past a multiple of 4.
  if (!(length >= 27 && length <= body.length) || length % 4 === 1) return false;
  const extra = body.slice(0, body.length - length);
  if (extra && !infix?.test(extra)) return false;
  return crc32(token.slice(0, -7)).toString(36).padStart(7, '0') === token.slice(-7);
}

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
