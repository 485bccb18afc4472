import { test } from 'uvu';
import { gitignoreEntryRemoved } from '../../rules/gitignore-entry-removed.js';
import * as assert from 'uvu/assert';
import { findingsForChange, testChangeRule, type ChangeCase, type InvalidChangeCase } from '../helpers/change-tester.js';

const base = `# dependencies
node_modules/

# build output
/dist
build/
*.map
coverage/

# secrets
.env
.env.*
!.env.example
*.pem
id_rsa*
.npmrc

# AI assistants
.claude/
.cursor/
.aider*

# editors
.vscode/
.DS_Store
`;

const table: { valid: ChangeCase[]; invalid: InvalidChangeCase[] } = {
  valid: [
    { name: 'unrelated entry added', path: '.gitignore', before: base, after: `${base}*.log\n` },
    { name: 'editor entries removed', path: '.gitignore', before: base, after: base.replace('.vscode/\n.DS_Store\n', '') },
    { name: 'comments and blank lines rewritten', path: '.gitignore', before: base, after: base.replace(/^#.*$/gm, '# --').replace(/\n\n/g, '\n') },
    { name: 'trailing spaces and slashes: "/dist" -> "dist/  "', path: '.gitignore', before: base, after: base.replace('/dist', 'dist/  ') },
    { name: '.env and .env.* merged into .env*', path: '.gitignore', before: base, after: base.replace('.env\n.env.*\n', '.env*\n') },
    { name: '*.map replaced by **/*.map', path: '.gitignore', before: base, after: base.replace('*.map', '**/*.map') },
    { name: 'build/ replaced by build/**', path: '.gitignore', before: base, after: base.replace('build/', 'build/**') },
    { name: 'entries moved to the end', path: '.gitignore', before: base, after: base.replace('*.pem\n', '') + '*.pem\n' },
    { name: 'negation for .env.example dropped (ignores more)', path: '.gitignore', before: base, after: base.replace('!.env.example\n', '') },
    { name: 'a commented-out entry removed', path: '.gitignore', before: `${base}# .env.local\n`, after: base },
    { name: 'a negation that re-includes nothing protected', path: '.gitignore', before: base, after: `${base}!.vscode/settings.json\n` },
    { name: 'new .gitignore', path: 'packages/app/.gitignore', before: null, after: 'dist\n' },
    { name: 'CRLF line endings', path: '.gitignore', before: base, after: base.replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: '.env removed',
      path: '.gitignore', before: base, after: base.replace('.env\n', ''),
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['.gitignore no longer excludes .env (environment files)'] }],
    },
    {
      name: '.env.* re-included by a negation',
      path: '.gitignore', before: base, after: `${base}!.env.production\n`,
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['.env.*'] }],
    },
    {
      name: 'keys and .npmrc removed',
      path: 'services/api/.gitignore', before: base, after: base.replace('*.pem\nid_rsa*\n.npmrc\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', severity: 'error', says: ['*.pem (private keys)'] },
        { messageId: 'ignore-entry-removed' },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: 'AI assistant folders removed',
      path: '.gitignore', before: base, after: base.replace('.claude/\n.cursor/\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', severity: 'error', says: ['.claude/ (AI assistant files)'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: '.aider* narrowed to one file',
      path: '.gitignore', before: base, after: base.replace('.aider*', '.aider.chat.history.md'),
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['.aider*'] }],
    },
    {
      name: 'build output, maps and coverage removed: warnings',
      path: '.gitignore', before: base, after: base.replace('/dist\nbuild/\n*.map\ncoverage/\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', severity: 'warn', says: ['/dist (build output)'] },
        { messageId: 'ignore-entry-removed' },
        { messageId: 'ignore-entry-removed' },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: 'secrets*/credentials* entries removed',
      path: '.gitignore', before: 'secrets*\ncredentials.json\n', after: '# nothing secret here\n',
      reports: [
        { messageId: 'ignore-entry-removed', severity: 'error', says: ['secrets*'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: 'whole .gitignore deleted',
      path: '.gitignore', before: '.env\ndist/\n', after: null,
      reports: [
        { messageId: 'ignore-entry-removed', severity: 'error', says: ['.env'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: 'escaped trailing space makes a different entry',
      path: '.gitignore', before: '.env\n', after: '.env\\ \n',
      reports: [{ messageId: 'ignore-entry-removed', says: ['.env'] }],
    },
  ],
};

testChangeRule(gitignoreEntryRemoved, table);

// Several reports share one message code and line 0 (the tester checks the first one's text):
// each must name its entry, the kind it protects and its severity.
const named: [string, string[]][] = [
  [
    'keys and .npmrc removed',
    [
      '*.pem (private keys) error',
      '.npmrc (credentials) error',
      'id_rsa* (private keys) error'
    ]
  ],
  [
    'AI assistant folders removed',
    [
      '.claude/ (AI assistant files) error',
      '.cursor/ (AI assistant files) error'
    ]
  ],
  [
    'build output, maps and coverage removed: warnings',
    [
      '*.map (source maps) warn',
      '/dist (build output) warn',
      'build/ (build output) warn',
      'coverage/ (coverage reports) warn'
    ]
  ],
  [
    'secrets*/credentials* entries removed',
    [
      'credentials.json (credentials) error',
      'secrets* (credentials) error'
    ]
  ],
  [
    'whole .gitignore deleted',
    [
      '.env (environment files) error',
      'dist/ (build output) warn'
    ]
  ]
];
for (const [name, expected] of named) {
  test(`gitignore-entry-removed: names every removed entry: ${name}`, () => {
    const c = table.invalid.find((x) => x.name === name)!;
    const got = findingsForChange(gitignoreEntryRemoved, c).map((f) => `${f.data['entry']} (${f.data['protects']}) ${f.severity}`);
    assert.equal(got.sort(), [...expected].sort());
  });
}

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('gitignore-entry-removed: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'dist/[', '**/', '.env*?', '!.env\n', '.env.x\n']) {
    const hostile = filler.repeat(Math.ceil(50_000 / filler.length));
    const started = performance.now();
    findingsForChange(gitignoreEntryRemoved, { name: 'hostile', path: '.gitignore', before: null, after: hostile });
    findingsForChange(gitignoreEntryRemoved, { name: 'hostile', path: '.gitignore', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
