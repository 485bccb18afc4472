import { test } from 'uvu';
import { npmignoreChange } from '../../rules/npmignore-change.js';
import * as assert from 'uvu/assert';
import { findingsForChange, testChangeRule, type ChangeCase, type InvalidChangeCase } from '../helpers/change-tester.js';

const base = `# Keep the published package to the build output
src/
test/
*.map
.env*
!.env.example
coverage
*.pem
tsconfig.json
.github/
`;

const table: { valid: ChangeCase[]; invalid: InvalidChangeCase[] } = {
  valid: [
    { name: 'unrelated entry added', path: '.npmignore', before: base, after: `${base}.prettierrc\n` },
    { name: 'reformatted: comments, blank lines, trailing spaces, leading slashes', path: '.npmignore', before: base,
      after: `# Build output only\n\n/src\n/test/   \n\n*.map\n.env*\n!.env.example\n/coverage/\n*.pem\ntsconfig.json\n.github/\n` },
    { name: 'entries reordered', path: '.npmignore', before: base, after: base.split('\n').reverse().join('\n') },
    { name: '*.map replaced by **/*.map', path: '.npmignore', before: base, after: base.replace('*.map', '**/*.map') },
    { name: '.env* replaced by the broader .env* and *.env', path: '.npmignore', before: base, after: base.replace('.env*', '.env*\n*.env') },
    { name: 'tsconfig.json removed (not a protected entry)', path: '.npmignore', before: base, after: base.replace('tsconfig.json\n', '') },
    { name: 'negation for .env.example removed (excludes more)', path: '.npmignore', before: base, after: base.replace('!.env.example\n', '') },
    { name: 'nested .npmignore changed harmlessly', path: 'packages/cli/.npmignore', before: '*.ts\n!*.d.ts\n', after: '*.ts\n!*.d.ts\n*.tsbuildinfo\n' },
    { name: '*.ts replaced by src/ and *.ts kept', path: '.npmignore', before: '*.ts\n!*.d.ts\n', after: '**/*.ts\n!**/*.d.ts\n' },
    { name: 'CRLF line endings', path: '.npmignore', before: base, after: base.replace(/\n/g, '\r\n') },
    { name: 'not an .npmignore', path: 'docs/npmignore.md', before: base, after: '' },
    { name: 'inside node_modules', path: 'node_modules/left-pad/.npmignore', before: null, after: 'test/\n' },
  ],
  invalid: [
    {
      name: 'created: npm stops reading .gitignore',
      path: '.npmignore', before: null, after: 'docs/\n',
      reports: [{ messageId: 'npmignore-created', severity: 'error', says: ['.npmignore created'] }],
    },
    {
      name: 'deleted',
      path: 'packages/core/.npmignore', before: base, after: null,
      reports: [{ messageId: 'npmignore-deleted', severity: 'warn' }],
    },
    {
      name: '*.map removed',
      path: '.npmignore', before: base, after: base.replace('*.map\n', ''),
      reports: [{ messageId: 'ignore-entry-removed', severity: 'error', says: ['.npmignore no longer excludes *.map (source maps)'] }],
    },
    {
      name: '*.map narrowed to dist/*.map',
      path: '.npmignore', before: base, after: base.replace('*.map', 'dist/*.map'),
      reports: [{ messageId: 'ignore-entry-removed', says: ['*.map'] }],
    },
    {
      name: 'src and test removed, coverage kept',
      path: '.npmignore', before: base, after: base.replace('src/\ntest/\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', says: ['src/ (source code)'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: '.env* re-included by a negation',
      path: '.npmignore', before: base, after: `${base}!.env.production\n`,
      reports: [{ messageId: 'ignore-entry-removed', says: ['.env* (environment files)'] }],
    },
    {
      name: '*.ts removed, *.d.ts negation kept',
      path: '.npmignore', before: '*.ts\n!*.d.ts\n__tests__\n*.test.*\n', after: '!*.d.ts\n__tests__\n',
      reports: [
        { messageId: 'ignore-entry-removed', says: ['*.ts (source code)'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
    {
      name: 'keys and coverage removed in one go',
      path: '.npmignore', before: base, after: base.replace('coverage\n', '').replace('*.pem\n', ''),
      reports: [
        { messageId: 'ignore-entry-removed', says: ['coverage (coverage reports)'] },
        { messageId: 'ignore-entry-removed' },
      ],
    },
  ],
};

testChangeRule(npmignoreChange, table);

// Several reports share one message code and line 0 (the tester checks the first one's text):
// each must name its entry, the kind it protects and its severity.
const named: [string, string[]][] = [
  [
    'src and test removed, coverage kept',
    [
      'src/ (source code) error',
      'test/ (tests) error'
    ]
  ],
  [
    '*.ts removed, *.d.ts negation kept',
    [
      '*.test.* (tests) error',
      '*.ts (source code) error'
    ]
  ],
  [
    'keys and coverage removed in one go',
    [
      '*.pem (private keys) error',
      'coverage (coverage reports) error'
    ]
  ]
];
for (const [name, expected] of named) {
  test(`npmignore-change: names every removed entry: ${name}`, () => {
    const c = table.invalid.find((x) => x.name === name)!;
    const got = findingsForChange(npmignoreChange, c).map((f) => `${f.data['entry']} (${f.data['protects']}) ${f.severity}`);
    assert.equal(got.sort(), [...expected].sort());
  });
}

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('npmignore-change: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'dist/[', '**/', '.env*?', '!.env\n']) {
    const hostile = filler.repeat(Math.ceil(50_000 / filler.length));
    const started = performance.now();
    findingsForChange(npmignoreChange, { name: 'hostile', path: '.npmignore', before: null, after: hostile });
    findingsForChange(npmignoreChange, { name: 'hostile', path: '.npmignore', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
