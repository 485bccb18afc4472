import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRealPassword } from '../../rules/support/credential-url.js';
import { urlBasicAuth } from '../../rules/url-basic-auth.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2310);
const pw = Array.from({ length: 9 }, () => tokensB.password());

testRule(urlBasicAuth, {
  valid: [
    { name: 'user only', path: 'package.json', code: '"repository": "git+https://deploy@github.com/acme/app.git"' },
    { name: 'scp-style git remote', path: 'README.md', code: 'git clone git@github.com:acme/app.git' },
    { name: 'GitHub Actions expression', path: '.github/workflows/ci.yml', code: '      - run: git push https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/acme/app.git' },
    { name: 'shell variable', path: 'ci.sh', code: 'git remote set-url origin "https://oauth2:$CI_JOB_TOKEN@gitlab.com/acme/app.git"' },
    { name: 'command substitution', path: 'ci.sh', code: 'pip install --index-url "https://oauth2accesstoken:$(gcloud auth print-access-token)@europe-python.pkg.dev/x/simple"' },
    { name: 'admin:admin on localhost', path: 'docs/grafana.md', code: 'curl http://admin:admin@localhost:3000/api/health' },
    { name: 'documentation domain', path: 'docs/proxy.md', code: `HTTPS_PROXY=http://proxy-user:${pw[0]}@proxy.example.com:3128` },
    { name: 'user:password', path: 'README.md', code: 'https://user:password@registry.acme.io/' },
    { name: 'anonymous FTP', path: 'mirror.sh', code: 'wget ftp://anonymous:anonymous@ftp.gnu.org/gnu/' },
    { name: 'port, not a password', path: 'a.env', code: 'REGISTRY=https://registry.local:5000/v2/' },
    { name: 'database schemes have their own rules', path: '.env', code: `DATABASE_URL=postgres://app:${pw[1]}@db/app` },
    { name: 'driver suffix on a database scheme', path: 'db.py', code: `create_engine("postgresql+asyncpg://app:${pw[2]}@db/app")` },
    { name: 'a URL parser\'s own tests', path: 'node_modules/url/test.js', code: `'http://atpass:${pw[0]}@127.0.0.1:8080/path'` },
    { name: 'Mustache', path: 'templates/remote.tpl', code: 'https://{{user}}:{{token}}@git.acme.io/repo.git' },
  ],
  invalid: [
    { name: 'pip index URL', path: 'requirements.txt', code: `--index-url https://ci:${pw[0]}@pypi.acme-logistics.io/simple\nrequests==2.32.3`, findings: [{ line: 1, column: 24 }] },
    { name: '.npmrc registry', path: '.npmrc', code: `registry=https://deploy:${pw[1]}@npm.acme-logistics.io/`, findings: [{ line: 1, column: 25 }] },
    { name: 'git remote', path: 'scripts/mirror.sh', code: `git push https://mirror-bot:${pw[2]}@git.acme-logistics.io/ops/app.git main`, findings: [{ line: 1, column: 29 }] },
    { name: 'SMTP URL in YAML', path: 'config/mail.yml', code: `mailer:\n  url: smtp://apikey:${pw[3]}@smtp.sendgrid.net:587`, findings: [{ line: 2, column: 22 }] },
    { name: 'fetch in JS', path: 'src/sync.js', code: `await fetch('https://sync:${pw[4]}@couch.internal:5984/orders/_all_docs');`, findings: [{ line: 1, column: 27 }] },
    { name: 'FTP in Python', path: 'upload.py', code: `ftp_url = "ftp://uploader:${pw[5]}@files.acme-logistics.io/incoming"`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `RUN pip install --extra-index-url https://build:${pw[6]}@pypi.internal/simple app`, findings: [{ line: 1 }] },
    { name: 'LDAP bind URL', path: 'ldap.properties', code: `ldap.url=ldaps://cn=svc:${pw[7]}@ldap.internal:636`, findings: [{ line: 1 }] },
    { name: 'localhost is still reported', path: '.env', code: `ELASTIC_URL=http://elastic:${pw[8]}@localhost:9200`, findings: [{ line: 1, column: 28 }] },
  ],
});

test('url-basic-auth: isRealPassword keeps generated and human passwords, drops templates and defaults', () => {
  for (const real of [pw[0]!, 'Tr0ub4dor&3x', 'x9$Lq2#mP7', 'correcthorse', '7361928450', 'p%40ss-Wq81zK']) assert.ok(isRealPassword(real), real);
  for (const fake of ['password', 'P@ssw0rd!', 'changeme', 'secret123', 's3cr3t', 'admin123', 'rootroot', 'mysecretpassword',
    'devpass123', '${DB_PASS}', '$DB_PASS', '{{pw}}', '{password}', '%s', '<password>', '[password]', 'DB_PASSWORD',
    '********', 'xxxxxxxx', 'abc', '123456', '00000000', '%3Cpassword%3E', 'your_password', 'qwerty123']) {
    assert.not.ok(isRealPassword(fake), fake);
  }
});

test.run();
