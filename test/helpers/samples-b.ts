// One realistic true secret per rule of the second batch (tokens-b.ts), for the quality corpus
// and for tests that need "a secret of every detector". Made at run time from parts.

import type { Sample } from './samples.js';
import { hex, tokensB } from './tokens-b.js';

const plain = (key: string, secret: string): Sample => ({ key, value: secret, secret });
/** A URL that carries the secret as its password. */
const inUrl = (key: string, before: string, after: string, secret = tokensB.password()): Sample => ({ key, value: `${before}${secret}${after}`, secret });

export const samplesB: Record<string, () => Sample> = {
  'age-secret-key': () => plain('SOPS_AGE_KEY', tokensB.ageSecret()),
  'amqp-connection-string': () => inUrl('AMQP_URL', 'amqps://orders:', '@mq.acme-logistics.io:5671/prod'),
  'atlassian-api-token': () => plain('JIRA_API_TOKEN', tokensB.atlassian()),
  'cloudflare-api-token': () => plain('CLOUDFLARE_API_TOKEN', tokensB.cloudflare('ut')),
  'discord-bot-token': () => plain('DISCORD_BOT_TOKEN', tokensB.discordBot()),
  'discord-webhook-url': () => {
    const token = tokensB.discordWebhookToken();
    return { key: 'DISCORD_WEBHOOK_URL', value: tokensB.discordWebhookUrl(token), secret: token };
  },
  'flyio-token': () => plain('FLY_API_TOKEN', tokensB.flyAccess()),
  'generic-secret': () => plain('SESSION_SECRET', tokensB.generic(40)),
  'grafana-token': () => plain('GRAFANA_SERVICE_ACCOUNT_TOKEN', tokensB.grafanaServiceAccount()),
  jwt: () =>
    plain(
      'SUPABASE_SERVICE_ROLE_KEY',
      tokensB.jwt({ iss: 'supabase', ref: 'qwhzkpmlxbvtrnsdjfga', role: 'service_role', iat: 1717171717, exp: 2032747717 }),
    ),
  'linear-api-key': () => plain('LINEAR_API_KEY', tokensB.linear()),
  'mongodb-connection-string': () => inUrl('MONGODB_URI', 'mongodb+srv://orders-svc:', '@cluster0.x7k2p.mongodb.net/orders?retryWrites=true'),
  'mysql-connection-string': () => inUrl('DATABASE_URL', 'mysql://app:', '@mysql.acme-logistics.internal:3306/app'),
  'netlify-token': () => plain('NETLIFY_AUTH_TOKEN', tokensB.netlify()),
  'new-relic-key': () => plain('NEW_RELIC_LICENSE_KEY', tokensB.newRelicLicense()),
  'notion-token': () => plain('NOTION_TOKEN', tokensB.notion()),
  'npmrc-auth-token': () => {
    // A legacy (UUID) npm token, so that npm-token, which reports npm_ tokens, is not involved.
    const token = [hex(8), hex(4), '4' + hex(3), 'a' + hex(3), hex(12)].join('-');
    return { key: 'NPMRC', value: `//registry.npmjs.org/:${['_auth', 'Token'].join('')}=${token}`, secret: token };
  },
  'postgres-connection-string': () => inUrl('DATABASE_URL', 'postgresql://app:', '@db.acme-logistics.internal:5432/app?sslmode=require'),
  'redis-connection-string': () => inUrl('REDIS_URL', 'rediss://default:', '@cache.acme-logistics.internal:6380/0'),
  'sentry-auth-token': () => plain('SENTRY_AUTH_TOKEN', tokensB.sentryOrg()),
  'supabase-key': () => plain('SUPABASE_ACCESS_TOKEN', tokensB.supabaseAccess()),
  'telegram-bot-token': () => plain('TELEGRAM_BOT_TOKEN', tokensB.telegramBot()),
  'terraform-cloud-token': () => plain('TF_API_TOKEN', tokensB.terraform()),
  'url-basic-auth': () => inUrl('PIP_INDEX_URL', 'https://ci-deploy:', '@pypi.acme-logistics.io/simple'),
  'vault-token': () => plain('VAULT_TOKEN', tokensB.vaultService()),
  'vercel-token': () => plain('VERCEL_TOKEN', tokensB.vercel()),
};
