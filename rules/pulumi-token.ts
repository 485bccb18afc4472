import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Pulumi Cloud access tokens (personal, team and organization): `pul-` and 40 hex characters.
// Pulumi documents the tokens, not their shape; gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/pulumi.go
// https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
export const pulumiToken: ContentRule = {
  id: 'pulumi-token',
  kind: 'content',
  description: 'Pulumi Cloud access tokens (pul-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/pulumi.go',
  keywords: ['pul-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice('pul-'.length);
    return !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Pulumi access token',
  revoke: 'https://app.pulumi.com/account/tokens (delete the token; team and organization tokens are under the organization\'s Access Management)',
};
