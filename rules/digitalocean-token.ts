import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// DigitalOcean tokens: a prefix naming the kind and 64 lower-case hex characters:
//   dop_v1_  personal access token   doo_v1_  OAuth access token   dor_v1_  OAuth refresh token
// DigitalOcean announced the prefixes but does not document the format; the shape is gitleaks'.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/digitalocean.go
// Linear time: a fixed prefix that cannot follow a word character, then one fixed-length run.
export const digitaloceanToken: ContentRule = {
  id: 'digitalocean-token',
  kind: 'content',
  description: 'DigitalOcean personal access and OAuth tokens (dop_v1_, doo_v1_, dor_v1_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/digitalocean.go',
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const hex = secret.slice('dop_v1_'.length);
    return !isPlaceholder(hex) && /[a-f]/.test(hex) && /[0-9]/.test(hex);
  },
  secretName: 'DigitalOcean token',
  revoke: 'https://cloud.digitalocean.com/account/api/tokens (delete the token; OAuth tokens: revoke the app\'s authorization)',
};
