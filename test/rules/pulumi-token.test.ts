import { test } from 'uvu';
import { pulumiToken } from '../../rules/pulumi-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3006);
const prefix = ['pu', 'l-'].join('');
const t = tokensC.pulumi();
const t2 = tokensC.pulumi();

testRule(pulumiToken, {
  valid: [
    { name: 'secret reference', path: '.github/workflows/infra.yml', code: 'env:\n  PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}' },
    { name: 'x placeholder', path: 'README.md', code: `PULUMI_ACCESS_TOKEN=${prefix}${'x'.repeat(40)}` },
    { name: 'a git SHA alone', path: 'versions.txt', code: `infra@${hex(40)}` },
    { name: 'a word ending in pul', path: 'a.txt', code: `ampul-${hex(40)}` },
    { name: 'too short', path: 'a.env', code: `PULUMI_ACCESS_TOKEN=${prefix}${hex(32)}` },
    { name: 'upper-case hex', path: 'a.env', code: `PULUMI_ACCESS_TOKEN=${prefix}${hex(40).toUpperCase()}` },
    { name: 'allowed inline', path: 'test/stack.test.ts', code: `const token = '${t}'; // pragma: allowlist secret` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `PULUMI_ACCESS_TOKEN=${t}`, findings: [{ line: 1, column: 21 }] },
    { name: 'shell', path: 'scripts/up.sh', code: `#!/bin/bash\nexport PULUMI_ACCESS_TOKEN="${t2}"\npulumi up --yes`, findings: [{ line: 2, column: 29 }] },
    { name: 'YAML (Pulumi.yaml config)', path: 'Pulumi.dev.yaml', code: `config:\n  app:token: ${t}`, findings: [{ line: 2, column: 14 }] },
    { name: 'JSON', path: 'credentials.json', code: `{"accessTokens": {"https://api.pulumi.com": "${t2}"}}`, findings: [{ line: 1, column: 46 }] },
    { name: 'TypeScript automation API', path: 'src/deploy.ts', code: `await LocalWorkspace.create({ envVars: { PULUMI_ACCESS_TOKEN: '${t}' } });`, findings: [{ line: 1, column: 64 }] },
    { name: 'Python', path: '__main__.py', code: `os.environ["PULUMI_ACCESS_TOKEN"] = "${t2}"`, findings: [{ line: 1, column: 38 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM pulumi/pulumi\nENV PULUMI_ACCESS_TOKEN=${t}`, findings: [{ line: 2, column: 25 }] },
  ],
});

test.run();
