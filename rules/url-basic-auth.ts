import { EXAMPLE_AND_TEST_FILES } from './support/doc-paths.js';
import { credentialUrlPatternAtSeparator, isRealPassword } from './support/credential-url.js';
import type { ContentRule } from '../src/types.js';

// Credentials written into a URL's userinfo, `scheme://user:password@host` (RFC 3986 §3.2.1,
// which deprecates the form for exactly this reason). The database and broker schemes have their
// own rules (postgres-, mysql-, mongodb-, redis-, amqp-connection-string) built from the same
// pattern and password check (rules/support/credential-url.ts); this rule covers every other scheme: https, ftp,
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
//   scheme      given per rule; not preceded by a scheme character (this rule is anchored at
//               its keyword `://` and looks at the scheme behind it)
//   user        0-64 characters, no ':', '@', '/', blank or quote
//   ':'         then a look-ahead that the password is not the user name followed by '@'
//   password    1-128 characters, no '/', blank, quote or backslash; it may contain '@' (the last
//               '@' before the host ends it, as URL parsers do)
//   '@' host    a host character next, not a documentation host

/** Any scheme but the database and broker ones. */
export const URL_SCHEMES =
  '(?!(?:postgres(?:ql)?|mysql[x2]?|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?)(?:\\+[A-Za-z0-9]+)?://)' +
  '[A-Za-z][A-Za-z0-9+.-]{1,24}';

export const urlBasicAuth: ContentRule = {
  id: 'url-basic-auth',
  kind: 'content',
  description: 'Passwords in URL userinfo (https://user:password@host) for schemes without a dedicated connection-string rule',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  excludeFiles: [...EXAMPLE_AND_TEST_FILES],
  source: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
  keywords: ['://'],
  anchored: true,
  pattern: credentialUrlPatternAtSeparator(URL_SCHEMES),
  validate: isRealPassword,
  secretName: 'password in a URL',
  revoke:
    'https://owasp.org/www-community/vulnerabilities/Password_in_Configuration_File (change the password ' +
    'on the service the URL points to, then load the URL from the environment or a secret manager)',
};
