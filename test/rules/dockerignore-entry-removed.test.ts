import { test } from 'uvu';
import { dockerignoreEntryRemoved } from '../../rules/dockerignore-entry-removed.js';
import * as assert from 'uvu/assert';
import { findingsForChange, testChangeRule, type ChangeCase, type InvalidChangeCase } from '../helpers/change-tester.js';

const base = `# Keep the build context small and secret-free
.git
node_modules
**/.env
.env.*
!.env.example
.npmrc
*.pem
id_rsa
Dockerfile*
`;

const table: { valid: ChangeCase[]; invalid: InvalidChangeCase[] } = {
  valid: [
    { name: 'unrelated entry added', path: '.dockerignore', before: base, after: `${base}coverage\n` },
    { name: 'unrelated entry removed', path: '.dockerignore', before: base, after: base.replace('node_modules\n', '') },
    { name: 'reformatted: ./ and / prefixes, trailing slashes, blank lines', path: '.dockerignore', before: base,
      after: base.replace('.git\n', './.git/\n\n').replace('.npmrc', '/.npmrc').replace('*.pem', '  *.pem  ') },
    { name: '*.pem replaced by **/*.pem', path: '.dockerignore', before: base, after: base.replace('*.pem', '**/*.pem') },
    { name: '.git replaced by .git*', path: '.dockerignore', before: base, after: base.replace('.git\n', '.git*\n') },
    { name: 'comment edited', path: '.dockerignore', before: base, after: base.replace('# Keep', '# Please keep') },
    { name: 'created', path: '.dockerignore', before: null, after: base },
    { name: 'not a .dockerignore', path: 'docs/dockerignore.txt', before: base, after: null },
  ],
  invalid: [
    {
      name: '.git removed',
      path: '.dockerignore', before: base, after: base.replace('.git\n', ''),
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['.dockerignore no longer excludes .git (git history)'] }],
    },
    {
      name: '**/.env narrowed to the root .env',
      path: '.dockerignore', before: base, after: base.replace('**/.env', '.env'),
      reports: [{ messageId: 'ignore-entry-removed', says: ['**/.env (environment files)'] }],
    },
    {
      name: '.npmrc and id_rsa removed',
      path: 'services/api/.dockerignore', before: base, after: base.replace('.npmrc\n', '').replace('id_rsa\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', says: ['.npmrc (npm credentials)'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: '.env.* re-included by a negation',
      path: '.dockerignore', before: base, after: `${base}!.env.production\n`,
      reports: [{ messageId: 'ignore-entry-removed', says: ['.env.*'] }],
    },
    {
      name: 'deleted',
      path: '.dockerignore', before: base, after: null,
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['(whole file)', 'git history', 'environment files'] }],
    },
    {
      name: 'deleted, with nothing protective in it',
      path: '.dockerignore', before: 'node_modules\n', after: null,
      reports: [{ messageId: 'ignore-entry-removed', says: ['(whole file)'] }],
    },
  ],
};

testChangeRule(dockerignoreEntryRemoved, table);

// Several reports share one message code and line 0 (the tester checks the first one's text):
// each must name its entry, the kind it protects and its severity.
const named: [string, string[]][] = [
  [
    '.npmrc and id_rsa removed',
    [
      '.npmrc (npm credentials) error',
      'id_rsa (private keys) error'
    ]
  ]
];
for (const [name, expected] of named) {
  test(`dockerignore-entry-removed: names every removed entry: ${name}`, () => {
    const c = table.invalid.find((x) => x.name === name)!;
    const got = findingsForChange(dockerignoreEntryRemoved, c).map((f) => `${f.data['entry']} (${f.data['protects']}) ${f.severity}`);
    assert.equal(got.sort(), [...expected].sort());
  });
}

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('dockerignore-entry-removed: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', './', '**/', '.env*?', '!.git\n']) {
    const hostile = filler.repeat(Math.ceil(50_000 / filler.length));
    const started = performance.now();
    findingsForChange(dockerignoreEntryRemoved, { name: 'hostile', path: '.dockerignore', before: null, after: hostile });
    findingsForChange(dockerignoreEntryRemoved, { name: 'hostile', path: '.dockerignore', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
