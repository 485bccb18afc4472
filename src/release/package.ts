// A packed release as data: the tarball's files (lazy text), its package.json and sizes.

import { createHash } from 'node:crypto';
import type { PackedFile, PackedPackage, ReleaseFileRecord } from '../types.js';
import { readTarball, TarError } from './tar.js';

export function packageFromTarball(archive: Buffer, origin: string): PackedPackage {
  const entries = readTarball(archive);
  const files: PackedFile[] = entries.map((entry) => {
    // npm puts everything under "package/"; some tools use another top folder.
    const path = entry.path.replace(/^[^/]+\//, '');
    let text: string | null | undefined;
    return {
      path,
      size: entry.size,
      bytes: () => entry.data,
      text: () => {
        if (text === undefined) text = entry.data.subarray(0, 8000).includes(0) ? null : entry.data.toString('utf8');
        return text;
      },
    };
  });
  const manifestFile = files.find((f) => f.path === 'package.json');
  if (!manifestFile) throw new TarError('no package.json in it');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestFile.bytes().toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new TarError('its package.json is not valid JSON');
  }
  return {
    name: String(manifest['name'] ?? '(unnamed)'),
    version: String(manifest['version'] ?? '0.0.0'),
    manifest,
    files,
    packedSize: archive.length,
    unpackedSize: files.reduce((sum, f) => sum + f.size, 0),
    origin,
  };
}

/** File records (path, size, sha256) of a pack, as .shipgate/release.json stores them. */
export function fileRecords(pkg: PackedPackage): ReleaseFileRecord[] {
  return pkg.files
    .map((f) => ({ path: f.path, size: f.size, sha256: createHash('sha256').update(f.bytes()).digest('hex') }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
