import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { releaseVersion, tagVersion } from '../../rules/release-version.js';
import type { PackedPackage } from '../../src/types.js';

const pkg = (version: string): PackedPackage => ({
  name: '@acme/cli', version, manifest: { name: '@acme/cli', version }, files: [], packedSize: 0, unpackedSize: 0, origin: 'test',
});
const check = (tag: string | undefined, version: string) =>
  releaseVersion.check({ pkg: pkg(version), ...(tag ? { tag } : {}), limits: { maxGrowth: 2 }, scanText: () => [] });

const table: [string | undefined, string, string[]][] = [
  ['v1.2.0', '1.2.0', []],
  ['@acme/cli@1.2.0', '1.2.0', []],
  ['1.2.0-beta.1', '1.2.0-beta.1', []],
  ['v1.2.0', '1.1.9', ['release-version-mismatch']],
  ['@acme/cli@2.0.0', '1.2.0', ['release-version-mismatch']],
  ['v-next', '1.2.0', ['release-tag-without-version']],
  [undefined, '1.2.0', []],
];
for (const [tag, version, codes] of table) {
  test(`release-version: tag ${tag} for ${version}`, () => assert.equal(check(tag, version).map((r) => r.messageId), codes));
}

test('tagVersion reads the trailing semver', () => {
  assert.is(tagVersion('v10.0.3'), '10.0.3');
  assert.is(tagVersion('@scope/pkg@0.1.0-rc.2+build.5'), '0.1.0-rc.2+build.5');
  assert.is(tagVersion('release'), undefined);
});

test.run();
