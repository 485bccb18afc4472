import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Discord webhook URLs: https://discord.com/api/webhooks/<webhook id>/<webhook token>, also on
// discordapp.com, the ptb. and canary. hosts and versioned paths (/api/v10/webhooks/...). Anyone
// holding the URL can post to the channel as the webhook. The id is a 17-20 digit snowflake, the
// token 68 base64url characters; the token is the secret reported.
// https://discord.com/developers/docs/resources/webhook#execute-webhook
export const discordWebhookUrl: ContentRule = {
  id: 'discord-webhook-url',
  kind: 'content',
  description: 'Discord webhook URLs (https://discord.com/api/webhooks/<id>/<token>)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
  keywords: ['discord.com/api', 'discordapp.com/api'],
  pattern:
    /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/g,
  validate: (secret) => !isPlaceholder(secret),
  secretName: 'Discord webhook URL',
  revoke: 'https://support.discord.com/hc/en-us/articles/228383668 (channel settings, Integrations, Webhooks: delete the webhook)',
};
