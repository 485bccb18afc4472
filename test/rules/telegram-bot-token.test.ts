import { test } from 'uvu';
import { telegramBotToken } from '../../rules/telegram-bot-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { digits, reseed } from '../helpers/tokens.js';

reseed(2303);
const t = Array.from({ length: 8 }, () => tokensB.telegramBot());
const AA = 'A' + 'A';

testRule(telegramBotToken, {
  valid: [
    { name: 'documentation example (short id, not AA)', path: 'README.md', code: `Bot token, e.g. ${'123456'}:${'ABC-DEF1234ghIkl'}-zyx57W2v1u123ew11` },
    { name: 'x placeholder', path: '.env.example', code: `TELEGRAM_BOT_TOKEN=${digits(10)}:${AA}${'x'.repeat(33)}` },
    { name: 'id of one repeated digit', path: 'test/bot.test.js', code: `const bot = new Telegraf('${'0'.repeat(10)}:${AA}${mixed(URL_SAFE, 33)}');` },
    { name: 'no telegram or bot on the line', path: 'data/pairs.csv', code: `${t[0]},pair` },
    { name: 'environment reference', path: 'bot.py', code: 'bot = telebot.TeleBot(os.environ["TELEGRAM_TOKEN"])' },
    { name: 'id too long', path: 'a.env', code: `TELEGRAM_TOKEN=1${digits(11)}:${AA}${mixed(URL_SAFE, 33)}` },
    { name: 'continues past the token', path: 'a.env', code: `TELEGRAM_TOKEN=${t[1]}Qx` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `TELEGRAM_BOT_TOKEN=${t[0]}\nTELEGRAM_CHAT_ID=-100${digits(10)}`, findings: [{ line: 1, column: 20 }] },
    { name: 'Python telebot', path: 'bot.py', code: `import telebot\n\nbot = telebot.TeleBot("${t[1]}")`, findings: [{ line: 3, column: 24 }] },
    { name: 'Node Telegraf', path: 'src/bot.ts', code: `import { Telegraf } from 'telegraf';\nconst bot = new Telegraf('${t[2]}');`, findings: [{ line: 2, column: 27 }] },
    { name: 'Bot API URL (bot glued to the id)', path: 'scripts/notify.sh', code: `curl -s "https://api.telegram.org/bot${t[3]}/sendMessage" -d chat_id=42`, findings: [{ line: 1, column: 38 }] },
    { name: 'YAML', path: 'config.yml', code: `telegram:\n  bot_token: "${t[4]}"`, findings: [{ line: 2, column: 15 }] },
    { name: 'JSON', path: 'config.json', code: `{"telegram": {"token": "${t[5]}"}}`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nENV BOT_TOKEN=${t[6]}`, findings: [{ line: 2, column: 15 }] },
  ],
});

test.run();
