import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Supabase credentials.
//   sbp_<40 hex>                                   personal access token (Management API, CLI)
//   sb_secret_<22 base64url>_<8 base64url>         secret API key (bypasses Row Level Security),
//                                                  the format that replaces the service_role JWT
// sb_publishable_ keys are meant to ship in browser code and are not reported; legacy
// service_role keys are JWTs and the jwt rule reports them (it skips the public anon key).
// https://supabase.com/docs/guides/api/api-keys
// https://supabase.com/docs/guides/platform/access-control#personal-access-tokens
export const supabaseKey: ContentRule = {
  id: 'supabase-key',
  kind: 'content',
  description: 'Supabase personal access tokens (sbp_) and secret API keys (sb_secret_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://supabase.com/docs/guides/api/api-keys',
  keywords: ['sbp_', 'sb_secret_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8})(?![A-Za-z0-9_-])/g,
  validate: (secret) => !isPlaceholder(secret.startsWith('sbp_') ? secret.slice(4) : secret.slice(10, 32)),
  secretName: 'Supabase key',
  revoke:
    'https://supabase.com/dashboard/account/tokens (access tokens); secret keys: the project\'s ' +
    'Settings, API Keys page (delete the key and create a new one)',
};
