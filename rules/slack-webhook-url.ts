import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Slack incoming webhook URLs: https://hooks.slack.com/services/T<team id>/B<webhook id>/<24
// alphanumerics>. Anyone holding the URL can post to the channel, so the whole URL is the secret.
// Slack's documentation example uses zeros and X's, which the validator drops.
// https://api.slack.com/messaging/webhooks
// Linear time: a literal host and path, then bounded runs separated by '/', which none contains.
export const slackWebhookUrl: ContentRule = {
  id: 'slack-webhook-url',
  kind: 'content',
  description: 'Slack incoming webhook URLs (hooks.slack.com/services/T.../B.../...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://api.slack.com/messaging/webhooks',
  keywords: ['hooks.slack.com/services/'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>(?:https?:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [team, hook, key] = secret.split('/').slice(-3) as [string, string, string];
    return !isPlaceholder(key) && new Set(team.slice(1) + hook.slice(1)).size >= 4;
  },
  secretName: 'Slack incoming webhook URL',
  revoke: 'https://api.slack.com/apps (the app\'s Incoming Webhooks page: remove the webhook and add a new one; legacy webhooks: the channel\'s integrations)',
};
