import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Doppler tokens: dp., a kind, '.', and 40 to 44 alphanumerics:
//   dp.pt. personal   dp.ct. CLI   dp.sa. service account   dp.scim. SCIM   dp.audit. audit
//   dp.st. service token, with the config's slug in legacy ones: dp.st.prd.<token>
// https://docs.doppler.com/reference/auth-token-formats
// Linear time: fixed prefixes that cannot follow a token character, an optional slug that cannot
// contain '.', then one bounded run.
export const dopplerToken: ContentRule = {
  id: 'doppler-token',
  kind: 'content',
  description: 'Doppler personal, CLI, service, service account, SCIM and audit tokens (dp.pt., dp.st., ...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.doppler.com/reference/auth-token-formats',
  keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>dp\.(?:(?:pt|ct|sa|scim|audit)\.|st\.(?:[a-z0-9_-]{1,35}\.)?)[A-Za-z0-9]{40,44})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice(secret.lastIndexOf('.') + 1);
    return !isPlaceholder(random) && /[A-Z]/.test(random) && /[a-z]/.test(random);
  },
  secretName: 'Doppler token',
  revoke: 'https://dashboard.doppler.com (Tokens: revoke personal, CLI, SCIM and audit tokens; service tokens on the config\'s Access tab)',
};
