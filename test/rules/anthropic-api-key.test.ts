import { test } from 'uvu';
import { anthropicApiKey } from '../../rules/anthropic-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { BASE64URL, tokensA } from '../helpers/tokens-a.js';

reseed(3114);
const t = Array.from({ length: 7 }, () => tokensA.anthropic('api03'));
const admin = tokensA.anthropic('admin01');
const prefix = ['sk', 'ant', 'api03'].join('-');

testRule(anthropicApiKey, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `ANTHROPIC_API_KEY=${prefix}-${'x'.repeat(93)}AA` },
    { name: 'shortened', path: 'docs/setup.md', code: `export ANTHROPIC_API_KEY=${prefix}-...` },
    { name: 'wrong ending', path: 'a.env', code: `ANTHROPIC_API_KEY=${prefix}-${randomFrom(BASE64URL, 93)}BB` },
    { name: 'one character short', path: 'a.env', code: `ANTHROPIC_API_KEY=${t[0]!.slice(0, 13)}${t[0]!.slice(14)}` },
    { name: 'unknown key version', path: 'a.env', code: `ANTHROPIC_API_KEY=${t[0]!.replace('api03', 'api02')}` },
    { name: 'environment lookup', path: 'agent.py', code: 'client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `ANTHROPIC_API_KEY=${t[0]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'Python', path: 'agent.py', code: `client = anthropic.Anthropic(\n    api_key="${t[1]}",\n)`, findings: [{ line: 2, column: 14 }] },
    { name: 'TypeScript', path: 'src/llm.ts', code: `const anthropic = new Anthropic({ apiKey: '${t[2]}' });`, findings: [{ line: 1, column: 44 }] },
    { name: 'shell curl', path: 'ask.sh', code: `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${t[3]}"`, findings: [{ line: 1, column: 59 }] },
    { name: 'JSON (MCP config)', path: '.mcp.json', code: `{\n  "env": { "ANTHROPIC_API_KEY": "${t[4]}" }\n}`, findings: [{ line: 2, column: 34 }] },
    { name: 'YAML', path: 'compose.yaml', code: `services:\n  agent:\n    environment:\n      ANTHROPIC_API_KEY: ${t[5]}`, findings: [{ line: 4, column: 26 }] },
    { name: 'Admin API key in Terraform', path: 'main.tf', code: `provider "anthropic" {\n  admin_key = "${admin}"\n}`, findings: [{ line: 2, column: 16 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ARG ANTHROPIC_API_KEY=${t[6]}`, findings: [{ line: 1, column: 23 }] },
  ],
});

test.run();
