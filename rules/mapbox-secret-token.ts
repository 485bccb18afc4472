import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Mapbox secret access tokens. Mapbox tokens are three parts separated by dots: the kind (`pk`
// public, `sk` secret, `tk` temporary), a base64url JSON payload naming the account
// (`{"u":"<username>","a":"<token id>"}`, so it always starts `eyJ1Ijoi`) and a signature.
// Public tokens are meant to ship in client code and temporary ones expire within the hour:
// only `sk.` tokens are reported. The validator decodes the payload, which a look-alike fails.
// https://docs.mapbox.com/api/accounts/tokens/#token-format
// The payload is base64url without '.', so the three runs cannot trade characters: linear time.
export const mapboxSecretToken: ContentRule = {
  id: 'mapbox-secret-token',
  kind: 'content',
  description: 'Mapbox secret access tokens (sk.eyJ...), payload-validated; public pk. tokens are allowed',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.mapbox.com/api/accounts/tokens/#token-format',
  keywords: ['sk.eyj'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [, payload, signature] = secret.split('.');
    const claims = decodePayload(payload!);
    if (!claims) return false;
    // The Mapbox documentation's tokens belong to the account "examples".
    if (/^(?:examples?|user(?:name)?|your[-_]?user(?:name)?)$/i.test(claims.u)) return false;
    return !isPlaceholder(claims.a) && !isPlaceholder(signature!) && !hasTypedRun(signature!);
  },
  secretName: 'Mapbox secret access token',
  revoke: 'https://account.mapbox.com/access-tokens/ (delete the token and create a new one with the scopes it needs)',
};

/** The `u` (username) and `a` (token id) claims of a Mapbox token payload, or null. */
function decodePayload(payload: string): { u: string; a: string } | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const { u, a } = claims as Record<string, unknown>;
    return typeof u === 'string' && typeof a === 'string' && u.length > 0 && a.length > 0 ? { u, a } : null;
  } catch {
    return null;
  }
}
