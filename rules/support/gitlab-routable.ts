// GitLab's routable token scheme, shared by the glpat-, glptt-, glrt- and gldt- rules: the
// payload, an optional version, and a base36 length and CRC-32. See gitlab-personal-token.ts for
// the format and its sources.

import { crc32 } from '../../src/checksum.js';

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
