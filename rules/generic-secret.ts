import { DECLARATION_FILES, EXAMPLE_AND_TEST_FILES } from './support/doc-paths.js';
import { characterClasses, looksLikeWords, looksRandom } from '../src/entropy.js';
import { decodeBase64Text } from '../src/decode.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// A secret with no recognisable format, assigned to a name that says it is one: password,
// passwd, passphrase, pwd, pass, secret, token, api_key/apiKey/api-key, access_key/accessKey,
// auth/authToken, Authorization. It is the detector of last resort, and the one most likely to
// cry wolf, so it reports only values that look generated:
//   - 12 to 200 characters, at least two character classes (and a digit, or three classes and
//     16 characters), Shannon entropy above the threshold for the value's length and alphabet
//     (src/entropy.ts), no typed run, not a phrase of words;
//   - not a reference to where the secret lives: ${VAR}, $VAR, {{ var }}, %s, process.env.X,
//     os.environ[...], getenv(...), settings.SECRET (dotted names), an ALL_CAPS variable name;
//   - not a path, a URL, an e-mail address, a UUID, a 40-hex git SHA, an integrity or digest
//     hash (sha512-..., sha256:...), a password hash ($2b$...), a placeholder or a default;
//     base64 of text is judged by the text it encodes;
//   - not a token another rule owns by its prefix (ghp_, xoxb-, sk_live_, AKIA, eyJ...), so one
//     secret is not reported twice.
// The name must end the key: `passwordHash`, `token_url`, `secretName`, `password_min_length`,
// `tokenizer`, `passwords` and `author` are not secret names, and neither are `next_page_token`,
// `csrf_token`, `public_token` or form fields (`new_password`, `confirm_password`).
// Syntaxes: JSON and YAML (`"password": "..."`, `token: ...`), .env, shell and Dockerfile
// (`API_TOKEN=...`, `export PASS='...'`, `ENV SECRET=...`), INI and properties (`pass = ...`,
// `db.password=...`), JS/TS (`apiKey: '...'`, `const token = "..."`), Python (`SECRET_KEY = '...'`,
// `password="..."` keyword arguments), Go (`:=`), PHP and Ruby (`=>`), XML attributes
// (`password="..."`, `<add key="ApiKey" value="..."/>`), setenv-style calls
// (`setdefault("API_TOKEN", "...")`), connection strings (`...;Password=...;`), query strings
// (`?token=...&`) and `Authorization: Bearer ...` headers.
// https://cwe.mitre.org/data/definitions/798.html
//
// Shape of the pattern (case-sensitive; words are spelled lower, Capitalized and UPPER case):
//   name          a secret word (the match starts there: whatever precedes it in the name is
//                 only looked at behind), not followed by a lower-case letter (so camelCase
//                 suffixes stay, `tokenizer` goes), no non-secret word right before or after it,
//                 then up to 40 more name characters, taken atomically
//   assignment    an optional closing quote and bracket, then = : := => (not == or ::), or a
//                 quote and ',' (setenv calls), or a quote and ` value=` (XML appSettings)
//   value         an optional opening quote and Bearer/Basic/Token scheme, then 12-200 characters
//                 of [A-Za-z0-9+/_.~!@#$%^&*?|-] and up to 3 '=' of padding; ':', '=', ',', ';',
//                 '&', blanks, quotes and brackets end it, so one assignment's value cannot run
//                 into the next key
//   end           the same quote, or for an unquoted value a blank, , ; ) ] } & or the line end
//                 (so `getSecret()` and `os.environ["X"]` are not values)
// Every run is bounded and the value cannot contain the characters of an assignment: linear.

