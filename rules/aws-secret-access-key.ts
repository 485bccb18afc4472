import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { ASSIGNMENT, NAME_SUFFIX } from './support/key-name.js';

// AWS secret access keys: 40 characters of base64 ([A-Za-z0-9/+]) with no prefix of their own,
// so the rule only takes a value assigned to a name that says what it is: the credentials file
// and environment names (aws_secret_access_key, AWS_SECRET_ACCESS_KEY), the SDK options
// (secretAccessKey), the STS/IAM JSON field ("SecretAccessKey") and common variants
// (aws_secret_key, AWS_SECRET, aws.secretKey, aws-secret-access-key).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
//
// Shape of the pattern, left to right, each part bounded and made of characters the next part
// cannot start with, so it runs in linear time:
//   name          (aws_)secret_access_key | aws_secret(_key), any of _ . - or nothing between words
//   name suffix   up to 24 of [A-Za-z0-9_.-]: AWS_SECRET_ACCESS_KEY_PROD
//   separator     1-12 of quotes, brackets, blanks, backslashes and = : , > ? ( --
//                 covers KEY=v, KEY: v, "Key": "v", KEY v (Dockerfile ENV, aws configure set),
//                 key := v, key => v, setenv("KEY", "v"), <Key>v, {\"Key\":\"v\"}
//   value         exactly 40 base64 characters, not followed by another base64 character or '='
// (name suffix and separator: rules/support/key-name.ts, shared with the other key-name rules)
export const awsSecretAccessKey: ContentRule = {
  id: 'aws-secret-access-key',
  kind: 'content',
  description: 'AWS secret access keys assigned to an AWS secret key name (credentials file, .env, JSON, YAML, code)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  keywords: [
    'secret_access_key', 'secretaccesskey', 'secret-access-key', 'secret.access.key',
    'aws_secret', 'aws-secret', 'aws.secret', 'awssecret',
  ],
  pattern: new RegExp(
    `(?:(?:aws[_.-]?)?secret[_.-]?access[_.-]?key|aws[_.-]?secret(?:[_.-]?key)?)${NAME_SUFFIX}${ASSIGNMENT}` +
      '(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
    'gi',
  ),
  validate: (secret) => looksRandom(secret),
  secretName: 'AWS secret access key',
  revoke:
    'https://console.aws.amazon.com/iam/home#/security_credentials (deactivate and delete the access key ' +
    'in IAM, then create a new one; for temporary STS keys revoke the role\'s active sessions)',
};

/**
 * A real key is 30 random bytes in base64: mixed case, never all hex (a git SHA-1 is also 40
 * characters), no doc words (the AWS example ends in EXAMPLEKEY), no long typed runs.
 */
function looksRandom(value: string): boolean {
  if (isPlaceholder(value)) return false;
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value)) return false;
  if (/^[0-9a-f]+$/i.test(value)) return false;
  return !hasTypedRun(value, 6);
}
