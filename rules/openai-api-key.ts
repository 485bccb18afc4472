import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// OpenAI API keys. Every format carries T3BlbkFJ, "OpenAI" in base64, between two random halves:
//   project, service account, admin   sk-proj- / sk-svcacct- / sk-admin- (and sk-None- for keys
//                                     made outside a project): 58 to 74, T3BlbkFJ, 58 to 74 of [A-Za-z0-9_-]
//   legacy user key                   sk- + 20 alphanumerics, T3BlbkFJ, 20 alphanumerics
// OpenAI does not document the format; the shapes are gitleaks'.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/openai.go
// Linear time: a fixed prefix that cannot follow a key character, then runs of at most 74 around
// a literal: at most 17 x 17 tries per prefix occurrence.
export const openaiApiKey: ContentRule = {
  id: 'openai-api-key',
  kind: 'content',
  description: 'OpenAI API keys (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-), identified by their T3BlbkFJ marker',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/openai.go',
  keywords: ['t3blbkfj'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{58,74}T3BlbkFJ[A-Za-z0-9_-]{58,74}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const marker = secret.indexOf('T3BlbkFJ');
    // Legacy keys are 51 characters; the others name their kind after sk- and are 132 or more.
    const head = secret.slice(secret.length > 51 ? secret.indexOf('-', 3) + 1 : 3, marker);
    const tail = secret.slice(marker + 8);
    return !isPlaceholder(head) && !isPlaceholder(tail);
  },
  secretName: 'OpenAI API key',
  revoke: 'https://platform.openai.com/api-keys (delete the key; admin keys: https://platform.openai.com/settings/organization/admin-keys)',
};
