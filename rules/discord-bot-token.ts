import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Discord bot tokens: three dot-separated parts, as Discord's own libraries and GitHub secret
// scanning describe them:
//   1. the bot's user id (a 17-20 digit snowflake) in base64 without padding: 23-27 characters,
//      starting with M, N or O because every byte is an ASCII digit (MT for ids starting with 1,
//      Nz for 7, OT for 9...)
//   2. a timestamp, 6 base64url characters
//   3. an HMAC, 27 base64url characters (38 in tokens issued since 2023)
// https://discord.com/developers/docs/reference#authentication
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/discord.go
// The token has no fixed prefix, so the rule runs on lines that name Discord or a bot, or assign a
// token, or call a client's login()/run(): DISCORD_TOKEN=, BOT_TOKEN=, "token": in a bot's
// config.json, client.login('...'), bot.run("..."), Authorization: Bot .... The first part must
// decode to a snowflake id, which no other dotted base64 value (a JWT starts with eyJ) does.
// Three bounded runs separated by '.', which none of them contains: linear time.
//
// The keywords include `token`, on 1 line in 10 of source code, and the pattern has no literal
// irregexp can look for: it tries [MNO] and its look-behind at every character of those lines.
// A token's two dots are 7 characters apart, 23 or more characters into the line; finding the
// lines with such dots by indexOf is 15x faster (bench/sourcegen.ts's corpus), and 1 keyword
// line in 25 has them.
function hasTokenDots(line: string): boolean {
  for (let dot = line.indexOf('.', 23); dot !== -1 && dot + 34 < line.length; dot = line.indexOf('.', dot + 1)) {
    if (line.charCodeAt(dot + 7) === 0x2e) return true;
  }
  return false;
}

export const discordBotToken: ContentRule = {
  id: 'discord-bot-token',
  kind: 'content',
  description: 'Discord bot tokens (base64 user id, timestamp and HMAC), the id part validated as a snowflake',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://discord.com/developers/docs/reference#authentication',
  keywords: ['discord', 'bot', 'token', 'login(', '.run('],
  lineHas: hasTokenDots,
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [id, , hmac] = secret.split('.') as [string, string, string];
    const decoded = Buffer.from(id, 'base64').toString('latin1');
    return /^[1-9][0-9]{16,19}$/.test(decoded) && !isPlaceholder(hmac);
  },
  secretName: 'Discord bot token',
  revoke: 'https://discord.com/developers/applications (the application\'s Bot page: Reset Token)',
};
