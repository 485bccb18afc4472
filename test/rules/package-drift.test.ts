import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageDrift } from '../../rules/package-drift.js';
import { exactBytes } from '../../rules/support/units.js';
import { baselineOf, bundle, findingsForPackage, sourceMap, testPackageRule, tsModule } from '../helpers/package-tester.js';

const manifest = { name: '@acme/cli', version: '2.1.0', bin: { acme: 'dist/cli.js' } };
const oldManifest = { ...manifest, version: '2.0.0' };
const release = {
  'dist/cli.js': bundle().repeat(40),
  'dist/index.d.ts': 'export {};\n',
  'README.md': '# acme\n'.repeat(50),
  LICENSE: 'MIT License\n'.repeat(20),
};
const bigMap = sourceMap({ sources: ['../src/cli.ts'], sourcesContent: [tsModule('cli', 40_000)] });

testPackageRule(packageDrift, {
  valid: [
    { name: 'no baseline: nothing to compare with', pkg: { manifest, files: { ...release, 'dist/cli.js.map': bigMap } } },
    {
      name: 'same files, a little bigger, files removed',
      pkg: { manifest, files: { ...release, 'dist/cli.js': release['dist/cli.js'] + '// more\n' } },
      baseline: { manifest: oldManifest, files: { ...release, 'dist/old.js': 'x' } },
    },
    {
      name: 'a file over budget that was already over budget in the approved release and did not grow',
      pkg: { manifest, files: release },
      baseline: { manifest: oldManifest, files: release },
      limits: { maxFileBytes: 1000 },
    },
  ],
  invalid: [
    {
      name: 'the incident: a new 6x map next to the bundle',
      pkg: { manifest, files: { ...release, 'dist/cli.js.map': bigMap } },
      baseline: { manifest: oldManifest, files: release },
      limits: { maxGrowth: 2, maxFileBytes: 20_000 },
      reports: [
        {
          messageId: 'release-new-file', severity: 'error', file: 'dist/cli.js.map',
          says: ['new file since approved release 0.9.0: dist/cli.js.map'],
          fixSays: ['shipgate release approve'],
          data: { count: 1, added: 1, removed: 0 },
        },
        { messageId: 'release-size-growth', severity: 'error', says: ['unpacked size grew', 'x since approved release 0.9.0', '(limit 2.0x)'] },
        {
          messageId: 'release-file-over-budget', severity: 'error', file: 'dist/cli.js.map',
          says: ['dist/cli.js.map is 4', 'over the 20 kB per-file budget (was new file)'],
        },
      ],
    },
    {
      name: 'a 3x growth with maxGrowth 2',
      // The bundle grows by twice the old package's size: three times the bytes in all.
      pkg: { manifest, files: { ...release, 'dist/cli.js': release['dist/cli.js'] + 'x'.repeat(2 * baselineOf({ manifest: oldManifest, files: release }).unpackedSize) } },
      baseline: { manifest: oldManifest, files: release },
      reports: [{ messageId: 'release-size-growth', severity: 'error', data: { factor: '3.0', limit: '2.0', grown: 1, added: 0 } }],
    },
    {
      name: 'many new files: one report with the first ten',
      pkg: { manifest, files: { ...release, ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`dist/chunks/chunk-${String(i).padStart(2, '0')}.js`, 'x'])) } },
      baseline: { manifest: oldManifest, files: release },
      reports: [{
        messageId: 'release-new-file', file: 'dist/chunks/chunk-00.js',
        says: ['14 new files since', 'dist/chunks/chunk-00.js, dist/chunks/chunk-01.js', 'chunk-09.js and 4 more'],
        data: { count: 14, more: 4 },
      }],
    },
    {
      name: 'a file that grew past the budget',
      pkg: { manifest, files: { ...release, 'dist/cli.js': release['dist/cli.js'] + 'x'.repeat(600) } },
      baseline: { manifest: oldManifest, files: release },
      limits: { maxFileBytes: release['dist/cli.js'].length + 300 },
      reports: [{
        messageId: 'release-file-over-budget', file: 'dist/cli.js', says: [`dist/cli.js is ${exactBytes(release['dist/cli.js'].length + 600)}, over the ${exactBytes(release['dist/cli.js'].length + 300)} per-file budget (was ${exactBytes(release['dist/cli.js'].length)})`],
        data: { bytes: release['dist/cli.js'].length + 600 },
      }],
    },
  ],
});

test('package-drift: a different set of new files is a different finding', () => {
  const baseline = baselineOf({ manifest: oldManifest, files: release });
  const run = (extra: string) =>
    findingsForPackage(packageDrift, { name: extra, pkg: { manifest, files: { ...release, [extra]: 'x' } }, baseline });
  assert.is.not(run('dist/a.js')[0]!.fingerprint, run('dist/b.js')[0]!.fingerprint);
  assert.is(run('dist/a.js')[0]!.fingerprint, run('dist/a.js')[0]!.fingerprint);
});

test.run();
