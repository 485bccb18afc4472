import { test } from 'uvu';
import { slackWebhookUrl } from '../../rules/slack-webhook-url.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { tokensA, UPPER_ALNUM } from '../helpers/tokens-a.js';

reseed(3108);
const t = Array.from({ length: 8 }, () => tokensA.slackWebhook());
const [team, hook, key] = tokensA.slackWebhookParts();
// Slack's documentation example: zeros and X's, built from parts.
const docExample = tokensA.slackWebhook(['T' + '0'.repeat(8), 'B' + '0'.repeat(8), 'X'.repeat(24)]);

testRule(slackWebhookUrl, {
  valid: [
    { name: 'Slack documentation example', path: 'README.md', code: `curl -X POST -d '{"text":"hi"}' ${docExample}` },
    { name: 'zero ids, random-looking key', path: 'docs/alerts.md', code: `url: ${tokensA.slackWebhook(['T' + '0'.repeat(9), 'B' + '0'.repeat(9), randomFrom(UPPER_ALNUM, 24)])}` },
    { name: 'template', path: 'alertmanager.yml.tmpl', code: 'slack_api_url: https://hooks.slack.com/services/{{ .Values.slack.webhook }}' },
    { name: 'environment reference', path: 'notify.sh', code: 'curl -X POST -H "Content-type: application/json" --data "$PAYLOAD" "$SLACK_WEBHOOK_URL"' },
    { name: 'key too short', path: 'a.env', code: `SLACK_WEBHOOK_URL=${t[0]!.slice(0, -2)}` },
    { name: 'workspace link, not a webhook', path: 'docs/support.md', code: 'Join us at https://acme.slack.com/archives/C01234567' },
  ],
  invalid: [
    { name: 'shell curl', path: 'notify.sh', code: `curl -X POST -H 'Content-type: application/json' --data '{"text":"deployed"}' ${t[0]}`, findings: [{ line: 1, column: 79 }] },
    { name: '.env', path: '.env', code: `SLACK_WEBHOOK_URL=${t[1]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'YAML (Alertmanager)', path: 'alertmanager.yml', code: `receivers:\n  - name: ops\n    slack_configs:\n      - api_url: '${t[2]}'`, findings: [{ line: 4, column: 19 }] },
    { name: 'JSON', path: 'config.json', code: `{"notifications": {"slack": "${t[3]}"}}`, findings: [{ line: 1, column: 30 }] },
    { name: 'JS', path: 'src/notify.ts', code: `await fetch('${t[4]}', { method: 'POST', body });`, findings: [{ line: 1, column: 14 }] },
    { name: 'Python', path: 'alert.py', code: `WEBHOOK = "${t[5]}"\nrequests.post(WEBHOOK, json={"text": msg})`, findings: [{ line: 1, column: 12 }] },
    { name: 'Terraform', path: 'monitoring.tf', code: `resource "pagerduty_extension" "slack" {\n  endpoint_url = "${t[6]}"\n}`, findings: [{ line: 2, column: 19 }] },
    { name: 'without the scheme', path: 'notes.txt', code: `hook: hooks.slack.com/services/${team}/${hook}/${key}`, findings: [{ line: 1, column: 7 }] },
  ],
});

test.run();
