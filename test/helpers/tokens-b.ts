// Token-shaped fixtures for the second batch of detectors (Discord, Telegram, JWT, connection
// strings, npm registry credentials, Vault, Terraform Cloud, New Relic, Grafana, Sentry,
// Atlassian, Linear, Notion, Vercel, Netlify, Cloudflare, Fly.io, Supabase, age, generic secrets).
// Every token is assembled at run time from parts, with valid checksums where the format has one:
// the prefixes are split and the random parts come from the shared deterministic PRNG, so no
// token-shaped literal is ever committed (this repository scans itself).

import { createHmac } from 'node:crypto';
import { crc32, encodeBase62 } from '../../src/checksum.js';
import { BASE62, BASE64, digits, randomFrom } from './tokens.js';

export const HEX = '0123456789abcdef';
export const URL_SAFE = BASE62 + '_-';
export const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const hex = (n: number): string => randomFrom(HEX, n);
/** `n` pseudo-random bytes from the shared PRNG. */
export const bytes = (n: number): Buffer => Buffer.from(hex(2 * n), 'hex');
/** A string of `n` characters of `alphabet` with at least one digit, one lower and one upper case letter. */
export function mixed(alphabet: string, n: number): string {
  for (;;) {
    const s = randomFrom(alphabet, n);
    if (/[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s)) return s;
  }
}
const json64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const json64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

/** A signed JWT (HS256 unless told) over `payload`, signed with `key`. */
export function jwt(payload: Record<string, unknown>, options: { alg?: string; key?: string; signature?: string } = {}): string {
  const header = json64url({ alg: options.alg ?? 'HS256', typ: 'JWT' });
  const body = json64url(payload);
  const signature = options.signature ?? createHmac('sha256', options.key ?? randomFrom(BASE62, 32)).update(`${header}.${body}`).digest('base64url');
  return [header, body, signature].join('.');
}

// Bech32 (BIP-173), written here independently of src/checksum.ts so that the tests check one
// implementation against another.
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    gen.forEach((g, i) => {
      if ((b >>> i) & 1) chk = (chk ^ g) >>> 0;
    });
  }
  return chk;
}
/** Bech32 of `data` (8-bit bytes, regrouped in 5 bits) under `hrp`, in lower case. */
export function bech32Encode(hrp: string, data: Uint8Array): string {
  const five: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of data) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      five.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) five.push((acc << (5 - bits)) & 31);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...five, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...five, ...checksum].map((v) => BECH32[v]).join('');
}

const AGE_HRP = ['age', 'secret', 'key', ''].join('-');
/** `fm2_` and 3 macaroons' worth of base64: a msgpack array header, then random bytes. */
function macaroon(prefix: string, size: number): string {
  return prefix + Buffer.concat([Buffer.from([0x94, 0x93, 0xc4]), bytes(size)]).toString('base64');
}

