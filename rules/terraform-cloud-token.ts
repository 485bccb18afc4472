import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// HCP Terraform (Terraform Cloud) and Terraform Enterprise API tokens: 14 alphanumerics, the
// fixed ".atlasv1." and 60-70 base64url characters. User, team, organization and agent tokens
// share the shape; HashiCorp does not document it, gitleaks does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/hashicorp.go
// https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
export const terraformCloudToken: ContentRule = {
  id: 'terraform-cloud-token',
  kind: 'content',
  description: 'HCP Terraform / Terraform Enterprise API tokens (<14>.atlasv1.<60-70>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/hashicorp.go',
  keywords: ['atlasv1'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g,
  validate: (secret) => {
    const [id, , key] = secret.split('.') as [string, string, string];
    return !isPlaceholder(id) && !isPlaceholder(key);
  },
  secretName: 'Terraform Cloud API token',
  revoke: 'https://app.terraform.io/app/settings/tokens (user tokens; team and organization tokens under the organization\'s settings)',
};
