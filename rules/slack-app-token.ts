import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Slack app-level tokens (Socket Mode and app-level APIs): xapp-<digit>-<app id>-<digits>-<secret>,
// the app id being A and 8-12 upper-case alphanumerics and the secret, in every token seen, 64 hex
// characters. Slack documents the prefix, not the parts; the parts follow gitleaks' rule.
// https://api.slack.com/authentication/token-types#app-level
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/slack.go
// Linear time: fixed prefix, then bounded runs separated by '-', which none of them contains.
export const slackAppToken: ContentRule = {
  id: 'slack-app-token',
  kind: 'content',
  description: 'Slack app-level tokens (xapp-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://api.slack.com/authentication/token-types#app-level',
  keywords: ['xapp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xapp-[0-9]-A[A-Z0-9]{8,12}-[0-9]{10,14}-[a-zA-Z0-9]{32,128})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const parts = secret.split('-');
    const ids = parts[2]!.slice(1) + parts[3]!;
    return !isPlaceholder(parts[4]!) && new Set(ids).size >= 4;
  },
  secretName: 'Slack app-level token',
  revoke: 'https://api.slack.com/apps (the app\'s Basic Information page: App-Level Tokens, revoke the token and generate a new one)',
};
