// Checksums that token formats embed, so a validator can tell a real token from a look-alike.

const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3, as zlib) of the UTF-8 bytes of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 digits of a 32-bit unsigned integer, left-padded with '0' to `width`. */
export function encodeBase62(value: number, width: number): string {
  let out = '';
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end in 6 base62 characters that
 * encode the CRC-32 of the random part before them.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
 */
export function hasBase62Crc32(body: string): boolean {
  if (body.length <= 6) return false;
  const entropy = body.slice(0, -6);
  return body.slice(-6) === encodeBase62(crc32(entropy), 6);
}

// Bech32 (BIP-173): a human-readable part, the separator '1', 5-bit data characters from a
// 32-character alphabet, and 6 checksum characters computed with a BCH code over GF(32).
// age secret keys (AGE-SECRET-KEY-1...) are Bech32 with the human-readable part
// "age-secret-key-", written in upper case. This is Bech32, not Bech32m (BIP-350): the checksum
// constant is 1. https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki

export const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;

/** The BIP-173 checksum function over 5-bit values (`bech32_polymod` in the reference code). */
export function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) chk = (chk ^ BECH32_GENERATOR[i]!) >>> 0;
    }
  }
  return chk;
}

/** The human-readable part as the checksum sees it: high bits, a zero, low bits of each character. */
export function bech32HrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/**
 * Whether `text` is a well-formed Bech32 string whose checksum verifies: one case throughout,
 * printable human-readable part, the last '1' as separator, at least 6 data characters from the
 * Bech32 alphabet. `maxLength` defaults to BIP-173's 90; `hrp`, when given, must match.
 */
export function isValidBech32(text: string, options: { hrp?: string; maxLength?: number } = {}): boolean {
  if (text.length > (options.maxLength ?? 90)) return false;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const hrp = lower.slice(0, separator);
  for (let i = 0; i < hrp.length; i++) {
    const code = hrp.charCodeAt(i);
    if (code < 33 || code > 126) return false;
  }
  if (options.hrp !== undefined && hrp !== options.hrp.toLowerCase()) return false;
  const data: number[] = [];
  for (const ch of lower.slice(separator + 1)) {
    const value = BECH32_CHARSET.indexOf(ch);
    if (value === -1) return false;
    data.push(value);
  }
  return bech32Polymod([...bech32HrpExpand(hrp), ...data]) === 1;
}
