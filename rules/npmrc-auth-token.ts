import { hasBase62Crc32 } from '../src/checksum.js';
import { decodeBase64Text } from '../src/decode.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Registry credentials in npm configuration: `//registry.example/:_authToken=<token>`, and the
// `_auth` (base64 of user:password) and `_password` (base64) settings, registry-scoped
// (`//host/path/:_auth=`) or, for _authToken and _auth, written globally at the start of a line
// of .npmrc. Yarn Berry's `npmAuthToken:` (.yarnrc.yml) is the same credential.
// https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration
// https://yarnpkg.com/configuration/yarnrc#npmAuthToken
// Also found where pipelines write .npmrc: `echo "//registry.npmjs.org/:_authToken=..." > .npmrc`,
// `npm config set //registry.npmjs.org/:_authToken <token>`. The documented safe form reads the
// environment, `_authToken=${NPM_TOKEN}`, and is not reported. npm_ tokens are also reported by
// npm-token; legacy UUID tokens and other registries' tokens (GitHub Packages, Artifactory,
// Verdaccio) only by this rule. npm_ and ghp_ values must carry a valid checksum.
//   scoped   "//" (after a blank, a quote, '=' or the line start), 1-256 path characters up to
//            the first "/:", then _authToken, _auth or _password
//   global   _authToken or _auth at the very start of a line (an indented `_auth = ...` is
//            Python or Ruby, not .npmrc)
//   yarn     npmAuthToken (or npmAuthIdent) as a YAML key
//   value    after '=' (or ': ' for yarn, or a blank for `npm config set`, then with a digit in
//            it so prose about the setting is not taken for a value), optionally quoted
export const npmrcAuthToken: ContentRule = {
  id: 'npmrc-auth-token',
  kind: 'content',
  description: 'npm registry credentials in .npmrc syntax (_authToken, _auth, _password) and .yarnrc.yml (npmAuthToken)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
  keywords: ['_auth', '_password', 'npmauthtoken', 'npmauthident'],
  pattern: new RegExp(
    '(?:(?<![^\\s"\'`=])//[^\\s="\'`]{1,256}?/:_(?:authToken|auth|password)(?:[ \\t]{0,4}=[ \\t]{0,4}|["\']?[ \\t]{1,4}(?=["\']?[^\\s"\'`]{0,512}[0-9]))' +
      '|^_(?:authToken|auth)[ \\t]{0,4}=[ \\t]{0,4}' +
      '|(?<![A-Za-z0-9_])npmAuth(?:Token|Ident)["\']?[ \\t]{0,4}:[ \\t]{1,4})' +
      '["\']?(?<secret>[^\\s"\'`]{8,512})',
    'g',
  ),
  validate: (secret) => {
    if (/^\$|^%[A-Za-z_]+%$|\$\{/.test(secret)) return false;
    // A variable's name where its value should be (NPM_TOKEN), or words ("environment-variable").
    if (/^[A-Z][A-Z0-9_]*$/.test(secret) || /^[A-Za-z-]+$/.test(secret)) return false;
    // npm and GitHub tokens carry a checksum: one that does not verify is a look-alike.
    if (/^(?:npm|gh[pousr])_[A-Za-z0-9]{36}$/.test(secret)) return hasBase62Crc32(secret.slice(4));
    if (isPlaceholder(secret)) return false;
    // _auth and _password are base64: of a sentence or a placeholder in documentation.
    const decoded = decodeBase64Text(secret);
    return decoded === undefined || !(/\s/.test(decoded) || isPlaceholder(decoded));
  },
  // Tokens that specific detectors know (npm_, ghp_, glpat-...) are reported by them.
  fallback: true,
  secretName: 'npm registry credential',
  revoke: 'https://docs.npmjs.com/revoking-access-tokens (or the registry\'s own token page: GitHub Packages, Artifactory...)',
};
