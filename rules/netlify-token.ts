import { looksRandom } from '../src/entropy.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Netlify personal access tokens.
//   nfp_<36 alphanumerics>   the prefixed format (observed on public samples: 32 alphanumerics
//                            and 4 hex; no checksum could be verified, so only the shape is)
//   legacy: 43 base64url characters with no prefix, taken only where a Netlify name holds it
//   (NETLIFY_AUTH_TOKEN=, "netlifyToken": ...) or a line that mentions Netlify passes it with
//   --auth or as a Bearer token; it must look generated. NETLIFY_SITE_ID and client ids are not
//   token names and are not taken.
// https://docs.netlify.com/api/get-started/#authentication
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/netlify.go
export const netlifyToken: ContentRule = {
  id: 'netlify-token',
  kind: 'content',
  description: 'Netlify personal access tokens (nfp_; legacy 43-character tokens next to a Netlify name)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.netlify.com/api/get-started/#authentication',
  keywords: ['nfp_', 'netlify'],
  pattern: new RegExp(
    '(?:(?<![A-Za-z0-9_])(?=nfp_)' +
      '|(?:(?<![A-Za-z0-9])netlify[A-Za-z0-9_.-]{0,20}?(?:token|key|secret|auth|pat)[A-Za-z0-9_.-]{0,12}["\'`]?\\]?[ \\t]{0,4}(?::=|=>|[=:])' +
      '|--auth[= ]|bearer[ \\t])[ \\t]{0,4}["\'`]?)' +
      '(?<secret>nfp_[A-Za-z0-9]{36,60}|[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    'gi',
  ),
  validate: (secret) =>
    secret.startsWith('nfp_')
      ? /[0-9]/.test(secret.slice(4)) && /[A-Za-z]/.test(secret.slice(4)) && !isPlaceholder(secret.slice(4))
      : !/^nfp_/i.test(secret) && looksRandom(secret, { minLength: 43, minClasses: 3 }),
  secretName: 'Netlify access token',
  revoke: 'https://app.netlify.com/user/applications#personal-access-tokens (delete the token)',
};
