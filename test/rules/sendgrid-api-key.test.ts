import { test } from 'uvu';
import { sendgridApiKey } from '../../rules/sendgrid-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3118);
const t = Array.from({ length: 8 }, () => tokensA.sendgrid());

testRule(sendgridApiKey, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}` },
    { name: 'shortened', path: 'docs/email.md', code: 'SENDGRID_API_KEY=SG.xxxxx...' },
    { name: 'msg. is not SG.', path: 'src/mail.js', code: `msg.${t[0]!.slice(3)}` },
    { name: 'secret one character short', path: 'a.env', code: `SENDGRID_API_KEY=${t[0]!.slice(0, -1)}` },
    { name: 'a third dotted part', path: 'a.txt', code: `${t[0]}.extra` },
    { name: 'environment lookup', path: 'mail.py', code: 'sg = SendGridAPIClient(os.environ.get("SENDGRID_API_KEY"))' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `SENDGRID_API_KEY=${t[0]}`, findings: [{ line: 1, column: 18 }] },
    { name: 'JS', path: 'src/mail.ts', code: `sgMail.setApiKey('${t[1]}');`, findings: [{ line: 1, column: 19 }] },
    { name: 'Python', path: 'mail.py', code: `sg = SendGridAPIClient("${t[2]}")`, findings: [{ line: 1, column: 25 }] },
    { name: 'YAML', path: 'config/mail.yml', code: `smtp:\n  user: apikey\n  password: ${t[3]}`, findings: [{ line: 3, column: 13 }] },
    { name: 'JSON', path: 'appsettings.json', code: `{"SendGrid": {"ApiKey": "${t[4]}"}}`, findings: [{ line: 1, column: 26 }] },
    { name: 'shell curl', path: 'send.sh', code: `curl https://api.sendgrid.com/v3/mail/send -H "Authorization: Bearer ${t[5]}"`, findings: [{ line: 1, column: 70 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV SENDGRID_API_KEY=${t[6]}`, findings: [{ line: 1, column: 22 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "sendgrid" {\n  api_key = "${t[7]}"\n}`, findings: [{ line: 2, column: 14 }] },
  ],
});

test.run();
