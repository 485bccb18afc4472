import type { ContentRule } from '../src/types.js';

// Private keys in PEM / ASCII armor: a BEGIN line naming the kind (PKCS#8 when unnamed, RSA and
// DSA PKCS#1, EC SEC1, OpenSSH, encrypted PKCS#8, PGP armor with BLOCK), base64 lines (legacy
// OpenSSL encrypted keys carry Proc-Type:/DEK-Info: headers first, PGP armor Version:/Comment:),
// and the END line of the same kind.
// https://www.rfc-editor.org/rfc/rfc7468 (PEM), https://www.rfc-editor.org/rfc/rfc1421#section-4.6
// (Proc-Type/DEK-Info), https://www.rfc-editor.org/rfc/rfc4880#section-6.2 (PGP armor)
//
// The pattern is a multi-line one: the engine hands it up to 64 KB from the start of a keyword
// line. It is sticky (`y`) and starts with a lazy run of the keyword line, so each keyword line
// costs one pass over that line, never a search of the whole window. The body is at most 32 KB
// of anything but two dashes in a row: it cannot run past the next BEGIN or END line, the two
// alternatives cannot both match a character, and so it is linear. The body is then checked by
// `validate`, which is where lines in real newlines, in literal \n escapes (a JSON or JS string,
// a GCP service account file) and in concatenated string literals are told apart from prose.
export const privateKey: ContentRule = {
  id: 'private-key',
  kind: 'content',
  description: 'PEM and PGP private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted), also inside string literals',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.rfc-editor.org/rfc/rfc7468',
  keywords: ['private key-----', 'private key block-----'],
  multiline: true,
  pattern:
    /[^\n]*?(?<secret>-----BEGIN (?<kind>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?)PRIVATE KEY(?<block> BLOCK)?-----(?:[^-]|-(?!-)){0,32768}-----END \k<kind>PRIVATE KEY\k<block>-----)/gy,
  validate: hasKeyBody,
  secretName: 'private key',
  revoke:
    'generate a new key pair and remove the old public key wherever it is trusted: ~/.ssh/authorized_keys, ' +
    'deploy keys and https://github.com/settings/keys, TLS certificates (ask the CA to revoke), signing keys',
};

/** Line breaks: real ones, or \n and \r escapes in a string literal (also double-escaped). */
const LINE_BREAK = /\\+[nr]|\r?\n|\r/;
/** Quote, concatenation and list residue around a line held in a string literal. */
const LITERAL_EDGES = /^[\s'"`+,;]+|[\s'"`+,;\\]+$/g;
const HEADER = /^[A-Za-z][A-Za-z0-9-]*:/;
const BASE64 = /^[A-Za-z0-9+/=]+$/;

/**
 * The block between BEGIN and END holds key material, not a placeholder: header lines first,
 * then only base64, at least 64 characters of it (the smallest real key, Ed25519 PKCS#8), at
 * least one long line (prose has no 40-letter words), varied, and no "..." or "xxxxxxxx".
 */
function hasKeyBody(block: string): boolean {
  const body = block.slice(block.indexOf('-----', 11) + 5, block.lastIndexOf('-----END'));
  if (/\.\.\.|…|[xX]{8}/.test(body)) return false;
  const lines = body.split(LINE_BREAK).map((line) => line.replace(LITERAL_EDGES, '')).filter(Boolean);
  let start = 0;
  while (start < lines.length && HEADER.test(lines[start]!)) start++;
  let base64 = '';
  let longest = 0;
  for (const line of lines.slice(start)) {
    for (const piece of line.split(/\s+/)) {
      const word = piece.replace(LITERAL_EDGES, '');
      if (!word) continue;
      if (!BASE64.test(word)) return false;
      base64 += word;
      longest = Math.max(longest, word.length);
    }
  }
  return base64.length >= 64 && longest >= 40 && new Set(base64).size >= 20;
}
