import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Clojars deploy tokens, used as CLOJARS_PASSWORD when deploying: `CLOJARS_` and 60 hex
// characters. Clojars documents the prefix; the length is gitleaks' rule's.
// https://github.com/clojars/clojars-web/wiki/Deploy-Tokens
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/clojars.go
export const clojarsToken: ContentRule = {
  id: 'clojars-token',
  kind: 'content',
  description: 'Clojars deploy tokens (CLOJARS_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
  keywords: ['clojars_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>CLOJARS_[a-f0-9]{60})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('CLOJARS_'.length);
    return !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Clojars deploy token',
  revoke: 'https://clojars.org/tokens (disable the token)',
};
