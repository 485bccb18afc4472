// The credential-in-URL pattern and the real-password check shared by url-basic-auth and the
// connection-string rules (postgres, mysql, mongodb, redis, amqp). Pure; see url-basic-auth.ts
// for the reasoning behind each part.

import { hasTypedRun } from '../../src/entropy.js';
import { isPlaceholder } from '../../src/placeholders.js';

const USER = '[^\\s:@/?#\'"`<>\\\\]{0,64}';
const PASSWORD = '[^\\s/\'"`<>\\\\]{1,128}';
const DOC_HOST =
  '(?:[A-Za-z0-9-]{1,63}\\.){0,4}example\\.(?:com|net|org)(?![A-Za-z0-9-])' +
  '|(?:[A-Za-z0-9-]{1,63}\\.){1,4}(?:example|invalid)(?![A-Za-z0-9.-])' +
  '|(?:host|hostname|your-host|db-host)(?![A-Za-z0-9.-])';

/** From `://` on: `user:password@` and a host that is not a documentation one. */
const AFTER_SCHEME = `://(?<user>${USER}):(?!\\k<user>@)(?<secret>${PASSWORD})@(?=[A-Za-z0-9\\[_%$-])(?!${DOC_HOST})`;

/** The pattern of `scheme://user:password@host` for the schemes in `schemes` (a regex source). */
export function credentialUrlPattern(schemes: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9+.-])(?:${schemes})${AFTER_SCHEME}`, 'g');
}

/**
 * The same, for a rule anchored at its keyword `://` (src/engine.ts): the match starts there and
 * the scheme is looked at behind it. It finds what credentialUrlPattern finds: a scheme cannot
 * hold ':', so it ends at a `://`, and starts where the run of scheme characters before it
 * does. Tried at each `://`, not at each word of each line that has one (5x faster on
 * bench/sourcegen.ts's corpus, where URLs are on 1 line in 15).
 */
export function credentialUrlPatternAtSeparator(schemes: string): RegExp {
  return new RegExp(`(?<=(?<![A-Za-z0-9+.-])(?:${schemes}))${AFTER_SCHEME}`, 'gy');
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
