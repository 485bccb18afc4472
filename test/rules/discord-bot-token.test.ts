import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discordBotToken, tokenShaped } from '../../rules/discord-bot-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { BASE62, prng, randomFrom, reseed } from '../helpers/tokens.js';

reseed(2301);
const t = Array.from({ length: 8 }, () => tokensB.discordBot());
const old = tokensB.discordBot(27);
const [id, stamp] = t[0]!.split('.') as [string, string];
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(discordBotToken, {
  valid: [
    { name: 'id part is not a base64 snowflake', path: '.env', code: `DISCORD_TOKEN=${['M' + randomFrom(BASE62, 23), stamp, mixed(URL_SAFE, 38)].join('.')}` },
    { name: 'x placeholder HMAC', path: '.env.example', code: `DISCORD_TOKEN=${[id, stamp, 'x'.repeat(38)].join('.')}` },
    { name: 'no Discord, bot, token or login on the line', path: 'test/fixtures/ids.js', code: `export const sample = '${t[1]}';` },
    { name: 'environment reference', path: 'index.js', code: 'client.login(process.env.DISCORD_TOKEN);' },
    { name: 'GitHub Actions secret', path: '.github/workflows/bot.yml', code: 'env:\n  DISCORD_TOKEN: ${{ secrets.DISCORD_TOKEN }}' },
    { name: 'continues past the token', path: 'config.json', code: `{ "token": "${t[2]}Zq9" }` },
    { name: 'HMAC too short', path: 'bot.py', code: `bot.run("${[id, stamp, mixed(URL_SAFE, 20)].join('.')}")` },
    { name: 'allowed inline', path: 'test/bot.test.js', code: `const token = '${t[3]}'; // shipgate-allow: discord-bot-token` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `PREFIX=!\nDISCORD_TOKEN=${t[0]}`, findings: [{ line: 2, column: 15 }] },
    { name: 'config.json', path: 'config.json', code: `{\n  "prefix": "!",\n  "token": "${t[1]}"\n}`, findings: [{ line: 3, column: 13 }] },
    { name: 'discord.js login', path: 'src/index.js', code: `const client = new Client({ intents: [] });\nclient.login('${t[2]}');`, findings: [{ line: 2, column: 15 }] },
    { name: 'discord.py run', path: 'bot.py', code: `import discord\n\nbot.run("${t[3]}")`, findings: [{ line: 3, column: 10 }] },
    { name: 'YAML', path: 'config/bot.yaml', code: `discord:\n  bot_token: ${t[4]}`, findings: [{ line: 2, column: 14 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM python:3.12\nENV DISCORD_BOT_TOKEN=${t[5]}`, findings: [{ line: 2, column: 23 }] },
    {
      name: 'shell Authorization: Bot header',
      path: 'scripts/me.sh',
      code: `curl -H "Authorization: Bot ${t[6]}" https://discord.com/api/v10/users/@me`,
      findings: [{ line: 1, column: col(`curl -H "Authorization: Bot ${t[6]}"`, t[6]!) }],
    },
    { name: 'older 27-character HMAC', path: 'settings.ts', code: `export const token = "${old}";`, findings: [{ line: 1, column: 23 }] },
    // The line check's bounds: the token opening the line, and the line ending where it does.
    { name: 'token first on its line', path: 'notes.txt', code: `${old} (discord)`, findings: [{ line: 1, column: 1 }] },
    { name: 'line ends with the token', path: 'notes.txt', code: `bot:${old}`, findings: [{ line: 1, column: 5 }] },
  ],
});

test('discord-bot-token: its line check finds a match where the pattern does', () => {
  const random = prng(41);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Runs of each class at the lengths the pattern's bounds turn on, and what may stand around them.
  const run = (chars: string, lengths: number[]): string => randomFrom(chars, pick(lengths));
  const parts = [
    () => `M${run(BASE62, [21, 22, 23, 26, 27])}`, () => `N${run(BASE62, [22, 26])}`, () => run(BASE62, [5, 23, 30]),
    () => run(URL_SAFE, [5, 6, 7]), () => run(URL_SAFE, [26, 27, 30, 38, 39]), () => run('MNOmno', [1, 2]),
    () => '.', () => '..', () => pick(['_', '-', ' ', '"', '=', '\u00e9', '\u{1F600}', 'token ']),
    // Whole tokens, each part at or past its bounds.
    () => `${pick(['M', 'N', 'O', 'P', 'm'])}${run(BASE62, [21, 22, 26, 27])}.${run(URL_SAFE, [5, 6, 7])}.${run(URL_SAFE, [26, 27, 38, 39])}`,
    () => `${pick(['M', 'N', 'O'])}${run(BASE62, [22, 26])}.${run(URL_SAFE, [6])}.${run(URL_SAFE, [27, 38])}`,
  ];
  let matched = 0;
  for (let round = 0; round < 4000; round++) {
    let line = '';
    const count = 1 + Math.floor(random() * 9);
    for (let p = 0; p < count; p++) line += pick(parts)();
    const pattern = new RegExp(discordBotToken.pattern.source);
    const expected = pattern.test(line);
    if (expected) matched++;
    assert.is(tokenShaped(line), expected, JSON.stringify(line));
  }
  assert.ok(matched > 100, `lines that match (${matched}) are among those tried`);
});

test.run();
