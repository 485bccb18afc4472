// .shipgate/release.json: the approved release, committed with the repository. File names,
// sizes and hashes of what shipped, totals, and whether source maps were approved.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config.js';
import type { PackedPackage, ReleaseBaseline, ReleaseFileRecord } from '../types.js';
import { fileRecords } from './package.js';

export const APPROVED_FILE = '.shipgate/release.json';

export interface ApprovedManifest {
  version: 1;
  package: string;
  release: string;
  approvedAt: string;
  totals: { files: number; unpackedSize: number; packedSize: number };
  /** Source maps in the approved pack: approving them makes them expected. */
  sourceMaps: string[];
  manifest: Record<string, unknown>;
  files: ReleaseFileRecord[];
}

export function approvedManifest(pkg: PackedPackage, now = new Date()): ApprovedManifest {
  const files = fileRecords(pkg);
  return {
    version: 1,
    package: pkg.name,
    release: pkg.version,
    approvedAt: now.toISOString(),
    totals: { files: files.length, unpackedSize: pkg.unpackedSize, packedSize: pkg.packedSize },
    sourceMaps: files.filter((f) => f.path.endsWith('.map')).map((f) => f.path),
    manifest: pkg.manifest,
    files,
  };
}

export function writeApproved(root: string, pkg: PackedPackage): string {
  const file = join(root, APPROVED_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(approvedManifest(pkg), null, 2) + '\n');
  return file;
}

/** The approved release of a package as a baseline; a corrupt file is a config error (exit 2). */
export function readApproved(root: string, name: string): ReleaseBaseline | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, APPROVED_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(APPROVED_FILE, [`cannot be read: ${(error as Error).message}`]);
  }
  let value: Partial<ApprovedManifest>;
  try {
    value = JSON.parse(text) as Partial<ApprovedManifest>;
  } catch (error) {
    throw new ConfigError(APPROVED_FILE, [`is not valid JSON (${(error as Error).message.slice(0, 80)}); recreate it with \`shipgate release approve\``]);
  }
  const problems: string[] = [];
  if (value.version !== 1) problems.push('"version" must be 1');
  if (typeof value.package !== 'string') problems.push('"package" must be the package name');
  if (typeof value.release !== 'string') problems.push('"release" must be the approved version');
  if (!Array.isArray(value.files) || value.files.some((f) => typeof f?.path !== 'string' || typeof f?.size !== 'number')) {
    problems.push('"files" must list {path, size, sha256}');
  }
  if (problems.length) throw new ConfigError(APPROVED_FILE, [...problems, 'recreate it with `shipgate release approve`']);
  if (value.package !== name) return undefined; // approved for another package of a monorepo
  return {
    label: `approved release ${value.release} (${APPROVED_FILE})`,
    version: value.release!,
    files: value.files!,
    unpackedSize: value.totals?.unpackedSize ?? value.files!.reduce((s, f) => s + f.size, 0),
    ...(value.manifest ? { manifest: value.manifest } : {}),
    ...(Array.isArray(value.sourceMaps) ? { approvedMaps: value.sourceMaps.filter((m) => typeof m === 'string') } : {}),
  };
}
