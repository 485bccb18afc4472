import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { genericSecret, isGenericSecret } from '../../rules/generic-secret.js';
import { testRule } from '../helpers/rule-tester.js';
import { bytes, hex, tokensB } from '../helpers/tokens-b.js';
import { BASE62, randomFrom, reseed, tokens } from '../helpers/tokens.js';

reseed(2326);
const s = Array.from({ length: 26 }, () => tokensB.generic(32));
const punctuated = Array.from({ length: 4 }, () => tokensB.genericPunctuated());
const b64 = bytes(32).toString('base64');
const uuid = [hex(8), hex(4), '4' + hex(3), 'b' + hex(3), hex(12)].join('-');
const integrity = `sha512-${bytes(64).toString('base64')}`;
const bcrypt = ['$2b$12$', randomFrom(BASE62 + './', 53)].join('');
const railsKey = hex(128);
const upper = randomFrom('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 32);
const col = (line: string, secret: string): number => line.indexOf(secret) + 1;
const at = (code: string, secret: string): { line: number; column: number } => {
  const lines = code.split('\n');
  const i = lines.findIndex((l) => l.includes(secret));
  return { line: i + 1, column: col(lines[i]!, secret) };
};
const inv = (name: string, path: string, code: string, ...secrets: string[]) => ({ name, path, code, findings: secrets.map((x) => at(code, x)) });

testRule(genericSecret, {
  valid: [
    // Lockfiles, manifests and compiler settings.
    {
      name: 'package-lock.json entries',
      path: 'package-lock.json',
      code: `    "node_modules/js-tokens": {\n      "version": "4.0.0",\n      "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",\n      "integrity": "${integrity}"\n    },`,
    },
    { name: 'dependencies named after tokens', path: 'package.json', code: '  "dependencies": {\n    "@octokit/auth-token": "^4.0.0",\n    "jsonwebtoken": "9.0.2",\n    "passport-jwt": "^4.0.1"\n  }' },
    { name: 'tsconfig', path: 'tsconfig.json', code: '{\n  "compilerOptions": {\n    "strict": true,\n    "noImplicitAny": true,\n    "forceConsistentCasingInFileNames": true\n  }\n}' },
    // References to where the secret lives.
    { name: 'GitHub Actions secrets', path: '.github/workflows/release.yml', code: '        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n        with:\n          password: ${{ secrets.DOCKERHUB_TOKEN }}' },
    { name: 'Django settings from the environment', path: 'settings.py', code: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nDATABASES = {"default": {"PASSWORD": os.getenv("DB_PASSWORD"), "HOST": "db"}}\nAPI_TOKEN = env("API_TOKEN")' },
    { name: 'process.env', path: 'src/config.ts', code: 'export const config = {\n  apiKey: process.env.STRIPE_SECRET_KEY,\n  authToken: process.env.AUTH_TOKEN ?? "",\n};' },
    { name: 'Go getenv', path: 'main.go', code: 'password := os.Getenv("DB_PASSWORD")\ntoken := viper.GetString("auth.token")' },
    { name: 'Terraform references', path: 'infra/db.tf', code: 'password = var.db_password\nadministrator_login_password = random_password.sql.result' },
    { name: 'Ansible and Helm templates', path: 'roles/db/vars.yml', code: 'ansible_become_pass: "{{ vault_become_pass }}"\nredis_password: "{{ .Values.redis.password }}"' },
    { name: 'Spring placeholders', path: 'application.properties', code: 'spring.datasource.password=${DB_PASSWORD}\napp.jwt.secret=${JWT_SECRET:}' },
    { name: 'shell variables', path: 'deploy.sh', code: 'export API_TOKEN="$DEPLOY_TOKEN"\ncurl -H "Authorization: Bearer ${API_TOKEN}" https://api.acme-logistics.io' },
    { name: 'variable name as the value', path: '.env.example', code: 'STRIPE_SECRET_KEY=STRIPE_SECRET_KEY_FROM_VAULT' },
    // Words: i18n strings, form fields, props, messages.
    { name: 'i18n strings', path: 'locales/en.json', code: '{\n  "password": "Password",\n  "forgotPassword": "Forgot your password?",\n  "passwordTooShort": "Password must be at least 12 characters",\n  "token_expired": "Your session has expired"\n}' },
    { name: 'form field names', path: 'forms.py', code: 'PASSWORD_FIELD = "password_confirmation"\nfields = {"password": "currentPassword", "token": "csrfmiddlewaretoken"}' },
    { name: 'React props', path: 'src/Login.tsx', code: '<Input type="password" name="password" autoComplete="current-password" placeholder="Enter your password" />\nconst [password, setPassword] = useState("");' },
    { name: 'identifiers and calls', path: 'src/auth.js', code: 'const token = generateToken(user);\npassword: getPassword(),\napi_key = config.get("api_key")\nauth: authenticationProvider,' },
    { name: 'dotted names', path: 'app.js', code: 'const secret = settings.SESSION_SECRET;\nconst apiKey = this.props.apiKey;' },
    { name: 'test fixtures with dev passwords', path: 'test/users.test.ts', code: "const users = [\n  { username: 'alice', password: 'password123' },\n  { username: 'bob', password: 'correct-horse-battery-staple' },\n];\nconst token = 'test-token-123456';\nconst apiKey = 'test-api-key-abc';" },
    { name: 'booleans and numbers', path: 'config.json', code: '{ "requirePassword": true, "passwordMinLength": 12, "tokenTtlSeconds": 3600, "secret": null, "auth": false }' },
    { name: 'comparisons', path: 'check.js', code: "if (password === 'admin-override-2024') deny();\nassert token != 'f00dbabe-cafe'" },
    { name: 'type annotations', path: 'models.py', code: 'class Settings(BaseSettings):\n    api_key: str = Field(..., env="API_KEY")\n    password: SecretStr' },
    // Names that do not hold a secret.
    { name: 'names describing the secret', path: '.env', code: `PASSWORD_MIN_LENGTH=12\nTOKEN_URL=https://oauth2.googleapis.com/token\nSECRET_NAME=${randomFrom(BASE62, 16)}-db\nPOSTGRES_PASSWORD_FILE=/run/secrets/db_password` },
    { name: 'pagination and CSRF tokens', path: 'fixtures/list.json', code: `{"nextPageToken": "${s[0]}", "csrf_token": "${s[1]}"}` },
    { name: 'hash of a password', path: 'fixtures/users.json', code: `{"passwordHash": "${hex(64)}", "password_digest": "${bcrypt}"}` },
    // Values that are not secrets.
    { name: 'paths', path: 'config.yml', code: 'client_secret: ~/.config/gcloud/client_secret.json\nssl_password_file: ./certs/key.pass\nsecret: /var/run/secrets/kubernetes.io/serviceaccount/token' },
    { name: 'UUID', path: '.env', code: `API_KEY=${uuid}` },
    { name: 'git SHA', path: 'deploy.yml', code: `secret_rotation: ${hex(40)}` },
    { name: 'integrity hash', path: 'lock.json', code: `"token": "${integrity}"` },
    { name: 'bcrypt hash', path: 'seed.sql.yml', code: `password: '${bcrypt}'` },
    { name: 'masked and placeholders', path: 'README.md', code: 'password: "********"\nAPI_KEY=your-api-key-here\nTOKEN=<YOUR_TOKEN>\nSECRET=REPLACE_ME_BEFORE_DEPLOY\nauth_token: xxxxxxxxxxxxxxxx' },
    { name: 'AWS documentation key', path: 'docs/aws.md', code: `aws_secret_access_key = ${tokens.awsDocExampleSecret()}` },
    { name: 'tokens another rule owns', path: '.env', code: `GITHUB_TOKEN=${tokens.githubClassic()}\nSTRIPE_SECRET_KEY=${tokens.stripeTest()}\nNPM_TOKEN=${tokens.npm()}` },
    { name: 'low entropy', path: '.env', code: 'SESSION_SECRET=abababababababab\nAPI_KEY=aaaa1111bbbb2222' },
    { name: 'type declarations hold types, not values', path: 'clients/emr.d.ts', code: 'export interface Kdc {\n  KdcAdminPassword?: XmlStringMaxLen256Type2;\n}' },
    { name: 'API documentation examples', path: 'apis/sso-oidc-2019-06-10.examples.json', code: `{ "clientSecret": "${s[1]}" }` },
    { name: 'test files', path: 'src/__tests__/login.test.ts', code: `const password = '${s[0]}';` },
    { name: 'allowed inline', path: 'test/fixtures.py', code: `PASSWORD = "${s[2]}"  # pragma: allowlist secret` },
  ],
  invalid: [
    inv('.env', '.env', `NODE_ENV=production\nSESSION_SECRET=${s[0]}`, s[0]!),
    inv('JSON', 'config/production.json', `{\n  "oauth": {\n    "clientSecret": "${s[1]}"\n  }\n}`, s[1]!),
    inv('YAML with punctuation', 'config/app.yml', `database:\n  user: app\n  password: "${punctuated[0]}"`, punctuated[0]!),
    inv('JS const', 'src/config.js', `const apiKey = '${s[2]}';`, s[2]!),
    inv('TS object', 'src/storage.ts', `export const storage = new Client({ accessKey: '${s[3]}', region: 'eu-west-1' });`, s[3]!),
    inv('Django insecure key', 'settings.py', `SECRET_KEY = 'django-insecure-${s[4]}'`, `django-insecure-${s[4]}`),
    inv('Python keyword argument', 'db.py', `conn = psycopg2.connect(host="db.internal", user="etl", password="${punctuated[1]}")`, punctuated[1]!),
    inv('shell export', 'scripts/deploy.sh', `export API_TOKEN="${s[5]}"`, s[5]!),
    inv('INI', 'config.ini', `[database]\nhost = db.internal\npassword = ${s[6]}`, s[6]!),
    inv('XML attribute', 'conf/server.xml', `<Resource name="jdbc/orders" username="app" password="${s[7]}" />`, s[7]!),
    inv('.NET appSettings', 'Web.config', `<appSettings>\n  <add key="ApiKey" value="${s[8]}" />\n</appSettings>`, s[8]!),
    inv('Dockerfile', 'Dockerfile', `FROM node:20\nENV AUTH_TOKEN=${s[9]}`, s[9]!),
    inv('Go', 'main.go', `apiKey := "${s[10]}"`, s[10]!),
    inv('PHP', 'config/database.php', `'password' => '${s[11]}',`, s[11]!),
    inv('Rails secret_key_base', 'config/initializers/secret.rb', `Rails.application.config.secret_key_base = "${railsKey}"`, railsKey),
    inv('Java properties', 'application.properties', `db.password=${s[14]}`, s[14]!),
    inv('ADO.NET connection string', 'appsettings.json', `"Default": "Server=tcp:db.acme.io;Database=orders;User Id=app;Password=${s[15]};"`, s[15]!),
    inv('query string', 'scripts/export.sh', `curl "https://api.acme-logistics.io/v1/export?access_token=${s[16]}&format=csv"`, s[16]!),
    inv('Authorization header', 'src/api.js', `fetch(url, { headers: { Authorization: 'Bearer ${s[17]}' } });`, s[17]!),
    inv('setdefault call', 'conftest.py', `os.environ.setdefault("API_SECRET", "${s[18]}")`, s[18]!),
    inv('typed TS declaration', 'src/keys.ts', `const apiKey: string = "${s[19]}";`, s[19]!),
    inv('typed Python attribute', 'settings.py', `    api_key: str = "${s[20]}"`, s[20]!),
    inv('escaped JSON', 'fixtures.js', `const body = "{\\"password\\":\\"${s[21]}\\"}";`, s[21]!),
    inv('base64 secret', '.env', `JWT_SECRET=${b64}`, b64),
    inv('two on one line', 'run.sh', `./migrate --user svc --password=${punctuated[2]} --token=${s[22]}`, punctuated[2]!, s[22]!),
    inv('camelCase hump and glued names', 'config.yaml', `dbPass: ${s[23]}\nrootpassword: ${s[24]}`, s[23]!, s[24]!),
    inv('APIKey spelling, upper-case value', 'appsettings.json', `{ "APIKey": "${upper}" }`, upper),
  ],
});

test('generic-secret: isGenericSecret accepts generated values and rejects the rest', () => {
  for (const ok of [s[25]!, punctuated[3]!, b64, hex(64), `django-insecure-${s[0]}`]) assert.ok(isGenericSecret(ok), ok);
  for (const no of ['settings.SECRET_KEY', 'process.env.API_TOKEN', '${API_TOKEN}', 'DB_PASSWORD_PROD', uuid, hex(40), integrity, bcrypt,
    '/etc/app/secret.key', 'https://vault.acme.io/v1/token', 'ops@acme-logistics.io', 'passwordConfirmation', 'password123456', '1234567890123']) {
    assert.not.ok(isGenericSecret(no), no);
  }
});

test.run();
