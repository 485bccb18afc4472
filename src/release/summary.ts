// What a person reads first about a release: which package, which pack, how big, compared with
// what, and what changed in the file list. Pure data and formatting.

import { plural } from '../messages.js';
import type { PackedPackage, ReleaseBaseline } from '../types.js';

export interface FileDelta {
  path: string;
  size: number;
  oldSize?: number;
}

export interface ReleaseSummary {
  package: string;
  version: string;
  origin: string;
  files: number;
  packedSize: number;
  unpackedSize: number;
  baseline: string;
  baselineUnpackedSize?: number;
  added: FileDelta[];
  removed: FileDelta[];
  grown: FileDelta[];
  /** Milliseconds per phase: worktree, install, build, pack, screen. */
  phases: Record<string, number>;
}

export function summarize(pkg: PackedPackage, baseline: ReleaseBaseline | undefined, phases: Record<string, number>): ReleaseSummary {
  const summary: ReleaseSummary = {
    package: pkg.name, version: pkg.version, origin: pkg.origin, files: pkg.files.length,
    packedSize: pkg.packedSize, unpackedSize: pkg.unpackedSize,
    baseline: baseline?.label ?? 'none (first release: no approved manifest and no earlier release tag)',
    added: [], removed: [], grown: [], phases,
  };
  if (!baseline) return summary;
  summary.baselineUnpackedSize = baseline.unpackedSize;
  const before = new Map(baseline.files.map((f) => [f.path, f.size]));
  const now = new Set<string>();
  for (const f of pkg.files) {
    now.add(f.path);
    const old = before.get(f.path);
    if (old === undefined) summary.added.push({ path: f.path, size: f.size });
    else if (f.size > old * 1.1 && f.size - old > 1024) summary.grown.push({ path: f.path, size: f.size, oldSize: old });
  }
  for (const [path, size] of before) if (!now.has(path)) summary.removed.push({ path, size });
  const bySize = (a: FileDelta, b: FileDelta): number => b.size - a.size;
  summary.added.sort(bySize);
  summary.removed.sort(bySize);
  summary.grown.sort((a, b) => b.size - (b.oldSize ?? 0) - (a.size - (a.oldSize ?? 0)));
  return summary;
}

/** 1536 -> "1.5 kB", 62914560 -> "62.9 MB" (SI units, as npm prints them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatSummary(s: ReleaseSummary, limit = 10): string[] {
  const lines = [
    `release ${s.package}@${s.version} (${s.origin}): ${plural(s.files, 'file')}, ${formatBytes(s.packedSize)} packed, ${formatBytes(s.unpackedSize)} unpacked`,
    `  compared with: ${s.baseline}${s.baselineUnpackedSize !== undefined ? ` (${formatBytes(s.baselineUnpackedSize)} unpacked, ${(s.unpackedSize / Math.max(1, s.baselineUnpackedSize)).toFixed(2)}x now)` : ''}`,
  ];
  const list = (label: string, items: FileDelta[], show: (d: FileDelta) => string): void => {
    if (items.length === 0) return;
    lines.push(`  ${label} (${items.length}):`);
    for (const d of items.slice(0, limit)) lines.push(`    ${show(d)}`);
    if (items.length > limit) lines.push(`    ... and ${items.length - limit} more`);
  };
  list('+ added', s.added, (d) => `+ ${d.path}  ${formatBytes(d.size)}`);
  list('- removed', s.removed, (d) => `- ${d.path}  ${formatBytes(d.size)}`);
  list('~ grown', s.grown, (d) => `~ ${d.path}  ${formatBytes(d.oldSize ?? 0)} -> ${formatBytes(d.size)}`);
  const phases = Object.entries(s.phases).filter(([, ms]) => ms > 0);
  if (phases.length) lines.push(`  time: ${phases.map(([k, ms]) => `${k} ${ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`}`).join(', ')}`);
  return lines;
}