// The secret words. `pass`, `pwd` and `auth` are short and sit inside other words (bypass,
// compass, oauth), so they must start a name segment: after a non-letter, or as a capitalised
// hump (dbPass). The others may be glued (dbpassword, mytoken). None may be followed by a
// lower-case letter: passwords, tokenizer, secretary and author are not secret names.
const SECRET_WORD =
  '(?:' +
  [
    '[Pp]ass(?:word|wd|phrase)', 'PASS(?:WORD|WD|PHRASE)',
    '[Ss]ecret', 'SECRET', '[Tt]oken', 'TOKEN',
    '[Aa]pi[_.-]?[Kk]ey', 'API[_.-]?(?:KEY|Key)', '[Aa]ccess[_.-]?[Kk]ey', 'ACCESS[_.-]?(?:KEY|Key)',
    '[Aa]uthorization', 'AUTHORIZATION',
    '(?<![A-Za-z])(?:pass|pwd|auth|PASS|PWD|AUTH|Pass|Pwd|Auth)', '(?<=[a-z])(?:Pass|Pwd|Auth)',
  ].join('|') +
  ')(?![a-z])';

// Words that, right after the secret word, make the name describe something else.
const NOT_AFTER = [
  'hash', 'hashed', 'digest', 'salt', 'length', 'len', 'min', 'max', 'regex', 'regexp', 'pattern',
  'field', 'label', 'placeholder', 'hint', 'policy', 'url', 'uri', 'endpoint', 'path', 'file', 'dir',
  'name', 'type', 'types', 'count', 'size', 'timeout', 'ttl', 'expiry', 'expires', 'expiration', 'expire',
  'expired', 'header', 'prefix', 'format', 'version', 'prompt', 'message', 'msg', 'error', 'title',
  'text', 'input', 'rule', 'rules', 'strength', 'validator', 'validation', 'visible', 'mode', 'enabled',
  'required', 'confirm', 'confirmation', 'id', 'ref', 'env', 'var', 'variable', 'provider', 'manager',
  'store', 'storage', 'cookie', 'param', 'query', 'option', 'flag', 'class', 'icon', 'selector',
  'button', 'link', 'route', 'page', 'form', 'dialog', 'column', 'table', 'email', 'user', 'username',
  'login', 'host', 'port', 'domain', 'scope', 'scopes', 'audience', 'issuer', 'algorithm', 'alg',
  'method', 'strategy', 'reset', 'changed', 'request', 'response', 'source', 'location', 'service',
  'helper', 'handler', 'generator', 'factory', 'color', 'colour', 'background', 'border', 'font',
  'width', 'height', 'access_key', 'accessKey', 'access-key',
];

// Words that, as the name segment right before the secret word, make it something else:
// next_page_token, csrfToken, public_token, new_password, confirmPassword, sample_secret. AWS
// secret access keys (aws_secret_access_key, secretAccessKey) belong to aws-secret-access-key.
const NOT_BEFORE = [
  'page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'sync', 'csrf', 'xsrf', 'public',
  'publishable', 'hashed', 'encrypted', 'min', 'max', 'new', 'old', 'current', 'confirm', 'repeat',
  'retype', 'verify', 'show', 'hide', 'forgot', 'change', 'reset', 'has', 'is', 'no', 'with', 'without',
  'sample', 'example', 'dummy', 'fake', 'mock', 'aws', 'secret',
];

// The word lists are compiled into tries, so that each candidate name costs a few character
// comparisons instead of one per word: forward for the look-ahead, and ordered by last character
// for the look-behind (which V8 matches right to left).
const variants = (list: readonly string[]): string[] =>
  list.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** An alternation matching exactly `words`, factored by common prefixes. */
function forwardTrie(words: readonly string[]): string {
  const unique = [...new Set(words)];
  const byFirst = new Map<string, string[]>();
  let optional = false;
  for (const word of unique) {
    if (word === '') optional = true;
    else byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => escape(first) + (rests.every((r) => r === '') ? '' : forwardTrie(rests)));
  const body = branches.length === 1 && !optional ? branches[0]! : `(?:${branches.join('|')})`;
  return optional ? `(?:${branches.join('|')})?` : body;
}

/** An alternation matching exactly `words`, factored by common suffixes (for look-behinds). */
function backwardTrie(words: readonly string[]): string {
  const unique = [...new Set(words)];
  const byLast = new Map<string, string[]>();
  let optional = false;
  for (const word of unique) {
    if (word === '') optional = true;
    else byLast.set(word.at(-1)!, [...(byLast.get(word.at(-1)!) ?? []), word.slice(0, -1)]);
  }
  const branches = [...byLast].map(([last, heads]) => (heads.every((h) => h === '') ? '' : backwardTrie(heads)) + escape(last));
  const body = branches.length === 1 && !optional ? branches[0]! : `(?:${branches.join('|')})`;
  return optional ? `(?:${branches.join('|')})?` : body;
}


