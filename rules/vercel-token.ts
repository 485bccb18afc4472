import { hasBase62Crc32 } from '../src/checksum.js';
import { looksRandom } from '../src/entropy.js';
import type { ContentRule } from '../src/types.js';

// Vercel credentials.
//   vcp_ (personal access token), vci_ (integration token), vca_ (app access token), vcr_ (app
//   refresh token), vck_ (API key): the prefixed formats Vercel introduced with GitHub secret
//   scanning. A personal token is 50 random base62 characters and 6 base62 characters of CRC-32
//   over them, the scheme GitHub's and npm's tokens use; it held on every public sample checked
//   (7 tokens). The other kinds are assumed to share it; the length is left open (40-100).
//   legacy: 24 alphanumerics with no prefix, taken only where a Vercel name holds it
//   (VERCEL_TOKEN=, "vercelToken": ...) or a line that mentions Vercel passes it with --token or
//   as a Bearer token; it must look generated (digits and both cases, high entropy).
// https://vercel.com/changelog/new-token-formats-and-secret-scanning
// https://vercel.com/docs/rest-api#creating-an-access-token
// Shape of the legacy name: "vercel", up to 20 name characters (lazy), token|key|secret|auth, up
// to 12 more, a closing quote or bracket, an assignment (= : := =>), an opening quote. Bounded
// runs whose neighbours cannot overlap them more than their bound: linear time.
export const vercelToken: ContentRule = {
  id: 'vercel-token',
  kind: 'content',
  description: 'Vercel access tokens and API keys (vcp_, vci_, vca_, vcr_, vck_, checksum-validated; legacy 24-character tokens next to a Vercel name)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
  keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_', 'vercel'],
  pattern: new RegExp(
    '(?:(?<![A-Za-z0-9_])(?=vc[paikr]_)' +
      '|(?:(?<![A-Za-z0-9])vercel[A-Za-z0-9_.-]{0,20}?(?:token|key|secret|auth)[A-Za-z0-9_.-]{0,12}["\'`]?\\]?[ \\t]{0,4}(?::=|=>|[=:])' +
      '|--token[= ]|bearer[ \\t])[ \\t]{0,4}["\'`]?)' +
      '(?<secret>vc[paikr]_[A-Za-z0-9]{40,100}|[A-Za-z0-9]{24})(?![A-Za-z0-9_])',
    'gi',
  ),
  validate: (secret) =>
    /^vc[paikr]_/i.test(secret) ? /^vc[paikr]_/.test(secret) && hasBase62Crc32(secret.slice(4)) : looksRandom(secret, { minLength: 24, minClasses: 3 }),
  secretName: 'Vercel token',
  revoke: 'https://vercel.com/account/tokens (delete the token; integration and app tokens from the integration\'s settings)',
};
