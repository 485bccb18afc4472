import { test } from 'uvu';
import { openaiApiKey } from '../../rules/openai-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3113);
const proj = Array.from({ length: 5 }, () => tokensA.openaiProject('proj'));
const svc = tokensA.openaiProject('svcacct');
const admin = tokensA.openaiProject('admin');
const legacy = tokensA.openaiLegacy();
const marker = Buffer.from('OpenAI').toString('base64');

testRule(openaiApiKey, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `OPENAI_API_KEY=sk-proj-${'x'.repeat(74)}${marker}${'x'.repeat(74)}` },
    { name: 'shortened', path: 'docs/setup.md', code: 'export OPENAI_API_KEY=sk-proj-...' },
    { name: 'sk- key without the marker', path: 'a.env', code: `KEY=sk-${randomFrom(BASE62, 48)}` },
    { name: 'marker alone', path: 'notes.md', code: `OpenAI keys contain ${marker} in the middle.` },
    { name: 'environment lookup', path: 'src/ai.ts', code: 'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });' },
    { name: 'glued to a word', path: 'a.txt', code: `mask${legacy}` },
    { name: 'legacy key too long', path: 'a.env', code: `OPENAI_API_KEY=${legacy}AB` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `OPENAI_API_KEY=${proj[0]}`, findings: [{ line: 1, column: 16 }] },
    { name: 'JS', path: 'src/ai.ts', code: `const openai = new OpenAI({\n  apiKey: '${proj[1]}',\n});`, findings: [{ line: 2, column: 12 }] },
    { name: 'Python', path: 'agent.py', code: `client = OpenAI(api_key="${svc}")`, findings: [{ line: 1, column: 26 }] },
    { name: 'YAML', path: 'config.yaml', code: `llm:\n  provider: openai\n  api_key: ${admin}`, findings: [{ line: 3, column: 12 }] },
    { name: 'JSON', path: 'settings.json', code: `{"openai.apiKey": "${legacy}"}`, findings: [{ line: 1, column: 20 }] },
    { name: 'shell', path: 'test.sh', code: `curl https://api.openai.com/v1/models -H "Authorization: Bearer ${proj[2]}"`, findings: [{ line: 1, column: 65 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:22\nENV OPENAI_API_KEY=${proj[3]}`, findings: [{ line: 2, column: 20 }] },
    { name: 'Terraform', path: 'main.tf', code: `resource "kubernetes_secret" "ai" {\n  data = { OPENAI_API_KEY = "${proj[4]}" }\n}`, findings: [{ line: 2 }] },
  ],
});

test.run();
