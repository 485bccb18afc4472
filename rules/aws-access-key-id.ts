import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// AWS access key IDs: a 4-letter prefix naming the kind of credential (AKIA long-term IAM user
// key, ASIA temporary STS key, ABIA STS service bearer token, ACCA context-specific credential)
// and 16 characters of upper-case base32 (A-Z, 2-7).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// The ID alone cannot sign requests, but it names the account and almost always travels with its
// secret; a committed ID is the cue to look for the secret next to it.
export const awsAccessKeyId: ContentRule = {
  id: 'aws-access-key-id',
  kind: 'content',
  description: 'AWS access key IDs (AKIA, ASIA, ABIA, ACCA), documentation examples excluded',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>A(?:KIA|SIA|BIA|CCA)[A-Z2-7]{16})(?![A-Za-z0-9_])/g,
  // The AWS docs' examples all end in EXAMPLE; isPlaceholder also drops XXXX, FAKE, DUMMY...
  // and one-letter runs. An ascending run ("ABCDEFGH...") is typed, not generated.
  validate: (secret) => !secret.endsWith('EXAMPLE') && !isPlaceholder(secret) && !isAlphabetRun(secret.slice(4)),
  secretName: 'AWS access key ID',
  revoke:
    'https://console.aws.amazon.com/iam/home#/security_credentials (deactivate and delete the access key ' +
    'in IAM; for ASIA keys revoke the role\'s active sessions)',
};

/** True when most of the random part climbs one letter at a time: "ABCDEFGHIJKLMNOP". */
function isAlphabetRun(random: string): boolean {
  let steps = 0;
  for (let i = 1; i < random.length; i++) if (random.charCodeAt(i) - random.charCodeAt(i - 1) === 1) steps++;
  return steps >= random.length / 2;
}
