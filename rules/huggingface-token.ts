import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Hugging Face user access tokens: hf_ and 34 letters, upper and lower case mixed at random.
// Identifiers that happen to be hf_ and 34 letters (hf_generatedByHomeAppForDebugging...) are
// camelCase: mostly lower case. A random token has about 17 of each case, so fewer than 8 of
// either drops the candidate (about one real token in a thousand is missed).
// https://huggingface.co/docs/hub/security-tokens
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/huggingface.go (length)
// Linear time: a fixed prefix that cannot follow a word character, then one fixed-length run.
export const huggingfaceToken: ContentRule = {
  id: 'huggingface-token',
  kind: 'content',
  description: 'Hugging Face access tokens (hf_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://huggingface.co/docs/hub/security-tokens',
  keywords: ['hf_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const body = secret.slice(3);
    const upper = body.replace(/[^A-Z]/g, '').length;
    return !isPlaceholder(body) && upper >= 8 && body.length - upper >= 8;
  },
  secretName: 'Hugging Face access token',
  revoke: 'https://huggingface.co/settings/tokens (invalidate and refresh, or delete the token)',
};
