import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import { jwt as jwtRule } from '../../rules/jwt.js';
import { testRule } from '../helpers/rule-tester.js';
import { jwt, mixed, URL_SAFE } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2304);
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = 1_717_171_717;
const service = jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: now, exp: now + 3e8 });
const anon = jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon', iat: now, exp: now + 3e8 });
const user = jwt({ sub: 'user_2b9c', email: 'ops@acme-logistics.io', iat: now, exp: now + 3600 });
const apiKey = jwt({ sub: 'svc-billing', scope: 'invoices:write', iat: now });
const es256 = jwt({ sub: 'device-7' }, { alg: 'ES256', signature: mixed(URL_SAFE, 86) });
const rs256 = jwt({ iss: 'https://auth.acme-logistics.io/', aud: 'api', sub: 'm2m' }, { alg: 'RS256', signature: mixed(URL_SAFE, 342) });
// The token on jwt.io's front page: HS256 over {"sub":"1234567890","name":"John Doe","iat":1516239022}.
const docHeader = b64({ alg: 'HS256', typ: 'JWT' });
const docPayload = b64({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
const docToken = `${docHeader}.${docPayload}.${createHmac('sha256', ['your', '256', 'bit', 'secret'].join('-')).update(`${docHeader}.${docPayload}`).digest('base64url')}`;
const unsecured = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', admin: true })}`;

testRule(jwtRule, {
  valid: [
    { name: 'API documentation examples', path: 'apis/sso-oidc-2019-06-10.examples.json', code: `{ "idToken": "${user}" }` },
    { name: 'alg none, no signature', path: 'test/auth.test.ts', code: `const token = '${unsecured}.';` },
    { name: 'alg none with a signature part', path: 'test/auth.test.ts', code: `const token = '${unsecured}.${mixed(URL_SAFE, 43)}';` },
    { name: 'jwt.io documentation token', path: 'README.md', code: `Authorization: Bearer ${docToken}` },
    { name: 'Supabase anon key (public by design)', path: 'src/supabase.ts', code: `export const supabase = createClient(url, '${anon}');` },
    { name: 'signature too short', path: 'a.js', code: `const t = '${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}.sig';` },
    { name: 'header is not JSON', path: 'a.txt', code: `eyJ${mixed(URL_SAFE, 30)}.${b64({ sub: 'a' })}.${mixed(URL_SAFE, 43)}` },
    { name: 'header without alg', path: 'a.txt', code: `${b64({ typ: 'JWT', kid: 'k1' })}.${b64({ sub: 'a' })}.${mixed(URL_SAFE, 43)}` },
    { name: 'two parts only', path: 'a.txt', code: `${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}` },
    { name: 'environment reference', path: '.github/workflows/e2e.yml', code: 'env:\n  API_TOKEN: ${{ secrets.API_JWT }}' },
    { name: 'truncated in docs', path: 'docs/auth.md', code: 'The key looks like `eyJhbGciOiJIUzI1NiIs...`' },
  ],
  invalid: [
    { name: '.env service_role key', path: '.env.local', code: `SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nSUPABASE_SERVICE_ROLE_KEY=${service}`, findings: [{ line: 2, column: 27 }] },
    { name: 'shell Bearer header', path: 'scripts/smoke.sh', code: `curl -H "Authorization: Bearer ${user}" https://api.acme-logistics.io/v1/me`, findings: [{ line: 1, column: 32 }] },
    { name: 'JSON', path: 'config/session.json', code: `{\n  "accessToken": "${user}",\n  "expiresIn": 3600\n}`, findings: [{ line: 2, column: 19 }] },
    { name: 'JS', path: 'src/client.js', code: `const API_KEY = "${apiKey}";`, findings: [{ line: 1, column: 18 }] },
    { name: 'Python', path: 'client.py', code: `headers = {"Authorization": f"Bearer ${apiKey}"}`, findings: [{ line: 1 }] },
    { name: 'YAML', path: 'config/device.yaml', code: `device:\n  token: ${es256}`, findings: [{ line: 2, column: 10 }] },
    { name: 'RS256 with a long signature', path: 'k8s/secret.yaml', code: `stringData:\n  M2M_TOKEN: "${rs256}"`, findings: [{ line: 2, column: 15 }] },
    { name: 'end of a sentence', path: 'notes.md', code: `Use ${apiKey}.`, findings: [{ line: 1, column: 5 }] },
  ],
});

test.run();
