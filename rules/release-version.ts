import type { PackageRule } from '../src/types.js';

// A release tag names a version; the package it publishes must carry the same one, or the tag
// and the registry disagree forever. `v1.2.3` and `name@1.2.3` are read; other tags are
// compared by their trailing semver.
// https://docs.npmjs.com/cli/v11/commands/npm-version
const SEMVER = /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

export function tagVersion(tag: string): string | undefined {
  return SEMVER.exec(tag)?.[1];
}

export const releaseVersion: PackageRule = {
  id: 'release-version',
  kind: 'package',
  description: 'The release tag names the version in the packed package.json',
  severity: 'error',
  stages: ['release'],
  source: 'https://docs.npmjs.com/cli/v11/commands/npm-version',
  check: ({ pkg, tag }) => {
    if (!tag) return [];
    const version = tagVersion(tag);
    if (version === undefined) return [{ messageId: 'release-tag-without-version', data: { tag }, key: `tag:${tag}`, severity: 'warn' }];
    if (version === pkg.version) return [];
    return [{ messageId: 'release-version-mismatch', data: { tag, version: pkg.version, name: pkg.name }, key: `${tag}:${pkg.version}` }];
  },
};
