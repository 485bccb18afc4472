import { test } from 'uvu';
import { slackAppToken } from '../../rules/slack-app-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { digits, reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3107);
const t = Array.from({ length: 8 }, () => tokensA.slackApp());

testRule(slackAppToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SLACK_APP_TOKEN=xapp-1-A0123456789-${digits(13)}-${'x'.repeat(64)}` },
    { name: 'ids all zeros', path: 'docs/socket-mode.md', code: `SLACK_APP_TOKEN=xapp-1-A00000000-0000000000000-${hex(64)}` },
    { name: 'template', path: '.env.example', code: 'SLACK_APP_TOKEN=xapp-your-app-level-token' },
    { name: 'environment lookup', path: 'app.js', code: 'const app = new App({ appToken: process.env.SLACK_APP_TOKEN, socketMode: true });' },
    { name: 'secret too short', path: 'a.env', code: `SLACK_APP_TOKEN=${t[0]!.slice(0, -40)}` },
    { name: 'glued to a word', path: 'a.txt', code: `my${t[0]}` },
  ],
  invalid: [
    { name: 'JS (Bolt)', path: 'app.js', code: `const app = new App({\n  appToken: '${t[0]}',\n  socketMode: true,\n});`, findings: [{ line: 2, column: 14 }] },
    { name: '.env', path: '.env', code: `SLACK_BOT_TOKEN=xoxb-from-vault\nSLACK_APP_TOKEN=${t[1]}`, findings: [{ line: 2, column: 17 }] },
    { name: 'YAML', path: 'values.yaml', code: `slack:\n  appToken: "${t[2]}"`, findings: [{ line: 2, column: 14 }] },
    { name: 'JSON', path: 'config.json', code: `{"slack": {"app_token": "${t[3]}"}}`, findings: [{ line: 1, column: 26 }] },
    { name: 'Python', path: 'bot.py', code: `handler = SocketModeHandler(app, "${t[4]}")`, findings: [{ line: 1, column: 35 }] },
    { name: 'shell', path: 'run.sh', code: `SLACK_APP_TOKEN=${t[5]} python bot.py`, findings: [{ line: 1, column: 17 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM python:3.12-slim\nENV SLACK_APP_TOKEN=${t[6]}`, findings: [{ line: 2, column: 21 }] },
  ],
});

test.run();
