import { crc32 } from '../src/checksum.js';
import { looksRandom } from '../src/entropy.js';
import type { ContentRule } from '../src/types.js';

// Cloudflare API credentials.
//   cfut_ (user API token), cfat_ (account API token), cfk_ (Global API Key): the scannable
//   format, 40 alphanumerics and 8 hex characters of checksum. Cloudflare documents the prefixes
//   and that a checksum follows, not how it is computed; it is the CRC-32 (IEEE) of the 40
//   characters, in lower-case hex, on the public sample checked.
//   legacy API token: 40 base64url characters, and legacy Global API Key: 37 lower-case hex,
//   taken only where a Cloudflare name holds them (CLOUDFLARE_API_TOKEN=, CF_API_KEY:, acme.sh's
//   CF_Token=, Traefik's CF_DNS_API_TOKEN=), in an X-Auth-Key header, or as a Bearer token on a
//   line that mentions Cloudflare; they must look generated.
// https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/cloudflare.go
export const cloudflareApiToken: ContentRule = {
  id: 'cloudflare-api-token',
  kind: 'content',
  description: 'Cloudflare API tokens and Global API Keys (cfut_, cfat_, cfk_, checksum-validated; legacy tokens and keys next to a Cloudflare name)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
  keywords: ['cfut_', 'cfat_', 'cfk_', 'cloudflare', 'cf_', 'x-auth-key'],
  pattern: new RegExp(
    '(?:(?<![A-Za-z0-9_])(?=cf(?:ut|at|k)_)' +
      '|(?:(?<![A-Za-z0-9])(?:cloudflare[_.-]?|cf[_.-])[A-Za-z0-9_.-]{0,20}?(?:token|key|secret|auth)[A-Za-z0-9_.-]{0,12}["\'`]?\\]?[ \\t]{0,4}(?::=|=>|[=:])' +
      '|x-auth-key:|bearer[ \\t])[ \\t]{0,4}["\'`]?)' +
      '(?<secret>cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}|[A-Za-z0-9_-]{40}|[a-f0-9]{37})(?![A-Za-z0-9_-])',
    'gi',
  ),
  validate: (secret) => {
    const prefixed = /^cf(?:ut|at|k)_/i.exec(secret);
    if (prefixed) {
      if (prefixed[0] !== prefixed[0].toLowerCase()) return false;
      const body = secret.slice(prefixed[0].length, -8);
      return crc32(body).toString(16).padStart(8, '0') === secret.slice(-8);
    }
    if (secret.length === 37) return /^[a-f0-9]{37}$/.test(secret) && looksRandom(secret, { minLength: 37, minClasses: 2 });
    return looksRandom(secret, { minLength: 40, minClasses: 3 });
  },
  secretName: 'Cloudflare API credential',
  revoke: 'https://dash.cloudflare.com/profile/api-tokens (roll or delete the token; View/Change the Global API Key)',
};
