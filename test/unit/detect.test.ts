import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectBundlers, detectTagPattern, findPackages } from '../../src/detect.js';

test('findPackages: root and workspaces, private flagged, node_modules skipped', () => {
  const manifests = new Map<string, unknown>([
    ['package.json', { name: 'mono', private: true }],
    ['packages/cli/package.json', { name: '@acme/cli' }],
    ['packages/cli/node_modules/x/package.json', { name: 'x' }],
    ['broken/package.json', 'not an object'],
  ]);
  assert.equal(findPackages(manifests), [
    { dir: '', name: 'mono', private: true },
    { dir: 'packages/cli', name: '@acme/cli', private: false },
  ]);
});

const bundlerTable: [string[], string[], string[]][] = [
  [['tsup.config.ts', 'tsconfig.json'], [], ['tsc', 'tsup']],
  [['apps/web/vite.config.mts'], [], ['Vite']],
  [['webpack.config.js', 'node_modules/a/rollup.config.js'], [], ['webpack']],
  [[], ['esbuild src/cli.ts --bundle --outfile=dist/cli.js', 'bun build ./index.ts'], ['Bun', 'esbuild']],
  [['README.md'], ['node scripts/x.js'], []],
];
for (const [paths, scripts, expected] of bundlerTable) {
  test(`detectBundlers ${JSON.stringify([paths, scripts])}`, () => assert.equal(detectBundlers(paths, scripts), expected));
}

const tagTable: [string[], string, number][] = [
  [[], 'v*', 0],
  [['v1.0.0', 'v1.1.0', 'nightly'], 'v*', 2],
  [['@acme/cli@1.2.0', 'core@0.3.1', 'v0.1.0'], '*@*', 2],
  [['1.0.0', '1.0.1'], '[0-9]*', 2],
];
for (const [tags, pattern, seen] of tagTable) {
  test(`detectTagPattern ${JSON.stringify(tags)}`, () => assert.equal(detectTagPattern(tags), { pattern, seen }));
}

test.run();
