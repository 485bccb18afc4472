import { test } from 'uvu';
import { notionToken } from '../../rules/notion-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { digits, randomFrom, reseed } from '../helpers/tokens.js';

reseed(2319);
const t = Array.from({ length: 4 }, () => tokensB.notion());
const legacy = Array.from({ length: 3 }, () => tokensB.notionLegacy());
const NTN = 'nt' + 'n_';

testRule(notionToken, {
  valid: [
    { name: 'legacy shape on a line that does not mention Notion', path: 'src/tokens.ts', code: `const s = '${legacy[0]}';` },
    { name: 'legacy shape without digits and capitals', path: 'a.env', code: `NOTION_TOKEN=${['secret', randomFrom('abcdefghijklmnopqrstuvwxyz', 43)].join('_')}` },
    { name: 'x placeholder', path: '.env.example', code: `NOTION_TOKEN=${NTN}${digits(11)}${'x'.repeat(35)}` },
    { name: 'environment reference', path: 'notion.js', code: 'const notion = new Client({ auth: process.env.NOTION_TOKEN });' },
    { name: 'digits part too short', path: 'a.env', code: `NOTION_TOKEN=${NTN}${digits(5)}${tokensB.generic(35)}` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `NOTION_TOKEN=${t[0]}\nNOTION_DATABASE_ID=${digits(8)}`, findings: [{ line: 1, column: 14 }] },
    { name: 'JS client', path: 'src/notion.js', code: `const notion = new Client({ auth: "${t[1]}" });`, findings: [{ line: 1, column: 36 }] },
    { name: 'Python client (legacy secret)', path: 'sync.py', code: `notion = Client(auth="${legacy[1]}")`, findings: [{ line: 1, column: 23 }] },
    { name: 'legacy secret next to a Notion name', path: '.env', code: `NOTION_API_KEY=${legacy[2]}`, findings: [{ line: 1, column: 16 }] },
    { name: 'YAML', path: 'config.yml', code: `integrations:\n  token: ${t[2]}`, findings: [{ line: 2, column: 10 }] },
    { name: 'curl', path: 'scripts/pages.sh', code: `curl https://api.notion.com/v1/users -H "Authorization: Bearer ${t[3]}" -H "Notion-Version: 2022-06-28"`, findings: [{ line: 1 }] },
  ],
});

test.run();
