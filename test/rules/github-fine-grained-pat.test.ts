import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { githubFineGrainedPat } from '../../rules/github-fine-grained-pat.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed, tokens } from '../helpers/tokens.js';

reseed(1003);
const pat = tokens.githubFineGrained();
const pat2 = tokens.githubFineGrained();
const prefix = ['github', 'pat', ''].join('_');
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(githubFineGrainedPat, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `GH_TOKEN=${prefix}${'x'.repeat(22)}_${'x'.repeat(59)}` },
    { name: 'template', path: '.env.example', code: `GH_TOKEN=${prefix}<your-token>` },
    { name: 'prose', path: 'docs/auth.md', code: 'Fine-grained tokens start with `github_pat_` and are 93 characters long.' },
    { name: 'first part too short', path: 'a.ts', code: `const t = '${prefix}${randomFrom(BASE62, 21)}_${randomFrom(BASE62, 59)}';` },
    { name: 'second part too short', path: 'a.ts', code: `const t = '${pat.slice(0, -1)}';` },
    { name: 'too long', path: 'a.ts', code: `const t = '${pat}A';` },
    { name: 'inside a longer word', path: 'a.txt', code: `my${pat}` },
    { name: 'environment reference', path: '.github/workflows/ci.yml', code: 'env:\n  GH_TOKEN: ${{ secrets.GH_PAT }}' },
    { name: 'allowed inline', path: 'test/auth.test.ts', code: `const t = '${pat}'; // shipgate-allow` },
  ],
  invalid: [
    { name: '.env', path: '.env.local', code: `GITHUB_TOKEN=${pat}`, findings: [{ line: 1, column: 14 }] },
    { name: 'YAML', path: 'config.yml', code: `github:\n  token: ${pat}`, findings: [{ line: 2, column: 10 }] },
    { name: 'JSON', path: '.vscode/settings.json', code: `{\n  "github.token": "${pat}"\n}`, findings: [{ line: 2, column: 20 }] },
    { name: 'JS', path: 'scripts/release.mjs', code: `const octokit = new Octokit({ auth: "${pat}" });`, findings: [{ line: 1, column: 38 }] },
    { name: 'Python', path: 'sync.py', code: `headers = {"Authorization": f"Bearer ${pat}"}`, findings: [{ line: 1 }] },
    {
      name: 'shell curl',
      path: 'scripts/api.sh',
      code: `curl -H "Authorization: Bearer ${pat}" \\\n  https://api.github.com/user`,
      findings: [{ line: 1, column: 32 }],
    },
    { name: 'git remote URL', path: '.git-credentials', code: `https://octocat:${pat}@github.com`, findings: [{ line: 1, column: 17 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM alpine\nRUN git clone https://${pat}@github.com/org/private.git`, findings: [{ line: 2 }] },
    {
      name: 'two tokens',
      path: 'tokens.txt',
      code: `${pat} ${pat2}`,
      findings: [{ line: 1, column: 1 }, { line: 1, column: col(`${pat} ${pat2}`, pat2) }],
    },
  ],
});

test('github-fine-grained-pat: adversarial input stays bounded', () => {
  const inputs = [
    prefix + 'A'.repeat(200_000),
    prefix + 'a_'.repeat(100_000),
    (prefix + 'a'.repeat(22) + '_' + 'b'.repeat(58) + ' ').repeat(10_000),
    prefix.repeat(100_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(githubFineGrainedPat, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
