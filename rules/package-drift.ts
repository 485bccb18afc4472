import type { PackageReport, PackageRule } from '../src/types.js';
import { formatBytes, formatFactor, formatSizes } from './support/units.js';

// The package against the last approved release (.shipgate/release.json) or the previous
// release tag: what is new, how much bigger it got, and which file outgrew its budget. Nothing
// is reported without a baseline (the first release has nothing to be compared with).
// https://docs.npmjs.com/cli/v10/commands/npm-pack (the file list and sizes compared here)
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files
//
// All errors, because each is how the March 2026 release looked from outside: one new file
// (cli.js.map) and an unpacked size about 6x the previous version's. A new file is often
// intended, and `shipgate release approve` records it; the point is that someone looks. New files
// are one report (the count and the first paths) so that a release with many reads in one line.
// Removed entry points are package-manifest's job. Every report carries the diff's counts
// (added, removed, grown) for the summary.

/** How many new paths a report names. */
const LISTED = 10;

export const packageDrift: PackageRule = {
  id: 'package-drift',
  kind: 'package',
  description: 'Package against the approved release: new files, unpacked size growth past release.maxGrowth, files past release.maxFileBytes',
  severity: 'error',
  stages: ['release'],
  source: 'https://docs.npmjs.com/cli/v10/commands/npm-pack',
  check: ({ pkg, baseline, limits }) => {
    if (!baseline) return [];
    const before = new Map(baseline.files.map((f) => [f.path, f]));
    const now = new Set(pkg.files.map((f) => f.path));
    const added = pkg.files.filter((f) => !before.has(f.path)).map((f) => f.path).sort();
    const removed = baseline.files.filter((f) => !now.has(f.path)).length;
    const grown = pkg.files.filter((f) => {
      const old = before.get(f.path);
      return old !== undefined && f.size > old.size;
    }).length;
    const diff = { added: added.length, removed, grown, baseline: baseline.label, baselineVersion: baseline.version };
    const reports: PackageReport[] = [];

    if (added.length > 0) {
      reports.push({
        messageId: 'release-new-file',
        data: {
          ...diff,
          count: added.length,
          files: added.slice(0, LISTED).join(', '),
          more: Math.max(0, added.length - LISTED),
        },
        file: added[0]!,
        // A different set of new files is a different finding: approving one list does not hide the next.
        key: `new-files:${added.join('\0')}`,
        match: added.length === 1 ? added[0]! : `${added.length} new files`,
        severity: 'error',
      });
    }

    const oldSize = baseline.unpackedSize;
    const newSize = pkg.unpackedSize;
    if (oldSize > 0 && newSize / oldSize >= limits.maxGrowth) {
      const factor = newSize / oldSize;
      reports.push({
        messageId: 'release-size-growth',
        data: {
          ...diff,
          old: formatBytes(oldSize), new: formatBytes(newSize), factor: formatFactor(factor),
          limit: formatFactor(limits.maxGrowth), oldBytes: oldSize, newBytes: newSize,
        },
        key: `growth:${baseline.version}->${pkg.version}`,
        match: `${formatBytes(oldSize)} -> ${formatBytes(newSize)}`,
        severity: 'error',
      });
    }

    const budget = limits.maxFileBytes;
    if (budget !== undefined && budget > 0) {
      for (const file of pkg.files) {
        if (file.size <= budget) continue;
        const old = before.get(file.path);
        // Over budget in the approved release too: approved, as long as it did not grow.
        if (old && old.size > budget && file.size <= old.size) continue;
        const [size, limit, was] = formatSizes(file.size, budget, ...(old ? [old.size] : []));
        reports.push({
          messageId: 'release-file-over-budget',
          data: {
            ...diff,
            file: file.path, size: size!, budget: limit!, old: was ?? 'new file', bytes: file.size,
          },
          file: file.path,
          key: `budget:${file.path}`,
          match: file.path,
          severity: 'error',
        });
      }
    }
    return reports;
  },
};
