import { test } from 'uvu';
import { readmeApiKey } from '../../rules/readme-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3014);
const prefix = ['rd', 'me_'].join('');
const k = tokensC.readme();
const k2 = tokensC.readme();
const lower36 = '0123456789abcdefghijklmnopqrstuvwxyz';

testRule(readmeApiKey, {
  valid: [
    { name: 'secret reference', path: '.github/workflows/docs.yml', code: 'with:\n  rdme: openapi upload spec.json --key=${{ secrets.README_API_KEY }}' },
    { name: 'x placeholder', path: 'README.md', code: `README_API_KEY=${prefix}${'x'.repeat(70)}` },
    { name: 'too short', path: 'a.env', code: `README_API_KEY=${prefix}${randomFrom(lower36, 60)}` },
    { name: 'upper case is not the format', path: 'a.env', code: `README_API_KEY=${prefix}${randomFrom(lower36, 70).toUpperCase()}` },
    { name: 'an identifier starting rdme_', path: 'src/docs.ts', code: 'import { rdme_command_registry } from "./registry";' },
    { name: 'allowed inline', path: 'test/rdme.test.ts', code: `process.env.README_API_KEY = '${k}'; // shipgate-allow: readme-api-key` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `README_API_KEY=${k}`, findings: [{ line: 1, column: 16 }] },
    { name: 'shell (rdme CLI)', path: 'scripts/docs.sh', code: `npx rdme openapi upload openapi.json --key=${k2}`, findings: [{ line: 1, column: 44 }] },
    { name: 'GitHub Actions YAML', path: '.github/workflows/docs.yml', code: `- uses: readmeio/rdme@v9\n  with:\n    rdme: openapi openapi.json --key=${k}`, findings: [{ line: 3, column: 38 }] },
    { name: 'JavaScript', path: 'scripts/sync.js', code: `const sdk = api('@readme/v2');\nsdk.auth('${k2}');`, findings: [{ line: 2, column: 11 }] },
    { name: 'Python', path: 'tools/changelog.py', code: `HEADERS = {"Authorization": f"Bearer ${k}"}`, findings: [{ line: 1, column: 38 }] },
    { name: 'JSON', path: 'mcp.json', code: `{"headers": {"Authorization": "Bearer ${k2}"}}`, findings: [{ line: 1, column: 39 }] },
  ],
});

test.run();
