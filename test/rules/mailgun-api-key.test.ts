import { test } from 'uvu';
import { mailgunApiKey } from '../../rules/mailgun-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3119);
const legacy = Array.from({ length: 4 }, () => tokensA.mailgunLegacy());
const current = Array.from({ length: 5 }, () => tokensA.mailgunCurrent());

testRule(mailgunApiKey, {
  valid: [
    { name: 'no Mailgun on the line', path: 'config.py', code: `API_KEY = "${legacy[0]}"` },
    { name: 'public validation key', path: '.env', code: `MAILGUN_PUBLIC_KEY=pub${legacy[0]}` },
    { name: 'x placeholder', path: 'README.md', code: `MAILGUN_API_KEY=key-${'x'.repeat(32)}` },
    { name: 'zeros', path: 'docs/mail.md', code: `MAILGUN_SIGNING_KEY=${'0'.repeat(32)}-${'0'.repeat(8)}-${'0'.repeat(8)}` },
    { name: 'a UUID on a Mailgun line', path: 'a.env', code: `MAILGUN_DOMAIN_ID=${tokensA.uuid()}` },
    { name: 'a git SHA on a Mailgun line', path: 'CHANGELOG.md', code: `mailgun: bump client (${hex(40)})` },
    { name: 'token on the line after an unrelated one', path: 'k8s/deploy.yaml', code: `- name: MAILGUN_DOMAIN\n  host: ${current[0]}` },
    { name: 'environment lookup', path: 'mail.js', code: 'const mg = mailgun.client({ username: "api", key: process.env.MAILGUN_API_KEY });' },
  ],
  invalid: [
    { name: '.env, current format', path: '.env', code: `MAILGUN_DOMAIN=mg.acme.io\nMAILGUN_API_KEY=${current[0]}`, findings: [{ line: 2, column: 17 }] },
    { name: 'JS, legacy format', path: 'src/mail.ts', code: `const mg = mailgun.client({ username: 'api', key: '${legacy[1]}' });`, findings: [{ line: 1, column: 52 }] },
    { name: 'Python requests', path: 'mail.py', code: `requests.post("https://api.mailgun.net/v3/mg.acme.io/messages", auth=("api", "${current[1]}"))`, findings: [{ line: 1 }] },
    { name: 'YAML', path: 'config.yml', code: `mailgun_api_key: "${legacy[2]}"`, findings: [{ line: 1, column: 19 }] },
    { name: 'JSON', path: 'settings.json', code: `{"mailgun": {"apiKey": "${current[2]}", "domain": "mg.acme.io"}}`, findings: [{ line: 1, column: 25 }] },
    { name: 'shell curl', path: 'send.sh', code: `curl -s --user 'api:${legacy[3]}' https://api.mailgun.net/v3/mg.acme.io/messages`, findings: [{ line: 1, column: 21 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV MAILGUN_SIGNING_KEY=${current[3]}`, findings: [{ line: 1, column: 25 }] },
    { name: 'Kubernetes env entry', path: 'k8s/deployment.yaml', code: `- name: MAILGUN_API_KEY\n  value: "${current[0]}"`, findings: [{ line: 2, column: 11 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "mailgun" { api_key = "${current[4]}" }`, findings: [{ line: 1, column: 33 }] },
  ],
});

test.run();
