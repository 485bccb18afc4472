import { EXAMPLE_AND_TEST_FILES } from './support/doc-paths.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Signed JSON Web Tokens in compact serialization (RFC 7519 over RFC 7515): three base64url parts,
// header.payload.signature. A bearer JWT is a live credential until it expires, and long-lived
// ones (service accounts, the Supabase service_role key) are common in committed config.
// https://datatracker.ietf.org/doc/html/rfc7519#section-3
// Reported only when:
//   - header and payload are base64url JSON objects (both start with eyJ, which is `{"`),
//   - the header names an algorithm other than "none" (RFC 7518 §3.6: unsecured JWTs carry no
//     signature and grant nothing),
//   - the signature is present: at least 32 characters (HS256, the shortest, has 43).
// Not reported: the jwt.io documentation token (sub 1234567890, name John Doe), and Supabase
// "anon" keys (role anon, issuer supabase), which are public by design and ship in browser code;
// a Supabase service_role key is reported.
// The secret is the whole token. Three bounded runs separated by '.', which none contains, and
// a look-ahead that the token does not go on: linear time.
export const jwt: ContentRule = {
  id: 'jwt',
  kind: 'content',
  description: 'Signed JSON Web Tokens (header with an algorithm other than none, non-empty signature)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  excludeFiles: [...EXAMPLE_AND_TEST_FILES],
  source: 'https://datatracker.ietf.org/doc/html/rfc7519#section-3',
  keywords: ['eyj'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{32,1400})(?!\.?[A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [header, payload, signature] = secret.split('.') as [string, string, string];
    const h = decodeJson(header);
    const p = decodeJson(payload);
    if (!h || !p) return false;
    if (typeof h['alg'] !== 'string' || h['alg'].length === 0 || h['alg'].toLowerCase() === 'none') return false;
    if (p['sub'] === '1234567890' && p['name'] === 'John Doe') return false;
    if (p['role'] === 'anon' && p['iss'] === 'supabase') return false;
    return !isPlaceholder(signature);
  },
  secretName: 'JSON Web Token',
  revoke:
    'https://datatracker.ietf.org/doc/html/rfc7519#section-4.1.4 (a JWT cannot be revoked by itself: rotate ' +
    'the key that signed it at the issuer, or revoke the session or service account it belongs to)',
};

/** A base64url part decoded as a JSON object, or undefined. */
function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
