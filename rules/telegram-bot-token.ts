import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Telegram Bot API tokens as @BotFather issues them: the bot's numeric id (8-10 digits), ':',
// then 35 characters of base64url that start with "AA". The Bot API documentation shows the
// shape (`123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11`); every token issued today starts AA.
// https://core.telegram.org/bots/api#authorizing-your-bot
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/telegram.go
// Only lines that say telegram or bot are searched (TELEGRAM_BOT_TOKEN=, new Telegraf("..."),
// TeleBot("..."), https://api.telegram.org/bot<token>/sendMessage, where "bot" is glued to the id).
// The leading look-ahead for a digit changes no match: it lets irregexp pass over the other
// characters without trying the look-behinds first (2.7x faster on long minified lines). Lines
// without ":AA" are not searched at all (7x faster again on the keyword lines of the bench's
// corpus: most "bot" lines hold no token).
export const telegramBotToken: ContentRule = {
  id: 'telegram-bot-token',
  kind: 'content',
  description: 'Telegram Bot API tokens (<bot id>:AA<33 characters>) on lines that mention Telegram or a bot',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://core.telegram.org/bots/api#authorizing-your-bot',
  keywords: ['telegram', 'bot'],
  pattern: /(?=\d)(?:(?<![A-Za-z0-9_])|(?<=bot))(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
  lineHas: /:AA/,
  validate: (secret) => {
    const [id, key] = secret.split(':') as [string, string];
    return new Set(id).size >= 3 && !isPlaceholder(key.slice(2));
  },
  secretName: 'Telegram bot token',
  revoke: 'https://core.telegram.org/bots/features#botfather (send /revoke to @BotFather and pick the bot)',
};
