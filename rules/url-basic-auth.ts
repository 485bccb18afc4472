import { EXAMPLE_AND_TEST_FILES } from './support/doc-paths.js';
import { hasTypedRun } from '../src/entropy.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Credentials written into a URL's userinfo, `scheme://user:password@host` (RFC 3986 §3.2.1,
// which deprecates the form for exactly this reason). The database and broker schemes have their
// own rules (postgres-, mysql-, mongodb-, redis-, amqp-connection-string) built from the same
// pattern and password check exported here; this rule covers every other scheme: https, ftp,
// smtp, ldap, git+ssh, mssql, jdbc sub-protocols and so on.
// https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1
//
// The secret is the password. It must be a real password: not empty, not a template or variable
// reference (${VAR}, $VAR, {{ var }}, %s, %(name)s, {password}, <password>, [password]), not a
// documentation word or a well-known default (password, changeme, secret, postgres, root, guest,
// example...), not the user name again (guest:guest), and the host must not be a documentation
// domain (example.com, *.example, *.invalid) or the word "host". Local hosts are still reported:
// a real password pasted next to localhost is usually the same one production uses, and the dev
// defaults that docker-compose files carry (postgres:postgres, root:example, guest:guest) are
// rejected by the word list anyway.
//
// Shape of the pattern, each part bounded and separated from the next by a character it cannot
// contain, so it runs in linear time:
//   scheme      given per rule; not preceded by a scheme character
//   user        0-64 characters, no ':', '@', '/', blank or quote
//   ':'         then a look-ahead that the password is not the user name followed by '@'
//   password    1-128 characters, no '/', blank, quote or backslash; it may contain '@' (the last
//               '@' before the host ends it, as URL parsers do)
//   '@' host    a host character next, not a documentation host

const USER = '[^\\s:@/?#\'"`<>\\\\]{0,64}';
const PASSWORD = '[^\\s/\'"`<>\\\\]{1,128}';
const DOC_HOST =
  '(?:[A-Za-z0-9-]{1,63}\\.){0,4}example\\.(?:com|net|org)(?![A-Za-z0-9-])' +
  '|(?:[A-Za-z0-9-]{1,63}\\.){1,4}(?:example|invalid)(?![A-Za-z0-9.-])' +
  '|(?:host|hostname|your-host|db-host)(?![A-Za-z0-9.-])';

/** The pattern of `scheme://user:password@host` for the schemes in `schemes` (a regex source). */
export function credentialUrlPattern(schemes: string): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9+.-])(?:${schemes})://(?<user>${USER}):(?!\\k<user>@)(?<secret>${PASSWORD})@` +
      `(?=[A-Za-z0-9\\[_%$-])(?!${DOC_HOST})`,
    'g',
  );
}

// Well-known defaults, documentation words and the passwords of the docker images' examples.
const DEFAULT_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passw', 'passphrase', 'secret', 'secrets', 'changeme',
  'changeit', 'change', 'postgres', 'postgresql', 'pgpass', 'root', 'toor', 'admin', 'administrator',
  'example', 'sample', 'test', 'testing', 'tester', 'user', 'username', 'guest', 'mysql', 'mariadb',
  'mongo', 'mongodb', 'redis', 'rabbit', 'rabbitmq', 'amqp', 'default', 'dev', 'development',
  'local', 'localhost', 'docker', 'demo', 'foo', 'bar', 'baz', 'foobar', 'foobared', 'qwerty',
  'qwertyuiop', 'letmein', 'welcome', 'monkey', 'dragon', 'master', 'iloveyou', 'trustno',
  'abc', 'abcd', 'abcdef', 'xyz', 'db', 'database', 'app', 'application', 'service', 'server',
  'super', 'supersecret', 'topsecret', 'mypassword', 'yourpassword', 'dbpassword', 'dbpass',
  'secretpassword', 'defaultpassword', 'pw', 'token', 'apikey', 'key', 'none', 'null', 'empty',
  'todo', 'fixme', 'replace', 'replaceme', 'insert', 'enter', 'value', 'string', 'str',
]);

// Letters-only passwords that contain one of these are doc or dev values ("devpass",
// "mysecretpassword", "adminadmin", "testuser", "rootpw").
const WEAK_STEMS = /pass|secret|admin|root|test|guest|user|demo|example|sample|default|change|mysql|postgres|mongo|redis|rabbit|local/;

// ${VAR}, $VAR, $(cmd), {{ var }}, {var}, %s, %(name)s, %VAR%, <var>, [var], :var placeholders.
const TEMPLATE = /\$\{|\$\(|^\$[A-Za-z_]|\{\{|^\{[^}]*\}$|%[sd]|%\(|^%[A-Za-z_]+%$|[<>]|^\[.*\]$|^:[A-Za-z_]+$/;

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** Lower case, trailing digits and punctuation removed, leetspeak undone, letters only. */
function normalized(password: string): string {
  return password
    .toLowerCase()
    .replace(/[^a-z]+$/, '')
    .replace(/[013457@$!]/g, (ch) => LEET[ch]!)
    .replace(/[^a-z]/g, '');
}

/**
 * Whether a password found in a URL (or a config value) is a real one rather than a template,
 * a documentation word or a well-known default. Percent-encoding is undone first.
 */
export function isRealPassword(raw: string): boolean {
  let password = raw;
  try {
    password = decodeURIComponent(raw);
  } catch {
    // A lone '%' is a literal character of the password.
  }
  if (password.length < 6) return false;
  if (TEMPLATE.test(password) || isPlaceholder(password)) return false;
  // An environment variable's name written where its value should be: DB_PASSWORD, PGPASS.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(password)) return false;
  const letters = normalized(password);
  // Digits and punctuation only: real unless typed ("123456", "000000").
  if (letters.length === 0) return !hasTypedRun(password, 4) && new Set(password).size >= 5;
  if (DEFAULT_PASSWORDS.has(letters)) return false;
  // Letters-only passwords built from dev words: "devpass", "mysecretpassword", "adminadmin".
  const lettersOnly = /^[A-Za-z]+[^A-Za-z]*$/.test(password);
  return !(lettersOnly && WEAK_STEMS.test(letters));
}

export const urlBasicAuth: ContentRule = {
  id: 'url-basic-auth',
  kind: 'content',
  description: 'Passwords in URL userinfo (https://user:password@host) for schemes without a dedicated connection-string rule',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  excludeFiles: [...EXAMPLE_AND_TEST_FILES],
  source: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
  keywords: ['://'],
  pattern: credentialUrlPattern(
    '(?!(?:postgres(?:ql)?|mysql[x2]?|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?)(?:\\+[A-Za-z0-9]+)?://)' +
      '[A-Za-z][A-Za-z0-9+.-]{1,24}',
  ),
  validate: isRealPassword,
  secretName: 'password in a URL',
  revoke:
    'https://owasp.org/www-community/vulnerabilities/Password_in_Configuration_File (change the password ' +
    'on the service the URL points to, then load the URL from the environment or a secret manager)',
};
