import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// PlanetScale credentials, each a prefix naming the kind and 32 to 64 characters of [A-Za-z0-9_]
// (43 in the tokens PlanetScale issues today):
//   service token     pscale_tkn_
//   database password pscale_pw_    (the password of a branch connection string)
//   OAuth token       pscale_oauth_
// PlanetScale documents the credentials, not their shape; gitleaks' rules do.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/planetscale.go
// https://planetscale.com/docs/concepts/service-tokens
export const planetscaleToken: ContentRule = {
  id: 'planetscale-token',
  kind: 'content',
  description: 'PlanetScale service tokens, database passwords and OAuth tokens (pscale_tkn_, pscale_pw_, pscale_oauth_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/planetscale.go',
  keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_]{32,64})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice(secret.indexOf('_', 'pscale_'.length) + 1);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'PlanetScale credential',
  revoke:
    'https://app.planetscale.com (service tokens: organization Settings, Service tokens; passwords: the ' +
    'database\'s Settings, Passwords; delete the credential and create a new one)',
};
