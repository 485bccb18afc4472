import { test } from 'uvu';
import { figmaToken } from '../../rules/figma-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC, URL_SAFE } from '../helpers/tokens-c.js';

reseed(3008);
const prefix = ['fi', 'gd_'].join('');
const t = tokensC.figma();
const t2 = tokensC.figma();
const typedExample = prefix + 'abc123def456ghi789jkl012mno345pqr678stu901vwx234yz';

testRule(figmaToken, {
  valid: [
    { name: 'environment lookup', path: 'scripts/tokens.ts', code: 'const api = new Figma.Api({ personalAccessToken: process.env.FIGMA_TOKEN! });' },
    { name: 'typed documentation example', path: 'figma_config_example.py', code: `# FIGMA_TOKEN = '${typedExample}'` },
    { name: 'x placeholder', path: 'README.md', code: `FIGMA_TOKEN=${prefix}${'x'.repeat(40)}` },
    { name: 'truncated', path: 'docs/setup.md', code: `Copy the token (it looks like \`${prefix}xxxxx...\`).` },
    { name: 'too short', path: 'a.env', code: `FIGMA_TOKEN=${prefix}${randomFrom(URL_SAFE, 30)}` },
    { name: 'embedded in a longer word', path: 'a.txt', code: `config${t}` },
    { name: 'allowed inline', path: 'test/figma.test.ts', code: `const token = '${t}'; // shipgate-allow: figma-token` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `FIGMA_ACCESS_TOKEN=${t}`, findings: [{ line: 1, column: 20 }] },
    { name: 'shell (curl header)', path: 'scripts/export-icons.sh', code: `curl -H "X-Figma-Token: ${t2}" "https://api.figma.com/v1/files/$FILE_KEY"`, findings: [{ line: 1, column: 25 }] },
    { name: 'MCP server JSON', path: '.cursor/mcp.json', code: `{\n  "mcpServers": {\n    "figma": {\n      "args": ["--figma-api-key=${t}"]\n    }\n  }\n}`, findings: [{ line: 4, column: 33 }] },
    { name: 'TypeScript', path: 'src/figma.ts', code: `export const FIGMA_TOKEN = "${t2}";`, findings: [{ line: 1, column: 29 }] },
    { name: 'Python', path: 'tools/sync.py', code: `headers = {"X-Figma-Token": "${t}"}`, findings: [{ line: 1, column: 30 }] },
    { name: 'YAML', path: '.github/workflows/tokens.yml', code: `env:\n  FIGMA_TOKEN: "${t2}"`, findings: [{ line: 2, column: 17 }] },
  ],
});

test.run();