// = : := => (not == or ::), a typed declaration (`apiKey: string =`, `password: str =`), or after
// a quoted name, ',' (setenv calls) and ` value=` (XML appSettings).
const TYPED = '[ \\t]{0,4}:[ \\t]{0,4}(?:str|string|String|SecretStr|Optional\\[str\\])[ \\t]{0,4}=(?!=)';
const ASSIGN =
  `(?:${TYPED}` +
  `|\\\\?["'\`]\\]?[ \\t]{0,4}(?:,|=>|:=|=(?!=)|:(?!:)|[ \\t]value[ \\t]?=)` +
  `|\\]?[ \\t]{0,4}(?:=>|:=|=(?!=)|:(?![:=])))`;
const VALUE = '[A-Za-z0-9+/_.~!@#$%^&*?|-]{12,200}={0,3}';

// Built on first use: the word tries cost a few milliseconds, which a commit without a secret
// word on any added line never needs to spend.
let pattern: RegExp | undefined;
export function genericSecretPattern(): RegExp {
  if (pattern) return pattern;
  const beforeWord =
    `(?<!(?:^|[^A-Za-z0-9])${backwardTrie(variants(NOT_BEFORE))}[_.-]?)` +
    `(?<![a-z]${backwardTrie(NOT_BEFORE.map((w) => w[0]!.toUpperCase() + w.slice(1)))}[_.-]?)`;
  const afterWord = `(?![_.-]?${forwardTrie(variants(NOT_AFTER))}(?![a-z]))`;
  pattern = new RegExp(
    beforeWord +
      SECRET_WORD +
      afterWord +
      // The rest of the name, taken whole (a look-ahead capture cannot be backtracked into).
      '(?=(?<rest>[A-Za-z0-9_.-]{0,40}))\\k<rest>' +
      ASSIGN +
      '[ \\t]{0,8}\\\\?(?<q>["\'`]?)(?:(?:[Bb]earer|[Bb]asic|[Tt]oken)[ \\t]{1,4})?' +
      `(?<secret>${VALUE})` +
      '(?=\\\\?\\k<q>(?:(?<=["\'`])|[\\s,;)\\]}&]|$))',
    // Sticky: the rule is anchored, the engine tries the pattern at its keywords (src/engine.ts).
    'gy',
  );
  return pattern;
}

// Tokens that a dedicated rule reports (or rejects by its checksum), by prefix or shape, so that
// one secret is not reported twice.
const OWNED_PREFIX = new RegExp(
  '^(?:' +
    [
      'gh[pousr]_', 'github_pat_', 'gl(?:pat|rt|dt|ptt)-', 'gl(?:sa|c)_', 'xox[abposre]-', 'xapp-', '[rs]k_(?:live|test)_',
      'whsec_', 'npm_', 'pypi-', 'rubygems_', 'AKIA', 'ASIA', 'AIza', 'sk-', 'eyJ', 'sk\\.eyJ', 'hv[sbr]\\.', 'SG\\.',
      'do[por]_v1_', 'sbp_', 'sb_secret_', 'lin_api_', 'ntn_', 'vc[paikr]_', 'nfp_', 'cf(?:ut|at|k)_', 'fo1_', 'fm2_',
      'sntry[su]_', 'ATATT3', 'NR(?:AK|II|JS)-', 'AGE-SECRET-KEY-1', 'dckr_(?:pat|oat)_', 'shp(?:at|ca|pa|ss)_', 'hf_',
      'dapi', 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.', 'HRKU-', 'EAA', 'sq0(?:atp|csp)-', 'figd_', 'pscale_', 'pnu_',
      'rdme_', 'tfp_', 'dt0c01\\.', 'PMAK-', 'SK[0-9a-f]{32}$', 'key-', 'CLOJARS_', 'sq[pua]_', 'pul-',
      'access_token\\$', 'shippo_', '[0-9a-f]{32}-us[0-9]{1,2}$', '00[A-Za-z0-9_-]{40}$',
    ].join('|') +
    ')',
);
const OWNED_SHAPE = [
  /^[A-Za-z0-9]{14}\.atlasv1\./, // terraform-cloud-token
  /^[MNO][A-Za-z0-9]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$/, // discord-bot-token
  /^[0-9]{8,10}:AA[A-Za-z0-9_-]{33}$/, // telegram-bot-token
  /^[a-z0-9]{36}NRAL$/, // new-relic-key (license)
];

