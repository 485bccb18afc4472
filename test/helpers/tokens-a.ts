// Token-shaped fixtures for the cloud, CI, AI, messaging and payment rules, made at test time from
// parts (with valid checksums where the format has one) so that no secret-shaped literal is ever
// committed: this repository scans itself. Fixed prefixes that would look like a secret on their
// own are joined from pieces or encoded from the bytes they stand for.

import { crc32 } from '../../src/checksum.js';
import { BASE62, BASE64, digits, randomFrom } from './tokens.js';

export const HEX = '0123456789abcdef';
export const BASE64URL = BASE62 + '_-';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const hex = (n: number): string => randomFrom(HEX, n);
const bytes = (n: number): Buffer => Buffer.from(hex(2 * n), 'hex');

/** "OpenAI" in base64: the marker every OpenAI key carries. */
const OPENAI_MARKER = Buffer.from('OpenAI').toString('base64');
/** The first bytes of every pypi.org macaroon (v2, location "pypi.org"), base64url. */
const PYPI_HEAD = Buffer.from([0x02, 0x01, 0x08, ...Buffer.from('pypi.org')]).toString('base64url');
/** The same for TestPyPI (location "test.pypi.org"). */
const TEST_PYPI_HEAD = Buffer.from([0x02, 0x01, 0x0d, ...Buffer.from('test.pypi.org')]).toString('base64url');

/** Replaces the last character with another one of the same alphabet (a checksum twin). */
export function offByOne(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === 'a' ? 'b' : 'a');
}

export interface GitlabRoutableOptions {
  /** The `.01.` version field GitLab writes since 2025; false for the first routable shape. */
  version?: boolean;
  /** The routing payload (base36 ids, one `key:value` a line). */
  routing?: string;
  /** A length field that does not match the payload (a structural twin). */
  wrongLength?: boolean;
}

/** A routable GitLab token: base64url payload, version, base36 length and base36 CRC-32. */
export function gitlabRoutable(prefix: string, options: GitlabRoutableOptions = {}): string {
  const random = bytes(16);
  const routing = options.routing ?? `c:1\no:${randomFrom(LOWER_ALNUM, 2)}\nu:${randomFrom(LOWER_ALNUM, 4)}`;
  const payload = Buffer.concat([Buffer.from(routing), random, Buffer.from([random.length])]).toString('base64url');
  const length = payload.length + (options.wrongLength ? 4 : 0);
  const head = `${prefix}${payload}.${options.version === false ? '' : '01.'}${length.toString(36).padStart(2, '0')}`;
  return head + crc32(head).toString(36).padStart(7, '0');
}

const azureAccountName = (): string => 'acme' + randomFrom(LOWER_ALNUM, 8);
/** 64 random bytes in base64: 86 characters and "==". */
const azureAccountKey = (): string => bytes(64).toString('base64');
/** An HMAC-SHA256 signature in base64, URL-encoded as SAS URLs carry it. */
const azureSasSignature = (): string => encodeURIComponent(bytes(32).toString('base64'));
const slackWebhookParts = (): [string, string, string] =>
  ['T' + randomFrom(UPPER_ALNUM, 9), 'B' + randomFrom(UPPER_ALNUM, 11), randomFrom(BASE62, 24)];

function uuid(): string {
  const h = hex(32);
  return [h.slice(0, 8), h.slice(8, 12), `4${h.slice(13, 16)}`, `a${h.slice(17, 20)}`, h.slice(20)].join('-');
}

