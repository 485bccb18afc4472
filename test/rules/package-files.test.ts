import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageFiles, whatItMatches } from '../../rules/package-files.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (files: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      name: '@acme/sdk',
      version: '1.8.2',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      ...(files === undefined ? {} : { files }),
      scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run' },
      ...extra,
    },
    null,
    2,
  ) + '\n';

const files = ['dist', '!dist/**/*.map', 'README.md'];

testChangeRule(packageFiles, {
  valid: [
    { name: 'version bump', path: 'package.json', before: pkg(files), after: pkg(files).replace('1.8.2', '1.9.0') },
    { name: 'reformatted (4 spaces, entries reordered)', path: 'package.json', before: pkg(files), after: JSON.stringify(JSON.parse(pkg(['README.md', 'dist', '!dist/**/*.map'])), null, 4) },
    { name: 'same entries written differently', path: 'package.json', before: pkg(['src', ...files]), after: pkg(['./src/', ...files]) },
    { name: 'a build output folder added', path: 'package.json', before: pkg(files), after: pkg([...files, 'lib', 'bin/cli.js', 'types/index.d.ts']) },
    { name: 'negations never widen', path: 'package.json', before: pkg(files), after: pkg([...files, '!**/*.map', '!src', '!**/*.test.*', '!.*']) },
    { name: '.d.ts files are not TypeScript sources', path: 'package.json', before: pkg(files), after: pkg([...files, '*.d.ts', 'dist/**/*.d.mts']) },
    { name: 'dist/src is build output', path: 'package.json', before: pkg(files), after: pkg([...files, 'dist/src']) },
    { name: 'a list added where there was none (narrowing)', path: 'package.json', before: pkg(undefined), after: pkg(['dist', 'src']) },
    { name: 'no files, before and after', path: 'package.json', before: pkg(undefined), after: pkg(undefined, { description: 'SDK' }) },
    { name: 'file deleted', path: 'packages/sdk/package.json', before: pkg(files), after: null },
    { name: 'inside node_modules', path: 'node_modules/left-pad/package.json', before: pkg(files), after: pkg(undefined) },
    { name: 'not a package.json', path: 'package-lock.json', before: pkg(files), after: pkg(undefined) },
  ],
  invalid: [
    {
      name: 'files removed',
      path: 'package.json', before: pkg(files), after: pkg(undefined),
      reports: [{ messageId: 'package-files-removed', severity: 'error', line: 0, says: ['(was ["dist","!dist/**/*.map","README.md"])'] }],
    },
    {
      name: 'files emptied into a string',
      path: 'packages/sdk/package.json', before: pkg(files), after: pkg('dist'),
      reports: [{ messageId: 'package-files-removed', severity: 'error', line: 11 }],
    },
    {
      name: 'src and tests added',
      path: 'package.json', before: pkg(files), after: pkg([...files, 'src', '__tests__']),
      reports: [
        { messageId: 'package-files-widened', severity: 'error', line: 15, says: ['includes src (sources)'] },
        { messageId: 'package-files-widened', severity: 'error', line: 16, says: ['includes __tests__ (tests)'] },
      ],
    },
    {
      name: 'TypeScript sources and maps',
      path: 'package.json', before: pkg(files), after: pkg([...files, 'lib/**/*.ts', 'dist/*.js.map']),
      reports: [
        { messageId: 'package-files-widened', line: 15, says: ['lib/**/*.ts (TypeScript sources)'] },
        { messageId: 'package-files-widened', line: 16, says: ['(source maps)'] },
      ],
    },
    {
      name: 'everything',
      path: 'package.json', before: pkg(files), after: pkg([...files, '**/*']),
      reports: [{ messageId: 'package-files-widened', says: ['**/* (everything)'] }],
    },
    {
      name: 'dot and star',
      path: 'package.json', before: pkg(['dist']), after: pkg(['dist', '.', '*']),
      reports: [
        { messageId: 'package-files-widened', line: 13, says: ['includes . (everything)'] },
        { messageId: 'package-files-widened', line: 14, says: ['includes * (everything)'] },
      ],
    },
    {
      name: 'dotfiles',
      path: 'package.json', before: pkg(files), after: pkg([...files, '.env', '.*']),
      reports: [
        { messageId: 'package-files-widened', line: 15, says: ['.env (dotfiles)'] },
        { messageId: 'package-files-widened', line: 16, says: ['.* (dotfiles)'] },
      ],
    },
    {
      name: 'a test file pattern inside a source entry',
      path: 'package.json', before: pkg(files), after: pkg([...files, 'src/**/*.test.ts']),
      reports: [{ messageId: 'package-files-widened', says: ['(TypeScript sources, tests, sources)'] }],
    },
    {
      name: 'new package.json publishing src',
      path: 'packages/utils/package.json', before: null, after: pkg(['dist', 'src']),
      reports: [{ messageId: 'package-files-widened', says: ['includes src'] }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: 'package.json', before: pkg(files), after: pkg(files).replace('"dist",', '"dist",,'),
      reports: [{ messageId: 'config-unparsable', severity: 'warn', says: ['could not parse package.json'] }],
    },
    {
      name: 'comments are not allowed in package.json',
      path: 'package.json', before: pkg(files), after: pkg(files).replace('{\n', '{\n  // published files\n'),
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

test('package-files: what an entry matches', () => {
  assert.equal(whatItMatches('dist'), []);
  assert.equal(whatItMatches('!**/*.map'), []);
  assert.equal(whatItMatches('*.ts'), ['TypeScript sources']);
  assert.equal(whatItMatches('index.d.ts'), []);
  assert.equal(whatItMatches('test'), ['tests']);
  assert.equal(whatItMatches('dist/test'), ['tests']);
  assert.equal(whatItMatches('*.map'), ['source maps']);
  assert.equal(whatItMatches('./'), ['everything']);
  assert.equal(whatItMatches('**'), ['everything']);
  assert.equal(whatItMatches('config/.env.production'), ['dotfiles']);
});

test('package-files: adversarial input stays fast', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => `src/m${i}.ts`);
  const inputs = [
    pkg(many),
    pkg(['.'.repeat(100_000), '/'.repeat(100_000), '*'.repeat(100_000)]),
    `{"files": ["${'\\"'.repeat(200_000)}"]}`,
    '['.repeat(100_000),
  ];
  for (const text of inputs) {
    const started = performance.now();
    findingsForChange(packageFiles, { name: 'adversarial', path: 'package.json', before: pkg(files), after: text });
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 60))}...`);
  }
});

test.run();
