import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Slack API tokens. Shapes as Slack issues them (and as gitleaks' slack rules describe them):
//   bot          xoxb-<10-13 digits>-<10-13 digits>-<24 alphanumerics>
//   legacy bot   xoxb-<8-14 digits>-<18-26 alphanumerics>
//   user         xoxp-<10-13 digits>-<10-13 digits>-<10-13 digits>-<32 hex>
//   workspace    xoxa-[<digit>-]<up to 3 groups of 8-13 digits>-<8-48 alphanumerics> (xoxr- for refresh)
//   legacy       xoxs-/xoxo-<digits>-<digits>-<digits>-<8-64 hex>
// https://api.slack.com/authentication/token-types
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/slack.go
// Every alternative starts with a fixed prefix and is made of bounded runs separated by '-',
// which the runs cannot contain: linear time.
export const slackToken: ContentRule = {
  id: 'slack-token',
  kind: 'content',
  description: 'Slack bot, user, workspace and legacy tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxo-)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://api.slack.com/authentication/token-types',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  pattern: new RegExp(
    '(?<![A-Za-z0-9_-])(?<secret>' +
      [
        'xoxb-\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{24}',
        'xoxb-\\d{8,14}-[A-Za-z0-9]{18,26}',
        'xoxp-\\d{10,13}-\\d{10,13}-\\d{10,13}-[a-fA-F0-9]{32}',
        'xox[ar]-(?:\\d-)?(?:\\d{8,13}-){0,3}[A-Za-z0-9]{8,48}',
        'xox[so]-\\d{1,14}-\\d{1,14}-\\d{1,14}-[a-fA-F0-9]{8,64}',
      ].join('|') +
      ')(?![A-Za-z0-9_-])',
    'g',
  ),
  validate: (secret) => {
    const parts = secret.split('-');
    const tail = parts.at(-1)!;
    // Placeholders: the random tail is x's or a template word, or the ids are one repeated digit
    // or two (xoxb-<ids>-<24 x's>, xoxb-<zeros>-<zeros>-<tail>).
    if (isPlaceholder(tail)) return false;
    const ids = parts.slice(1, -1).filter((p) => p.length > 1).join('');
    return ids.length === 0 || new Set(ids).size >= 3;
  },
  secretName: 'Slack token',
  revoke:
    'https://api.slack.com/apps (the app\'s OAuth & Permissions page: revoke or rotate the token; ' +
    'user and legacy tokens can be revoked with https://api.slack.com/methods/auth.revoke)',
};
