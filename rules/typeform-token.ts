import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Typeform personal access tokens: `tfp_` and about 59 characters of [A-Za-z0-9_-] (44, `_`,
// 14 in the tokens seen); they read responses, which hold what respondents typed.
// Typeform documents the tokens, not their shape; gitleaks' rule matches 59 characters after
// the prefix, SonarSource's 44 + `_` + 12 to 14. This takes 56 to 60 to cover both.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/typeform.go
// https://www.typeform.com/developers/get-started/personal-access-token/
export const typeformToken: ContentRule = {
  id: 'typeform-token',
  kind: 'content',
  description: 'Typeform personal access tokens (tfp_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/typeform.go',
  keywords: ['tfp_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tfp_[A-Za-z0-9_-]{56,60})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice('tfp_'.length);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Typeform personal access token',
  revoke: 'https://admin.typeform.com/user/tokens (delete the token)',
};
