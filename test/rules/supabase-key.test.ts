import { test } from 'uvu';
import { supabaseKey } from '../../rules/supabase-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2324);
const access = [tokensB.supabaseAccess(), tokensB.supabaseAccess(), tokensB.supabaseAccess()];
const secret = [tokensB.supabaseSecret(), tokensB.supabaseSecret(), tokensB.supabaseSecret()];
const SB = (kind: string, body: string): string => ['sb', kind, body].join('_');

testRule(supabaseKey, {
  valid: [
    { name: 'publishable key (meant for browsers)', path: 'src/supabase.ts', code: `createClient(url, '${SB('publishable', `${mixed(URL_SAFE, 22)}_${mixed(URL_SAFE, 8)}`)}')` },
    { name: 'placeholder words', path: '.env.example', code: `SUPABASE_SECRET_KEY=${SB('secret', 'your-secret-key')}` },
    { name: 'zero access token', path: 'docs/cli.md', code: `SUPABASE_ACCESS_TOKEN=${['sb' + 'p', '0'.repeat(40)].join('_')}` },
    { name: 'access token one character short', path: '.env', code: `SUPABASE_ACCESS_TOKEN=${access[0]!.slice(0, -1)}` },
    { name: 'environment reference', path: '.github/workflows/db.yml', code: '          SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}' },
  ],
  invalid: [
    { name: '.env access token', path: '.env', code: `SUPABASE_ACCESS_TOKEN=${access[0]}`, findings: [{ line: 1, column: 23 }] },
    { name: 'GitHub Actions', path: '.github/workflows/migrate.yml', code: `    env:\n      SUPABASE_ACCESS_TOKEN: ${access[1]}`, findings: [{ line: 2, column: 30 }] },
    { name: '.env secret key', path: '.env.local', code: `NEXT_PUBLIC_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nSUPABASE_SECRET_KEY=${secret[0]}`, findings: [{ line: 2, column: 21 }] },
    { name: 'server client in TS', path: 'src/admin.ts', code: `export const admin = createClient(process.env.SUPABASE_URL!, '${secret[1]}');`, findings: [{ line: 1, column: 63 }] },
    { name: 'Python', path: 'jobs/sync.py', code: `supabase = create_client(url, "${secret[2]}")`, findings: [{ line: 1, column: 32 }] },
    { name: 'shell', path: 'scripts/link.sh', code: `SUPABASE_ACCESS_TOKEN=${access[2]} supabase link --project-ref abcdefghijklmnopqrst`, findings: [{ line: 1, column: 23 }] },
  ],
});

test.run();
