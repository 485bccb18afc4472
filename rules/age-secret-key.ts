import { isValidBech32 } from '../src/checksum.js';
import type { ContentRule } from '../src/types.js';

// age secret keys: "AGE-SECRET-KEY-1" and 58 upper-case Bech32 characters, the X25519 key (52
// characters) and the 6-character Bech32 checksum (BIP-173, human-readable part
// "age-secret-key-"). The checksum is verified, so documentation strings and look-alikes are not
// reported.
// https://age-encryption.org/v1#the-x25519-recipient-type
// https://github.com/C2SP/C2SP/blob/main/age.md
export const ageSecretKey: ContentRule = {
  id: 'age-secret-key',
  kind: 'content',
  description: 'age encryption secret keys (AGE-SECRET-KEY-1..., Bech32 checksum validated)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://age-encryption.org/v1#the-x25519-recipient-type',
  keywords: ['age-secret-key-1'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/g,
  validate: (secret) => isValidBech32(secret, { hrp: 'age-secret-key-' }),
  secretName: 'age secret key',
  revoke: 'https://github.com/FiloSottile/age#readme (generate a new identity with age-keygen, re-encrypt the files to its recipient, remove the old key from every recipients list)',
};
