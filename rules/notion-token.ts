import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Notion integration tokens:
//   ntn_<11 digits><35 alphanumerics>   the format issued since September 2024
//   secret_<43 alphanumerics>           the earlier internal integration secret; "secret_" is a
//                                       common word, so this form is only taken on lines that
//                                       mention Notion (NOTION_TOKEN=..., notion = Client(...))
//                                       and must mix digits and both cases
// https://developers.notion.com/docs/authorization
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/notion.go
export const notionToken: ContentRule = {
  id: 'notion-token',
  kind: 'content',
  description: 'Notion integration tokens (ntn_, and secret_ on lines that mention Notion)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/notion.go',
  keywords: ['ntn_', 'notion'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    if (secret.startsWith('ntn_')) return !isPlaceholder(secret.slice(15));
    const body = secret.slice(7);
    return /[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body) && !isPlaceholder(body);
  },
  secretName: 'Notion integration token',
  revoke: 'https://www.notion.so/profile/integrations (the integration\'s page: refresh the secret)',
};
