import type { ChangeReport, ChangeRule } from '../src/types.js';
import {
  COVERAGE, ENV_FILES, PRIVATE_KEYS, SOURCE_MAPS, removedEntries, withSeverity, type ProtectedKind,
} from './support/ignore-file.js';

// .npmignore decides what `npm publish` leaves out when package.json has no "files". Creating
// one is an error: from then on npm stops reading .gitignore for the package, so whatever only
// .gitignore excluded (.env, maps, caches) is published. Deleting one is a warning: npm falls
// back to .gitignore. Removing an entry that kept source maps, sources, env files, tests,
// coverage or keys out of the package is an error; an equivalent or broader replacement is not a
// removal.
// https://docs.npmjs.com/cli/v10/using-npm/developers#keeping-files-out-of-your-package

const SOURCE_DIRS: ProtectedKind = {
  protects: 'source code', severity: 'error', dir: true,
  names: /^(?:src|source)$/i,
  probes: ['src/index.ts', 'src/index.js'],
};

// *.ts, not *.d.ts: declarations are what a TypeScript package is meant to publish.
const SOURCE_FILES: ProtectedKind = {
  protects: 'source code', severity: 'error', dir: false,
  names: /^\*\.(?:ts|tsx|mts|cts)$/i,
  probes: ['index.ts', 'src/index.ts', 'lib/util.ts', 'src/app.tsx'],
};

const TEST_DIRS: ProtectedKind = {
  protects: 'tests', severity: 'error', dir: true,
  names: /^(?:tests?|__tests__|spec|__mocks__|e2e)$/i,
  probes: ['test/index.test.js', 'tests/unit.js', '__tests__/a.js', 'spec/a.spec.js'],
};

const TEST_FILES: ProtectedKind = {
  protects: 'tests', severity: 'error', dir: false,
  names: /^\*\.(?:test|spec)(?:\.[\w*]{1,10}){1,2}$/i,
  probes: ['src/a.test.js', 'src/a.test.ts', 'a.spec.js', 'lib/a.spec.ts'],
};

const KINDS: readonly ProtectedKind[] = [
  withSeverity(SOURCE_MAPS, 'error'), SOURCE_DIRS, SOURCE_FILES, ENV_FILES, TEST_DIRS, TEST_FILES,
  withSeverity(COVERAGE, 'error'), PRIVATE_KEYS,
];

export const npmignoreChange: ChangeRule = {
  id: 'npmignore-change',
  kind: 'change',
  description: '.npmignore created (npm stops reading .gitignore), deleted (warning), or an entry that kept maps, sources, env files, tests, coverage or keys out of the package removed',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/.npmignore'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/using-npm/developers#keeping-files-out-of-your-package',
  check: ({ before, after }) => {
    if (before === null && after === null) return [];
    if (before === null) return [{ messageId: 'npmignore-created', key: 'created', severity: 'error' }];
    if (after === null) return [{ messageId: 'npmignore-deleted', key: 'deleted', severity: 'warn' }];
    return removedEntries(before, after, 'npm', KINDS).map(({ entry, kind }): ChangeReport => ({
      messageId: 'ignore-entry-removed',
      data: { file: '.npmignore', entry, protects: kind.protects, target: 'the npm package' },
      key: `removed:${entry}`,
      severity: kind.severity,
    }));
  },
};
