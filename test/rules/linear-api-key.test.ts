import { test } from 'uvu';
import { linearApiKey } from '../../rules/linear-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB } from '../helpers/tokens-b.js';
import { BASE62, reseed } from '../helpers/tokens.js';

reseed(2318);
const t = Array.from({ length: 6 }, () => tokensB.linear());
const LIN = ['lin', 'api', ''].join('_');

testRule(linearApiKey, {
  valid: [
    { name: 'x placeholder', path: '.env.example', code: `LINEAR_API_KEY=${LIN}${'x'.repeat(40)}` },
    { name: 'too short', path: 'README.md', code: `Keys look like ${LIN}${mixed(BASE62, 12)}` },
    { name: 'continues past the key', path: 'a.txt', code: `${t[0]}Q` },
    { name: 'environment reference', path: 'src/linear.ts', code: 'const client = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });' },
    { name: 'template word', path: '.env.example', code: `LINEAR_API_KEY=${LIN}your_key_here_${'0'.repeat(26)}` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `LINEAR_API_KEY=${t[0]}`, findings: [{ line: 1, column: 16 }] },
    { name: 'TypeScript SDK', path: 'src/linear.ts', code: `export const linear = new LinearClient({ apiKey: '${t[1]}' });`, findings: [{ line: 1, column: 51 }] },
    { name: 'Python GraphQL headers', path: 'tools/triage.py', code: `headers = {"Authorization": "${t[2]}", "Content-Type": "application/json"}`, findings: [{ line: 1, column: 30 }] },
    { name: 'YAML', path: '.github/workflows/sync.yml', code: `    env:\n      LINEAR_API_KEY: ${t[3]}`, findings: [{ line: 2, column: 23 }] },
    { name: 'JSON', path: '.vscode/settings.json', code: `{ "linear.apiKey": "${t[4]}" }`, findings: [{ line: 1, column: 21 }] },
    { name: 'shell', path: 'scripts/me.sh', code: `curl -H "Authorization: ${t[5]}" https://api.linear.app/graphql`, findings: [{ line: 1, column: 25 }] },
  ],
});

test.run();
