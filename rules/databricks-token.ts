import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Databricks personal access tokens: dapi and 32 lower-case hex characters (Azure Databricks
// appends -2, -3... which is not part of the secret reported).
// https://docs.databricks.com/en/dev-tools/auth/pat.html
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/databricks.go (shape)
// Linear time: a fixed prefix that cannot follow a word character, then one fixed-length run.
export const databricksToken: ContentRule = {
  id: 'databricks-token',
  kind: 'content',
  description: 'Databricks personal access tokens (dapi...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
  keywords: ['dapi'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dapi[a-f0-9]{32})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const hex = secret.slice(4);
    return !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'Databricks personal access token',
  revoke:
    'https://docs.databricks.com/en/dev-tools/auth/pat.html (the workspace\'s Settings > Developer > Access tokens: ' +
    'revoke the token; admins: the Token Management API)',
};
