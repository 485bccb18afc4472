import { looksRandom } from '../src/entropy.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// HashiCorp Vault tokens. Since Vault 1.10 the type is in the prefix: hvs. (service), hvb.
// (batch), hvr. (recovery). Service tokens are 95 characters or more, except root tokens from
// `vault operator init` and dev servers (hvs. and 24 characters); batch tokens are longer still.
// Tokens issued in a namespace end in .<5-character namespace id>. Before 1.10 service tokens
// were s.<24 base62 characters> (b. and r. for the others): that shape is too plain on its own
// (`s.AcceptanceTimeoutSeconds`), so the legacy form is only taken on lines that mention Vault
// (VAULT_TOKEN=, X-Vault-Token:, vault login) and must mix digits and both cases.
// https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/hashicorp_vault.go
export const vaultToken: ContentRule = {
  id: 'vault-token',
  kind: 'content',
  description: 'HashiCorp Vault tokens (hvs., hvb., hvr.; legacy s. tokens on lines that mention Vault)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes',
  keywords: ['hvs.', 'hvb.', 'hvr.', 'vault'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>hv[sbr]\.[A-Za-z0-9_-]{24,400}(?:\.[A-Za-z0-9]{5})?|s\.[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?)(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const body = secret.split('.')[1]!;
    if (isPlaceholder(body) || !looksRandom(body, { minLength: 24 })) return false;
    return !secret.startsWith('s.') || (/[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body));
  },
  secretName: 'Vault token',
  revoke: 'https://developer.hashicorp.com/vault/docs/commands/token/revoke (vault token revoke <token>, or revoke its accessor)',
};
