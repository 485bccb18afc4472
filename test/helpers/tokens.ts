// Token-shaped fixtures, made at test time from parts (with valid checksums where the format
// has one) so that no secret-shaped literal is ever committed: this repository scans itself.

import { generateKeyPairSync } from 'node:crypto';
import { crc32, encodeBase62 } from '../../src/checksum.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = BASE62 + '+/';

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

const digits = (n: number): string => randomFrom('0123456789', n);

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
  awsKeyId: (prefix = 'AKIA'): string => prefix + randomFrom(UPPER_BASE32, 16),
  awsSecret: (): string => randomFrom(BASE64, 40),
  /** The AWS documentation's example key id, built from parts. */
  awsDocExampleKeyId: (): string => ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
  slackBot: (): string => ['xoxb', digits(11), digits(13), randomFrom(BASE62, 24)].join('-'),
  slackUser: (): string => ['xoxp', digits(11), digits(11), digits(13), randomFrom('0123456789abcdef', 32)].join('-'),
  stripeLive: (kind: 'sk' | 'rk' = 'sk'): string => `${kind}_${'live'}_${randomFrom(BASE62, 99).slice(0, 24 + Math.floor(random() * 75))}`,
  stripeTest: (): string => `sk_${'test'}_${randomFrom(BASE62, 24)}`,
};

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
  return [`-----BEGIN OPENSSH ${'PRIVATE'} KEY-----`, ...lines, `-----END OPENSSH ${'PRIVATE'} KEY-----`].join('\n');
}
