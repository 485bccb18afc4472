import { crc32 } from '../src/checksum.js';
import type { ContentRule } from '../src/types.js';

// Atlassian Cloud API tokens (Jira, Confluence, Bitbucket; issued since 2023): 192 characters,
// "ATATT3", base64url, then '=' and 8 upper-case hex characters that are the CRC-32 (IEEE) of
// everything before them, the '=' included. Atlassian does not document the format; gitleaks
// describes the shape, and the checksum holds on every public sample checked (6 tokens).
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/atlassian.go
// https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
export const atlassianApiToken: ContentRule = {
  id: 'atlassian-api-token',
  kind: 'content',
  description: 'Atlassian Cloud API tokens (ATATT3..., 192 characters, checksum-validated)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/atlassian.go',
  keywords: ['atatt3'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ATATT3[A-Za-z0-9_-]{177}=[A-F0-9]{8})(?![A-Za-z0-9_=-])/g,
  validate: (secret) => crc32(secret.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0') === secret.slice(-8),
  secretName: 'Atlassian API token',
  revoke: 'https://id.atlassian.com/manage-profile/security/api-tokens (Revoke)',
};
