// Token-shaped fixtures, made at test time from parts (with valid checksums where the format
// has one) so that no secret-shaped literal is ever committed: this repository scans itself.

import { generateKeyPairSync } from 'node:crypto';
import { crc32, encodeBase62 } from '../../src/checksum.js';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const BASE64 = BASE62 + '+/';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = prng(20261121);

export function reseed(seed: number): void {
  random = prng(seed);
}

export function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export const digits = (n: number): string => randomFrom('0123456789', n);
const hex = (n: number): string => randomFrom('0123456789abcdef', n);

function checksummed(prefix: string): string {
  const entropy = randomFrom(BASE62, 30);
  return `${prefix}_${entropy}${encodeBase62(crc32(entropy), 6)}`;
}

export const tokens = {
  githubClassic: (kind: 'p' | 'o' | 'u' | 's' | 'r' = 'p'): string => checksummed(`gh${kind}`),
  /** Same shape, checksum off by one character. */
  githubClassicBadChecksum: (): string => {
    const good = checksummed('ghp');
    const last = good.at(-1) === 'a' ? 'b' : 'a';
    return good.slice(0, -1) + last;
  },
  githubFineGrained: (): string => `github_pat_${randomFrom(BASE62, 22)}_${randomFrom(BASE62, 59)}`,
  npm: (): string => checksummed('npm'),
  /** npm shape, checksum off by one character. */
  npmBadChecksum: (): string => {
    const good = checksummed('npm');
    return good.slice(0, -1) + (good.at(-1) === 'a' ? 'b' : 'a');
  },
  awsKeyId: (prefix = 'AKIA'): string => prefix + randomFrom(UPPER_BASE32, 16),
  awsSecret: (): string => randomFrom(BASE64, 40),
  /** The AWS documentation's example secret access key, built from parts. */
  awsDocExampleSecret: (): string => ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCY' + 'EXAMPLEKEY'].join('/'),
  /** The AWS documentation's example key id, built from parts. */
  awsDocExampleKeyId: (): string => ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
  slackBot: (): string => ['xoxb', digits(11), digits(13), randomFrom(BASE62, 24)].join('-'),
  slackUser: (): string => ['xoxp', digits(11), digits(11), digits(13), randomFrom('0123456789abcdef', 32)].join('-'),
  /** The older bot token shape: one digit group, then 24 alphanumerics. */
  slackLegacyBot: (): string => ['xoxb', digits(12), randomFrom(BASE62, 24)].join('-'),
  /** Workspace app token (xoxa-2-...) and its refresh token (xoxr-...). */
  slackWorkspace: (kind: 'a' | 'r' = 'a'): string =>
    [`xox${kind}`, '2', digits(11), digits(11), digits(13), hex(32)].join('-'),
  /** Legacy tester tokens (xoxs-, xoxo-): three digit groups and a hex tail. */
  slackLegacy: (kind: 's' | 'o' = 's'): string => [`xox${kind}`, digits(10), digits(11), digits(12), hex(64)].join('-'),
  stripeLive: (kind: 'sk' | 'rk' = 'sk'): string => `${kind}_${'live'}_${randomFrom(BASE62, 99).slice(0, 24 + Math.floor(random() * 75))}`,
  stripeTest: (): string => `sk_${'test'}_${randomFrom(BASE62, 24)}`,
};

const PRIVATE_KEY = ['PRIVATE', 'KEY'].join(' ');

/** The BEGIN or END line of a PEM block: `pemLine('BEGIN', 'RSA ')`. */
export function pemLine(edge: 'BEGIN' | 'END', kind = '', suffix = ''): string {
  return `-----${edge} ${kind}${PRIVATE_KEY}${suffix}-----`;
}

/** Base64 wrapped at `width`, as PEM writers do. */
export function wrap(base64: string, width = 64): string[] {
  return base64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
}

/** A PEM block of the given kind around `bytes` random bytes (for kinds node cannot generate). */
export function pemFromParts(kind: '' | 'RSA ' | 'EC ' | 'DSA ' | 'OPENSSH ' | 'ENCRYPTED ', bytes = 400): string {
  const body = Buffer.from(randomFrom(BASE62, bytes)).toString('base64');
  return [pemLine('BEGIN', kind), ...wrap(body), pemLine('END', kind)].join('\n');
}

/** A PEM block written as one line, with literal `\\n` escapes (a JSON or JS string). */
export function escapedPem(pem: string): string {
  return pem.split('\n').join('\\n');
}

/** An elliptic-curve key in SEC1 PEM ("EC ... KEY"), generated now. */
export function pemEcPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey.trimEnd();
}

/**
 * An RSA key encrypted with a passphrase: PKCS#8 ("ENCRYPTED ... KEY") or the legacy OpenSSL
 * PKCS#1 form with `Proc-Type:` and `DEK-Info:` header lines.
 */
export function pemEncryptedPrivateKey(type: 'pkcs1' | 'pkcs8' = 'pkcs8'): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type, format: 'pem', cipher: 'aes-128-cbc', passphrase: randomFrom(BASE62, 12) },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey.trimEnd();
}

/** An ASCII-armored PGP secret key: armor headers, a blank line, base64, the CRC-24 line. */
export function pgpPrivateKeyBlock(): string {
  const body = Buffer.from(randomFrom(BASE62, 900)).toString('base64');
  return [
    pemLine('BEGIN', 'PGP ', ' BLOCK'),
    'Version: GnuPG v2',
    'Comment: https://gnupg.org',
    '',
    ...wrap(body),
    '=' + randomFrom(BASE64, 4),
    pemLine('END', 'PGP ', ' BLOCK'),
  ].join('\n');
}

/** A real RSA private key in PEM (PKCS#1 or PKCS#8), generated now. */
export function pemPrivateKey(type: 'pkcs1' | 'pkcs8' = 'pkcs8'): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type, format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey.trimEnd();
}

/** An OpenSSH-format private key block: the header, base64 body lines and footer. */
export function opensshPrivateKey(): string {
  const body = Buffer.from('openssh-key-v1\0' + randomFrom(BASE62, 300)).toString('base64');
  const lines = body.match(/.{1,70}/g)!;
  return [pemLine('BEGIN', 'OPENSSH '), ...lines, pemLine('END', 'OPENSSH ')].join('\n');
}
