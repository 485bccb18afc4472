import { test } from 'uvu';
import { postmanApiKey } from '../../rules/postman-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3002);
const prefix = ['PM', 'AK'].join('');
const k = tokensC.postman();
const k2 = tokensC.postman();
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(postmanApiKey, {
  valid: [
    { name: 'variable reference', path: 'postman/env.json', code: '{"key": "postman-api-key", "value": "{{POSTMAN_API_KEY}}"}' },
    { name: 'x placeholder', path: 'README.md', code: `X-Api-Key: ${prefix}-${'x'.repeat(24)}-${'x'.repeat(34)}` },
    { name: 'zeros placeholder', path: 'docs/api.md', code: `POSTMAN_API_KEY=${prefix}-${'0'.repeat(24)}-${'0'.repeat(34)}` },
    { name: 'secret part too short', path: 'a.env', code: `POSTMAN_API_KEY=${prefix}-${hex(24)}-${hex(20)}` },
    { name: 'lower-case prefix', path: 'a.env', code: `POSTMAN_API_KEY=${prefix.toLowerCase()}-${hex(24)}-${hex(34)}` },
    { name: 'not hex', path: 'a.txt', code: `${prefix}-${hex(23)}z-${hex(34)}` },
    { name: 'allowed inline', path: 'test/fixtures.js', code: `const key = '${k}'; // shipgate-allow` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `POSTMAN_API_KEY=${k}`, findings: [{ line: 1, column: 17 }] },
    { name: 'shell (newman / curl)', path: 'scripts/sync.sh', code: `curl -s https://api.getpostman.com/me \\\n  -H "X-Api-Key: ${k}"`, findings: [{ line: 2, column: 18 }] },
    { name: 'GitHub Actions YAML', path: '.github/workflows/api.yml', code: `env:\n  POSTMAN_API_KEY: ${k2}`, findings: [{ line: 2, column: 20 }] },
    { name: 'JSON', path: 'postman/config.json', code: `{\n  "apiKey": "${k}"\n}`, findings: [{ line: 2, column: 14 }] },
    { name: 'JavaScript', path: 'scripts/publish.js', code: `const headers = { 'X-Api-Key': '${k2}' };`, findings: [{ line: 1, column: col(`const headers = { 'X-Api-Key': '${k2}' };`, k2) }] },
    { name: 'Python', path: 'tools/collections.py', code: `POSTMAN_KEY = os.getenv("POSTMAN_KEY", "${k}")`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM postman/newman\nENV POSTMAN_API_KEY ${k}`, findings: [{ line: 2, column: 21 }] },
  ],
});

test.run();
