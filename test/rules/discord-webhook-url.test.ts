import { test } from 'uvu';
import { discordWebhookUrl } from '../../rules/discord-webhook-url.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { digits, reseed } from '../helpers/tokens.js';

reseed(2302);
const tok = Array.from({ length: 8 }, () => tokensB.discordWebhookToken());
const url = (i: number, host?: string): string => tokensB.discordWebhookUrl(tok[i]!, host);
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(discordWebhookUrl, {
  valid: [
    { name: 'template path', path: 'docs/alerts.md', code: 'POST https://discord.com/api/webhooks/{webhook.id}/{webhook.token}' },
    { name: 'x placeholder token', path: '.env.example', code: `DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1${digits(18)}/${'x'.repeat(68)}` },
    { name: 'token too short', path: 'README.md', code: `Webhook: https://discord.com/api/webhooks/1${digits(18)}/${mixed(URL_SAFE, 20)}` },
    { name: 'environment reference', path: 'alert.js', code: 'await fetch(process.env.DISCORD_WEBHOOK_URL, { method: "POST" });' },
    { name: 'not https', path: 'a.txt', code: `http://discord.com/api/webhooks/1${digits(18)}/${tok[0]}` },
    { name: 'other Discord API path', path: 'bot.js', code: `fetch("https://discord.com/api/v10/channels/1${digits(18)}/messages")` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `DISCORD_WEBHOOK_URL=${url(0)}`, findings: [{ line: 1, column: col(`DISCORD_WEBHOOK_URL=${url(0)}`, tok[0]!) }] },
    { name: 'JSON', path: 'config/alerts.json', code: `{\n  "webhook": "${url(1)}"\n}`, findings: [{ line: 2 }] },
    { name: 'GitHub Actions', path: '.github/workflows/notify.yml', code: `      - run: curl -d '{"content":"deployed"}' -H 'Content-Type: application/json' ${url(2)}`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'notify.py', code: `import requests\nrequests.post("${url(3, 'discordapp.com')}", json={"content": msg})`, findings: [{ line: 2 }] },
    { name: 'canary host', path: 'a.ts', code: `const hook = '${url(4, 'canary.discord.com')}';`, findings: [{ line: 1 }] },
    { name: 'versioned API path', path: 'a.yml', code: `webhook: https://ptb.discord.com/api/v10/webhooks/1${digits(18)}/${tok[5]}`, findings: [{ line: 1 }] },
    { name: 'two webhooks on one line', path: 'hooks.txt', code: `${url(6)} ${url(7)}`, findings: [{ line: 1 }, { line: 1 }] },
  ],
});

test.run();
