import { test } from 'uvu';
import { twilioApiKey } from '../../rules/twilio-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3116);
const t = Array.from({ length: 8 }, () => tokensA.twilioApiKey());
const secret = randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32);

testRule(twilioApiKey, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `TWILIO_API_KEY=SK${'x'.repeat(32)}` },
    { name: 'zeros', path: 'docs/twilio.md', code: `TWILIO_API_KEY=SK${'0'.repeat(32)}` },
    { name: 'upper-case hex is not a SID', path: 'a.env', code: `KEY=SK${hex(32).toUpperCase()}` },
    { name: 'account SID is not an API key', path: '.env', code: `TWILIO_ACCOUNT_SID=${tokensA.twilioAccountSid()}` },
    { name: 'inside a word', path: 'a.txt', code: `TASK${hex(32)}` },
    { name: 'lower-case prefix', path: 'a.txt', code: `sk${hex(32)}` },
    { name: 'too long (an SK-prefixed SHA-1)', path: 'a.txt', code: `SK${hex(40)}` },
    { name: 'ordinary words', path: 'notes.md', code: 'Skip the SKETCH step; ask the desk.' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `TWILIO_API_KEY=${t[0]}\nTWILIO_API_SECRET=${secret}`, findings: [{ line: 1, column: 16 }] },
    { name: 'JS', path: 'src/sms.ts', code: `const client = twilio('${t[1]}', process.env.TWILIO_API_SECRET, { accountSid });`, findings: [{ line: 1, column: 24 }] },
    { name: 'Python', path: 'sms.py', code: `client = Client("${t[2]}", api_secret, account_sid)`, findings: [{ line: 1, column: 18 }] },
    { name: 'YAML', path: 'config/twilio.yml', code: `twilio:\n  api_key: ${t[3]}`, findings: [{ line: 2, column: 12 }] },
    { name: 'JSON', path: 'appsettings.json', code: `{"Twilio": {"ApiKeySid": "${t[4]}"}}`, findings: [{ line: 1, column: 27 }] },
    { name: 'shell', path: 'send.sh', code: `curl -u ${t[5]}:$TWILIO_API_SECRET https://api.twilio.com/2010-04-01/Accounts.json`, findings: [{ line: 1, column: 9 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV TWILIO_API_KEY=${t[6]}`, findings: [{ line: 1, column: 20 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "twilio" {\n  username = "${t[7]}"\n}`, findings: [{ line: 2, column: 15 }] },
  ],
});

test.run();
