import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { slackToken } from '../../rules/slack-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { BASE62, digits, randomFrom, reseed, tokens } from '../helpers/tokens.js';

reseed(1006);
const bot = tokens.slackBot();
const bot2 = tokens.slackBot();
const user = tokens.slackUser();
const legacyBot = tokens.slackLegacyBot();
const xoxa = tokens.slackWorkspace('a');
const xoxr = tokens.slackWorkspace('r');
const xoxs = tokens.slackLegacy('s');
const xoxo = tokens.slackLegacy('o');
const token = (...parts: string[]): string => parts.join('-');
const col = (line: string, t: string): number => line.indexOf(t) + 1;

testRule(slackToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SLACK_BOT_TOKEN=${token('xoxb', 'x'.repeat(8))}` },
    { name: 'template', path: '.env.example', code: `SLACK_BOT_TOKEN=${token('xoxb', 'your', 'token')}` },
    { name: 'ids and x tail', path: 'docs/setup.md', code: `token: ${token('xoxb', digits(11), digits(13), 'x'.repeat(24))}` },
    { name: 'zero ids', path: 'test/slack.test.ts', code: `const t = '${token('xoxb', '0'.repeat(11), '0'.repeat(13), randomFrom(BASE62, 24))}';` },
    { name: 'digit groups too short', path: 'a.py', code: `T = "${token('xoxb', digits(5), digits(5), randomFrom(BASE62, 24))}"` },
    { name: 'user token tail not hex', path: 'a.py', code: `T = "${token('xoxp', digits(11), digits(11), digits(13), 'g'.repeat(32))}"` },
    { name: 'continues past the token', path: 'a.txt', code: `${bot}-extra` },
    { name: 'inside a longer word', path: 'a.txt', code: `z${bot}` },
    { name: 'prose', path: 'docs/slack.md', code: 'Bot tokens start with `xoxb-`, user tokens with `xoxp-`. xoxo, the team' },
    { name: 'environment reference', path: 'app.js', code: 'const app = new App({ token: process.env.SLACK_BOT_TOKEN });' },
    { name: 'allowed inline', path: 'test/fixtures.py', code: `BOT = "${bot}"  # shipgate-allow: slack-token` },
  ],
  invalid: [
    { name: '.env bot token', path: '.env', code: `SLACK_SIGNING_SECRET=abc\nSLACK_BOT_TOKEN=${bot}`, findings: [{ line: 2, column: 17 }] },
    { name: 'JSON user token', path: 'config.json', code: `{\n  "slack": { "userToken": "${user}" }\n}`, findings: [{ line: 2, column: 28 }] },
    { name: 'Python legacy bot token', path: 'bot.py', code: `client = WebClient(token="${legacyBot}")`, findings: [{ line: 1, column: 27 }] },
    { name: 'YAML workspace token', path: 'slack.yml', code: `oauth:\n  access_token: ${xoxa}\n  refresh_token: ${xoxr}`, findings: [{ line: 2, column: 17 }, { line: 3, column: 18 }] },
    { name: 'shell legacy token', path: 'notify.sh', code: `curl -s -d "token=${xoxs}" https://slack.com/api/chat.postMessage`, findings: [{ line: 1, column: 19 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nENV SLACK_TOKEN=${xoxo}`, findings: [{ line: 2, column: 17 }] },
    {
      name: 'TypeScript Authorization header',
      path: 'src/notify.ts',
      code: `await fetch(url, { headers: { Authorization: \`Bearer ${bot}\` } });`,
      findings: [{ line: 1, column: col(`await fetch(url, { headers: { Authorization: \`Bearer ${bot}\` } });`, bot) }],
    },
    { name: 'Terraform', path: 'slack.tf', code: `provider "slack" {\n  token = "${bot2}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'two tokens on one line', path: 'tokens.csv', code: `${bot},${user}`, findings: [{ line: 1, column: 1 }, { line: 1, column: bot.length + 2 }] },
  ],
});

test('slack-token: adversarial input stays bounded', () => {
  const inputs = [
    'xoxb-' + '1'.repeat(200_000),
    'xoxb-' + '1-'.repeat(100_000),
    ('xoxb-' + '1'.repeat(12) + '-').repeat(50_000),
    'xoxa-2-' + '12345678-'.repeat(25_000),
    ('xoxp-' + '1234567890-'.repeat(3) + 'a'.repeat(31) + ' ').repeat(15_000),
    'xoxs-' + '1-'.repeat(100_000) + 'f'.repeat(100),
    'xoxo-'.repeat(200_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(slackToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
