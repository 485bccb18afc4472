import type { ChangeRule } from '../src/types.js';
import { lineOf, parsePackageJson, previousPackage } from './support/package-json.js';

// "private": true makes npm refuse to publish the package: the guard on internal packages,
// workspace roots and apps. https://docs.npmjs.com/cli/v10/configuring-npm/package-json#private
// npm checks the value for truthiness, so the guard is gone when a truthy "private" becomes
// absent, false or another falsy value. Losing it exposes an internal package to an
// accidental `npm publish`: 'error'. A deleted package.json, or one that does not parse
// (package-files reports that), reports nothing here.

export const packagePrivate: ChangeRule = {
  id: 'package-private',
  kind: 'change',
  description: 'package.json "private": true removed or turned off',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#private',
  check: ({ before, after }) => {
    const next = parsePackageJson(after);
    if (!next?.ok) return [];
    const prev = previousPackage(before);
    if (!prev?.['private'] || next.value['private']) return [];
    return [{ messageId: 'package-private-removed', line: lineOf(after, 'private'), key: 'private-removed' }];
  },
};
