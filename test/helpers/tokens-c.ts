// Token-shaped fixtures for the third batch of detectors (Stripe webhook secrets, Postman,
// RubyGems, Docker Hub, PlanetScale, Pulumi, Mapbox, Figma, SonarQube, Dynatrace, Prefect,
// Typeform, Shippo, ReadMe, Alibaba Cloud, Facebook, Datadog, Clojars, Okta, Snyk).
// Every token is assembled at run time from parts: the prefixes are split and the random parts
// come from the shared deterministic PRNG, so no token-shaped literal is ever committed.

import { BASE62, randomFrom, UPPER_BASE32 } from './tokens.js';

export const HEX = '0123456789abcdef';
export const URL_SAFE = BASE62 + '_-';
const LOWER36 = '0123456789abcdefghijklmnopqrstuvwxyz';

export const hex = (n: number): string => randomFrom(HEX, n);

/** A random version-4 UUID in lower case. */
export function uuid(): string {
  const variant = randomFrom('89ab', 1);
  return [hex(8), hex(4), '4' + hex(3), variant + hex(3), hex(12)].join('-');
}

/** A Mapbox token payload: base64url of the JSON `{"u": user, "a": id}`. */
export function mapboxPayload(user: string, id = randomFrom(LOWER36, 25)): string {
  return Buffer.from(JSON.stringify({ u: user, a: id })).toString('base64url');
}

export const tokensC = {
  /** Dashboard endpoint secret: the prefix and 32 base62 characters. */
  stripeWebhookSecret: (): string => ['wh', 'sec', '_', randomFrom(BASE62, 32)].join(''),
  /** `stripe listen` prints a secret with 64 hex characters. */
  stripeCliWebhookSecret: (): string => ['wh', 'sec', '_', hex(64)].join(''),
  postman: (): string => ['PM' + 'AK', hex(24), hex(34)].join('-'),
  rubygems: (): string => ['ruby' + 'gems', hex(48)].join('_'),
  dockerPat: (): string => ['dckr', 'pat', randomFrom(BASE62, 10) + '_' + randomFrom(URL_SAFE, 16)].join('_'),
  dockerOat: (): string => ['dckr', 'oat', randomFrom(BASE62, 8) + '-' + randomFrom(URL_SAFE, 23)].join('_'),
  planetscale: (kind: 'tkn' | 'pw' | 'oauth' = 'tkn'): string => ['psc' + 'ale', kind, randomFrom(BASE62, 43)].join('_'),
  pulumi: (): string => ['pu' + 'l', hex(40)].join('-'),
  /** A secret token: `sk`, a base64url JSON payload naming the account, a 22-character signature. */
  mapboxSecret: (user = 'acme-logistics'): string => ['s' + 'k', mapboxPayload(user), randomFrom(URL_SAFE, 22)].join('.'),
  /** The public token of the same shape (meant to ship in client code). */
  mapboxPublic: (user = 'acme-logistics'): string => ['p' + 'k', mapboxPayload(user), randomFrom(URL_SAFE, 22)].join('.'),
  figma: (): string => ['fi' + 'gd', randomFrom(URL_SAFE, 40)].join('_'),
  sonarqube: (kind: 'p' | 'u' | 'a' = 'p'): string => [`sq${kind}`, hex(40)].join('_'),
  dynatrace: (): string => ['dt0' + 'c01', randomFrom(UPPER_BASE32, 24), randomFrom(UPPER_BASE32, 64)].join('.'),
  prefect: (): string => ['pn' + 'u', randomFrom(BASE62, 36)].join('_'),
  typeform: (): string => ['tf' + 'p', randomFrom(BASE62, 44) + '_' + randomFrom(BASE62, 14)].join('_'),
  shippoLive: (): string => ['ship' + 'po', 'live', hex(40)].join('_'),
  shippoTest: (): string => ['ship' + 'po', 'test', hex(40)].join('_'),
  readme: (): string => ['rd' + 'me', randomFrom(LOWER36, 70)].join('_'),
  /** Current AccessKey IDs: `LTAI`, then `5t` and 18 base62 characters (24 in all). */
  alibabaKeyId: (): string => ['LT', 'AI', '5t', randomFrom(BASE62, 18)].join(''),
  /** A page or user access token: `EAA`, then base62 (a few hundred characters). */
  facebook: (length = 180): string => ['EA', 'A', randomFrom('BGIJ', 1), randomFrom(BASE62, length)].join(''),
  /** A token from the Graph API Explorer, which always starts with the same 14 characters. */
  facebookExplorer: (): string => ['EAA', 'CEdEose0cBA', randomFrom(BASE62, 160)].join(''),
  datadogApiKey: (): string => hex(32),
  datadogAppKey: (): string => hex(40),
  clojars: (): string => ['CLO' + 'JARS', hex(60)].join('_'),
  /** An Okta API token (SSWS): `00` and 40 base64url characters. */
  okta: (): string => ['0', '0', randomFrom(BASE62, 12), '-', randomFrom(URL_SAFE, 27)].join(''),
  snyk: (): string => uuid(),
};
