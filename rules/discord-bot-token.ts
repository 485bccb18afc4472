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
// The keywords include `token`, on 1 line in 10 of source code (and on most lines of minified
// bundles), and the pattern has no literal irregexp can look for: it tries [MNO] and its
// look-behind at every character of those lines. tokenShaped finds what the pattern does from
// the dots, with indexOf, and reads a few characters around each pair of dots 7 apart: 3x
// faster on bench/sourcegen.ts's keyword lines, and it lets the pattern run only on the lines
// that hold a token.

/** [A-Za-z0-9] (1) and [A-Za-z0-9_-] (1 | 2), by character code below 128. */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLASS[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 3 : c === 0x5f || c === 0x2d ? 2 : 0;
const idChar = (c: number): boolean => c < 128 && (CLASS[c]! & 1) !== 0;
const urlChar = (c: number): boolean => c < 128 && CLASS[c] !== 0;

/** Whether the pattern matches somewhere in `line` (test/rules/discord-bot-token.test.ts holds it to that). */
export function tokenShaped(line: string): boolean {
  const n = line.length;
  // The first dot ends an id of 23 or more characters; an HMAC of 27 or more follows the second.
  for (let dot = line.indexOf('.', 23); dot !== -1 && dot + 34 < n; dot = line.indexOf('.', dot + 1)) {
    if (line.charCodeAt(dot + 7) !== 0x2e) continue;
    // The id: the whole run of letters and digits before the dot (the look-behind allows none
    // before it), 23 to 27 long, starting with M, N or O, not after `_`, `.` or `-`.
    let start = dot;
    while (start > 0 && idChar(line.charCodeAt(start - 1))) start--;
    if (dot - start < 23 || dot - start > 27) continue;
    const first = line.charCodeAt(start);
    if (first < 0x4d || first > 0x4f) continue;
    const before = start > 0 ? line.charCodeAt(start - 1) : 0;
    if (before === 0x5f || before === 0x2e || before === 0x2d) continue;
    let stamp = dot + 1;
    while (stamp < dot + 7 && urlChar(line.charCodeAt(stamp))) stamp++;
    if (stamp < dot + 7) continue;
    // The HMAC: the whole run of base64url characters after the second dot, 27 to 38 long.
    let end = dot + 8;
    while (end < n && urlChar(line.charCodeAt(end))) end++;
    if (end - dot - 8 >= 27 && end - dot - 8 <= 38) return true;
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
  lineHas: tokenShaped,
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const [id, , hmac] = secret.split('.') as [string, string, string];
    const decoded = Buffer.from(id, 'base64').toString('latin1');
    return /^[1-9][0-9]{16,19}$/.test(decoded) && !isPlaceholder(hmac);
  },
  secretName: 'Discord bot token',
  revoke: 'https://discord.com/developers/applications (the application\'s Bot page: Reset Token)',
};
