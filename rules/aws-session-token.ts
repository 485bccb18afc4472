import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { NAME_SUFFIX } from './support/key-name.js';

// AWS session tokens (the third part of temporary STS credentials): long base64, no prefix of
// their own and no fixed length ("make no assumptions about the maximum size"), so the rule only
// takes a value assigned to a name that says what it is:
//   - an AWS-named key: aws_session_token / AWS_SESSION_TOKEN (the environment variable and
//     credentials-file key), aws_security_token (older SDKs), awsSessionToken, aws.sessionToken;
//   - a bare session or security token name (the STS JSON field "SessionToken", the SDKs'
//     sessionToken) only when the value opens the way STS tokens do: a few bytes then "origin_ec"
//     (IQoJb3JpZ2lu...), "er/aws" (FwoGZXIvYXdz...) or "aws" (FQoDYXdz..., AQoDYXdz...) in base64.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
//
// The value may also sit in a name/value pair, as container definitions write environment
// variables: {"name": "AWS_SESSION_TOKEN", "value": "..."} on one line, or a Kubernetes env entry
// over two (- name: AWS_SESSION_TOKEN, then value: ...). The rule is multi-line for that second
// form only: the value must be on the line right after the name.
//
// Linear time: the pattern is sticky (`y`) and opens with a lazy run of the keyword line, so each
// keyword line is searched once, never the whole 64 KB window. The name is literal; its suffix,
// the separator and the value are bounded runs of disjoint classes (the separator cannot contain
// a base64 character), so each name occurrence costs at most one pass over 4 KB of value.
const SEPARATOR = '[ \\t"\'`\\\\[\\]=:,>(]{1,12}';
/** From the end of a name to its value in a name/value pair, on the same line or the next. */
const PAIR =
  '["\']?[ \\t]{0,4}(?:,[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40}(?:-[ \\t]{1,4})?)?["\']?value["\']?[ \\t]{0,4}[:=][ \\t]{0,4}["\']?';
const ASSIGN = `(?:${SEPARATOR}|${PAIR})`;
const STS_OPENING = '(?=[A-Za-z0-9+/]{2,6}(?:b3JpZ2lu|ZXIvYXdz|YXdz))';

export const awsSessionToken: ContentRule = {
  id: 'aws-session-token',
  kind: 'content',
  description: 'AWS session tokens (temporary STS credentials) assigned to a session token name',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
  keywords: [
    'session_token', 'sessiontoken', 'session-token', 'session.token',
    'security_token', 'securitytoken', 'security-token', 'security.token',
  ],
  multiline: true,
  pattern: new RegExp(
    '[^\\n]*?(?:' +
      `aws[_.-]?(?:session|security)[_.-]?token${NAME_SUFFIX}${ASSIGN}` +
      `|(?:session|security)[_.-]?token${NAME_SUFFIX}${ASSIGN}${STS_OPENING}` +
      ')(?<secret>[A-Za-z0-9+/]{100,4096}={0,2})(?![A-Za-z0-9+/=])',
    'giy',
  ),
  validate: (secret) => {
    // The opening is where a template or doc example shows (AQoEXAMPLE...); the rest of a real
    // token is hundreds of random characters that would sooner or later spell a "placeholder" word.
    if (isPlaceholder(secret.slice(0, 64))) return false;
    if (!/[A-Z]/.test(secret) || !/[a-z]/.test(secret) || !/[0-9]/.test(secret)) return false;
    return new Set(secret).size >= 32;
  },
  secretName: 'AWS session token',
  revoke:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html (revoke the role\'s ' +
    'active sessions; also rotate the long-term key or the login that issued the token)',
};
