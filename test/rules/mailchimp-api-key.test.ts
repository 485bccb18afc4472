import { test } from 'uvu';
import { mailchimpApiKey } from '../../rules/mailchimp-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3120);
const t = [6, 21, 1, 14, 2, 9, 19, 12].map((dc) => tokensA.mailchimp(dc));

testRule(mailchimpApiKey, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `MAILCHIMP_API_KEY=${'x'.repeat(32)}-us6` },
    { name: 'zeros', path: 'docs/newsletter.md', code: `MAILCHIMP_API_KEY=${'0'.repeat(32)}-us1` },
    { name: 'locale, not a data center', path: 'i18n.json', code: '{"locale": "en-us1"}' },
    { name: 'data center without a key', path: 'a.env', code: 'MAILCHIMP_SERVER_PREFIX=us6' },
    { name: '31 hex characters', path: 'a.env', code: `MAILCHIMP_API_KEY=${hex(31)}-us6` },
    { name: 'upper-case hex', path: 'a.env', code: `MAILCHIMP_API_KEY=${hex(32).toUpperCase()}-us6` },
    { name: 'data center us0', path: 'a.env', code: `MAILCHIMP_API_KEY=${hex(32)}-us0` },
    { name: 'environment lookup', path: 'news.js', code: 'mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: "us6" });' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `MAILCHIMP_API_KEY=${t[0]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'JS', path: 'src/news.ts', code: `mailchimp.setConfig({ apiKey: '${t[1]}', server: 'us21' });`, findings: [{ line: 1, column: 32 }] },
    { name: 'Python', path: 'news.py', code: `client.set_config({"api_key": "${t[2]}", "server": "us1"})`, findings: [{ line: 1, column: 32 }] },
    { name: 'YAML', path: 'config.yml', code: `newsletter:\n  api_key: ${t[3]}`, findings: [{ line: 2, column: 12 }] },
    { name: 'JSON', path: 'settings.json', code: `{"Mailchimp": {"ApiKey": "${t[4]}"}}`, findings: [{ line: 1, column: 27 }] },
    { name: 'shell curl', path: 'ping.sh', code: `curl -u "anystring:${t[5]}" https://us9.api.mailchimp.com/3.0/ping`, findings: [{ line: 1, column: 20 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV MAILCHIMP_API_KEY=${t[6]}`, findings: [{ line: 1, column: 23 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "mailchimp" {\n  api_key = "${t[7]}"\n}`, findings: [{ line: 2, column: 14 }] },
  ],
});

test.run();