/** Whether an assigned value is a generated secret rather than a reference, a name or a default. */
export function isGenericSecret(value: string): boolean {
  if (value.length < 12) return false;
  if (OWNED_PREFIX.test(value) || OWNED_SHAPE.some((shape) => shape.test(value))) return false;
  if (isPlaceholder(value)) return false;
  // References to where the secret lives, and password hashes ($2b$..., $argon2id$...).
  if (/^\$|\$\{|\$\(|%\(|%[sd]|\{\{|^%[A-Za-z_]+%$|^@[A-Za-z_.]+@$|^#\{|^__[A-Z_]+__$/.test(value)) return false;
  if (/process\.env|os\.environ|getenv|System\.getenv|ENV\[|import\.meta|secrets\./i.test(value)) return false;
  // A variable's name where its value should be: DB_PASSWORD, API_TOKEN.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false;
  // Dotted names: settings.SECRET_KEY, config.auth.token, this.props.apiKey.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) && value.split('.').every((part) => looksLikeWords(part) || /^[a-z]+$/i.test(part))) return false;
  // URLs, e-mail addresses, paths and file names.
  if (/^(?:https?|wss?|ftp)\b|^www\./i.test(value)) return false;
  if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(value)) return false;
  if (/^(?:\.{1,2}\/|~\/)/.test(value)) return false;
  if (value.startsWith('/') && (value.indexOf('/', 1) !== -1 || looksLikeWords(value))) return false;
  if (/\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|der|asc|gpg|txt|json|ya?ml|env|ini|conf|cfg|xml|properties|toml|js|ts|py|rb|sh|html?)$/i.test(value)) return false;
  // Identifiers and hashes that are not secrets.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^[0-9a-f]{40}$/.test(value)) return false;
  if (/^sha(?:1|224|256|384|512)[-_]/i.test(value)) return false;
  // Base64 of text (a Kubernetes Secret's data:): judged by what it encodes, so that base64 of a
  // sentence ("not my real password"), of a placeholder or of a token another rule owns (which
  // that rule finds in the decoded text) is not reported.
  const decoded = decodeBase64Text(value);
  if (decoded !== undefined) return !/\s/.test(decoded) && isGenericSecret(decoded);
  // Generated secrets almost always hold a digit (a 24-character base62 one lacks any in 1.5% of
  // draws); without one, ask for three character classes: "www-authenticate" and
  // "Content-Length" are header names, not secrets.
  if (!/[0-9]/.test(value) && (characterClasses(value) < 3 || value.length < 16)) return false;
  return looksRandom(value, { minLength: 12, minClasses: 2 });
}

export const genericSecret: ContentRule = {
  id: 'generic-secret',
  kind: 'content',
  description:
    'Generated-looking values assigned to password, secret, token, api key, access key or auth names ' +
    '(JSON, YAML, .env, code, INI, XML), with references, placeholders, paths, hashes and words left out',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  excludeFiles: [...EXAMPLE_AND_TEST_FILES, ...DECLARATION_FILES],
  source: 'https://cwe.mitre.org/data/definitions/798.html',
  // Every way a secret word can start: the pattern, whose match starts with one, is tried only
  // at these (anchored).
  keywords: ['pass', 'pwd', 'secret', 'token', 'auth', 'api_key', 'apikey', 'api-key', 'api.key', 'access_key', 'accesskey', 'access-key', 'access.key'],
  get pattern() {
    return genericSecretPattern();
  },
  anchored: true,
  validate: isGenericSecret,
  // A specific detector's finding on the same line is the same secret, reported by its name.
  fallback: true,
  secretName: 'secret',
  revoke:
    'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html (rotate the ' +
    'credential where it was issued, then load it from the environment or a secret manager)',
};