export const tokensA = {
  /** STS session token: `!\n\torigin_ec` (IQoJb3JpZ2lu...) or the older `er/aws` opening (FwoG...). */
  awsSessionToken: (style: 'sts' | 'legacy' = 'sts', length = 600): string => {
    const head = style === 'sts'
      ? Buffer.from([0x21, 0x0a, 0x09, ...Buffer.from('origin_ec')])
      : Buffer.from([0x17, 0x0a, 0x06, ...Buffer.from('er/aws')]);
    return head.toString('base64') + randomFrom(BASE64, length);
  },
  /** A long base64 value that does not open like an STS token (a JWT-less opaque session). */
  opaqueBase64: (length = 400): string => 'Zm9v' + randomFrom(BASE64, length),

  gitlabLegacy: (prefix: 'glpat-' | 'glrt-' | 'gldt-'): string => prefix + randomFrom(BASE64URL, 20),
  gitlabRoutable,
  gitlabPipelineTrigger: (): string => 'glptt-' + hex(40),

  pypi: (length = 170): string => `pypi-${PYPI_HEAD}${randomFrom(BASE64URL, length)}`,
  testPypi: (length = 170): string => `pypi-${TEST_PYPI_HEAD}${randomFrom(BASE64URL, length)}`,

  slackApp: (): string => ['xapp', '1', 'A' + randomFrom(UPPER_ALNUM, 10), digits(13), hex(64)].join('-'),
  slackWebhookParts,
  slackWebhook: (parts = slackWebhookParts()): string => ['https:', '', 'hooks.slack.com', 'services', ...parts].join('/'),

  googleApiKey: (): string => ['AI', 'za', 'Sy'].join('') + randomFrom(BASE64URL, 33),

  gcpPrivateKeyId: (): string => hex(40),

  azureAccountName,
  azureAccountKey,
  azureConnectionString: (name = azureAccountName(), key = azureAccountKey()): string =>
    `DefaultEndpointsProtocol=https;AccountName=${name};AccountKey=${key};EndpointSuffix=core.windows.net`,
  azureSasSignature,
  /** A service SAS query string in the order the Azure portal writes it (sig last). */
  azureSas: (sig = azureSasSignature()): string =>
    ['sp=r', 'st=2025-03-01T08:00:00Z', 'se=2025-09-30T16:00:00Z', 'spr=https', 'sv=2022-11-02', 'sr=b', `sig=${sig}`].join('&'),
  /** An account SAS in the order the SDKs write it (sv first). */
  azureAccountSas: (sig = azureSasSignature()): string =>
    ['sv=2021-08-06', 'ss=bfqt', 'srt=sco', 'sp=rwdlacupitfx', 'se=2026-01-01T00:00:00Z', 'st=2025-01-01T00:00:00Z', 'spr=https', `sig=${sig}`].join('&'),

  openaiProject: (kind: 'proj' | 'svcacct' | 'admin' = 'proj'): string => {
    const half = kind === 'admin' ? 58 : 74;
    return ['sk', kind, randomFrom(BASE64URL, half) + OPENAI_MARKER + randomFrom(BASE64URL, half)].join('-');
  },
  openaiLegacy: (): string => ['sk', randomFrom(BASE62, 20) + OPENAI_MARKER + randomFrom(BASE62, 20)].join('-'),

  anthropic: (kind: 'api03' | 'admin01' = 'api03'): string =>
    ['sk', 'ant', kind, randomFrom(BASE64URL, 93) + 'AA'].join('-'),

  huggingface: (): string => 'hf_' + randomFrom(LETTERS, 34),

  twilioApiKey: (): string => 'SK' + hex(32),
  twilioAuthToken: (): string => hex(32),
  twilioAccountSid: (): string => 'AC' + hex(32),

  sendgrid: (): string => ['SG', randomFrom(BASE64URL, 22), randomFrom(BASE64URL, 43)].join('.'),

  mailgunLegacy: (): string => 'key-' + randomFrom(LOWER_ALNUM, 32),
  mailgunCurrent: (): string => [hex(32), hex(8), hex(8)].join('-'),

  mailchimp: (dc = 6): string => `${hex(32)}-us${dc}`,

  shopify: (kind: 'at' | 'ca' | 'pa' | 'ss' = 'at'): string => `shp${kind}_${hex(32)}`,

  squareAccess: (): string => ['EA', 'AA'].join('') + randomFrom(BASE64URL, 60),
  squareLegacyAccess: (): string => ['sq0', 'atp-'].join('') + randomFrom(BASE64URL, 22),
  squareOauthSecret: (): string => ['sq0', 'csp-'].join('') + randomFrom(BASE64URL, 43),

  braintree: (env: 'production' | 'sandbox' = 'production'): string =>
    ['access_token', env, randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 16), hex(32)].join('$'),

  paypalClientId: (): string => 'A' + randomFrom(BASE64URL, 79),
  paypalSecret: (): string => 'E' + randomFrom(BASE64URL, 79),

  digitalocean: (kind: 'p' | 'o' | 'r' = 'p'): string => `do${kind}_v1_${hex(64)}`,

  herokuKey: (): string => ['HRKU', 'AA'].join('-') + randomFrom(BASE64URL, 58),
  uuid,

  databricks: (): string => 'dapi' + hex(32),

  doppler: (kind: 'pt' | 'st' | 'sa' | 'ct' | 'scim' | 'audit' = 'pt', slug?: string): string =>
    ['dp', kind, ...(slug ? [slug] : []), randomFrom(BASE62, 43)].join('.'),
};