export const tokensB = {
  /** A Discord bot token: base64 of a 19-digit id, a 6-character timestamp, a 38-character HMAC. */
  discordBot: (hmacLength = 38): string =>
    [Buffer.from('1' + digits(18)).toString('base64').replace(/=+$/, ''), randomFrom(URL_SAFE, 6), mixed(URL_SAFE, hmacLength)].join('.'),
  discordWebhookToken: (): string => mixed(URL_SAFE, 68),
  discordWebhookUrl: (token: string, host = 'discord.com'): string => `https://${host}/api/webhooks/1${digits(18)}/${token}`,
  telegramBot: (): string => `${'7' + digits(9)}:${'A' + 'A'}${mixed(URL_SAFE, 33)}`,
  jwt,
  /** A strong database password: 20 base62 characters. */
  password: (n = 20): string => mixed(BASE62, n),
  vaultService: (): string => ['hv' + 's', 'CAES' + mixed(URL_SAFE, 91)].join('.'),
  vaultRoot: (): string => ['hv' + 's', mixed(BASE62, 24)].join('.'),
  vaultBatch: (): string => ['hv' + 'b', 'AAAAAQ' + mixed(URL_SAFE, 150)].join('.'),
  vaultLegacy: (): string => ['s', mixed(BASE62, 24)].join('.'),
  terraform: (): string => [mixed(BASE62, 14), 'atlas' + 'v1', mixed(URL_SAFE, 67)].join('.'),
  newRelicUser: (): string => ['NR' + 'AK', randomFrom(UPPER_ALNUM, 27)].join('-'),
  newRelicInsert: (): string => ['NR' + 'II', mixed(URL_SAFE, 32)].join('-'),
  newRelicBrowser: (): string => ['NR' + 'JS', hex(19)].join('-'),
  newRelicLicense: (region = ''): string => region + hex(36 - region.length) + 'NR' + 'AL',
  grafanaServiceAccount: (): string => {
    const key = ['gl' + 'sa', mixed(BASE62, 32)].join('_');
    const sum = crc32(key);
    const le = Buffer.alloc(4);
    le.writeUInt32LE(sum);
    return `${key}_${le.toString('hex')}`;
  },
  grafanaCloud: (): string =>
    ['gl' + 'c', json64({ o: digits(7), n: `stack-${digits(6)}-hm-write-deploy`, k: mixed(BASE62, 24), m: { r: 'prod-eu-west-2' } })].join('_'),
  sentryOrg: (org = 'acme-logistics'): string =>
    ['sntry' + 's', json64({ iat: 1717171717.25, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org }), bytes(32).toString('base64').replace(/=+$/, '')].join('_'),
  sentryUser: (): string => ['sntry' + 'u', hex(64)].join('_'),
  atlassian: (): string => {
    const body = 'ATA' + 'TT3' + mixed(URL_SAFE, 177) + '=';
    return body + crc32(body).toString(16).toUpperCase().padStart(8, '0');
  },
  linear: (): string => ['lin', 'api', mixed(BASE62, 40)].join('_'),
  notion: (): string => ['nt' + 'n', digits(11) + mixed(BASE62, 35)].join('_'),
  notionLegacy: (): string => ['sec' + 'ret', mixed(BASE62, 43)].join('_'),
  vercel: (kind: 'p' | 'i' | 'a' | 'r' | 'k' = 'p'): string => {
    const entropy = mixed(BASE62, 50);
    return [`vc${kind}`, entropy + encodeBase62(crc32(entropy), 6)].join('_');
  },
  vercelLegacy: (): string => mixed(BASE62, 24),
  netlify: (): string => ['nf' + 'p', mixed(BASE62, 32) + hex(4)].join('_'),
  netlifyLegacy: (): string => mixed(URL_SAFE, 43),
  cloudflare: (kind: 'ut' | 'at' | 'k' = 'ut'): string => {
    const body = mixed(BASE62, 40);
    return [`cf${kind}`, body + crc32(body).toString(16).padStart(8, '0')].join('_');
  },
  cloudflareLegacy: (): string => mixed(URL_SAFE, 40),
  cloudflareGlobal: (): string => hex(37),
  flyAccess: (): string => ['fo' + '1', mixed(URL_SAFE, 43)].join('_'),
  flyMacaroons: (): string => [macaroon('fm' + '2_', 120), macaroon('fm' + '2_', 90)].join(','),
  supabaseAccess: (): string => ['sb' + 'p', hex(40)].join('_'),
  supabaseSecret: (): string => ['sb', 'secret', mixed(URL_SAFE, 22), mixed(URL_SAFE, 8)].join('_'),
  /** An age X25519 identity: 32 random bytes, Bech32 under "age-secret-key-", upper case. */
  ageSecret: (): string => bech32Encode(AGE_HRP, bytes(32)).toUpperCase(),
  /** A generated secret of `n` base62 characters. */
  generic: (n = 32): string => mixed(BASE62, n),
  /** A generated secret with punctuation, as password managers make them. */
  genericPunctuated: (n = 24): string => mixed(BASE62 + '!#%*+-_', n),
  base64Secret: (n = 32): string => bytes(n).toString('base64'),
};

export { BASE64 };
