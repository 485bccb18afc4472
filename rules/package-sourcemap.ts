import type { PackageReport, PackageRule, PackedFile } from '../src/types.js';
import {
  isDeclarationMap, isMapFile, MAP_REFERRERS, rateSources, readMapFile, readMapRefs,
  type MapRating, type SourceMapInfo,
} from './support/sourcemap.js';
import { formatBytes } from './support/units.js';

// Source maps in what npm would publish: shipped .map files and maps inlined into bundles as
// base64 `sourceMappingURL=data:` comments.
// https://tc39.es/ecma426/ (Source Map: sources, sourceRoot, sourcesContent, index maps)
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files
// https://www.typescriptlang.org/tsconfig/#inlineSources
// https://esbuild.github.io/api/#sources-content
//
// Severities follow what a map gives away:
// - error: `sourcesContent` holds the package's own original sources that the package does not
//   ship. That is publishing the code base: the March 2026 CLI shipped a 60 MB cli.js.map with
//   ~1,900 TypeScript files in it; an earlier version had the same map inline in the bundle.
// - warning: `sourcesContent` holds only sources the package ships anyway (redux ships src/),
//   dependencies' code or bundler glue: bytes, not secrets.
// - warning: a map without sourcesContent (or only nulls, like comlink's `[null]`): it leaks file
//   names and structure only. Maps like that are grouped in one report, since many libraries
//   ship hundreds of them. Declaration maps (.d.ts.map) without sourcesContent are normal
//   ("go to definition" into the sources) and are not reported.
// - warning: a map that names absolute paths (/home/ci/..., C:\..., file://) leaks the build
//   machine's layout, and a sourceMappingURL to an external URL tells debuggers to fetch the map
//   from there.
// Anything that does not parse is still reported as a shipped map, never a crash.

/** How many maps without sources a grouped report names. */
const EXAMPLES = 3;

export const packageSourcemap: PackageRule = {
  id: 'package-sourcemap',
  kind: 'package',
  description: 'Source maps in the package: sourcesContent with unshipped original sources (error), other maps, inline maps and absolute paths (warning)',
  severity: 'error',
  stages: ['release'],
  source: 'https://tc39.es/ecma426/',
  check: ({ pkg }) => {
    const packed = new Set(pkg.files.map((f) => f.path));
    const reports: PackageReport[] = [];
    const bare: string[] = [];
    for (const file of pkg.files) {
      if (isMapFile(file.path)) checkMapFile(file, packed, reports, bare);
      else if (MAP_REFERRERS.test(file.path)) checkReferrer(file, packed, reports);
    }
    if (bare.length > 0) {
      reports.push({
        messageId: 'sourcemap-shipped',
        data: { map: bare[0]!, count: bare.length, examples: bare.slice(0, EXAMPLES).join(', ') },
        file: bare[0]!,
        key: bare.length === 1 ? `map:${bare[0]}` : 'maps-without-sources',
        match: bare.length === 1 ? bare[0]! : `${bare.length} source maps`,
        severity: 'warn',
      });
    }
    return reports;
  },
};

function checkMapFile(file: PackedFile, packed: ReadonlySet<string>, reports: PackageReport[], bare: string[]): void {
  const map = file.path;
  const info = readMapFile(file);
  if (!info.ok) {
    reports.push({
      messageId: 'sourcemap-shipped',
      data: { map, count: 1, examples: map, error: info.error ?? 'unreadable' },
      file: map, key: `map:${map}`, match: map, severity: 'warn',
    });
    return;
  }
  leak(info, map, reports);
  const rating = rateSources(info.sources, packed);
  if (rating.unshipped > 0) {
    reports.push({
      messageId: 'sourcemap-embeds-sources',
      data: ratingData(map, rating),
      file: map, key: `map:${map}`, match: map, severity: 'error',
    });
  } else if (rating.embedded > 0) {
    reports.push({
      messageId: 'sourcemap-embeds-shipped-sources',
      data: ratingData(map, rating),
      file: map, key: `map:${map}`, match: map, severity: 'warn',
    });
  } else if (!isDeclarationMap(map)) {
    bare.push(map);
  }
}

function checkReferrer(file: PackedFile, packed: ReadonlySet<string>, reports: PackageReport[]): void {
  const { refs, inline } = readMapRefs(file);
  if (refs.length === 0) return;
  const path = file.path;
  if (inline.length > 0) {
    // Several inline maps in one file (concatenated bundles) are one report: their sum.
    const sources = inline.flatMap((m) => m.info.sources);
    const rating = rateSources(sources, packed);
    const size = inline.reduce((sum, m) => sum + (m.ref.end - m.ref.start), 0);
    const error = inline.find((m) => !m.info.ok)?.info.error;
    reports.push({
      messageId: 'sourcemap-inline',
      data: { ...ratingData(path, rating), file: path, urlBytes: size, urlSize: formatBytes(size), ...(error ? { error } : {}) },
      file: path, key: `inline:${path}`, match: path,
      severity: rating.unshipped > 0 ? 'error' : 'warn',
    });
    for (const m of inline) if (leak(m.info, path, reports)) break;
  }
  const far = refs.find((r) => r.kind === 'external' || r.kind === 'absolute');
  if (far) {
    reports.push({
      messageId: 'sourcemap-path-leak',
      data: { map: path, example: clip(far.url), kind: far.kind === 'external' ? 'external-url' : 'absolute-path' },
      file: path, key: `map-url:${path}`, match: clip(far.url), severity: 'warn',
    });
  }
}

/** Reports absolute source paths in a map; true when it did. */
function leak(info: SourceMapInfo, map: string, reports: PackageReport[]): boolean {
  if (!info.pathLeak) return false;
  reports.push({
    messageId: 'sourcemap-path-leak',
    data: { map, example: clip(info.pathLeak), kind: 'absolute-path' },
    file: map, key: `leak:${map}`, match: clip(info.pathLeak), severity: 'warn',
  });
  return true;
}

function ratingData(map: string, rating: MapRating): Record<string, string | number> {
  return {
    map,
    sources: rating.embedded,
    total: rating.sources,
    unshipped: rating.unshipped,
    shipped: rating.shipped,
    dependencies: rating.dependencies,
    bytes: rating.bytes,
    size: formatBytes(rating.bytes),
    ...(rating.example !== undefined ? { example: clip(rating.example) } : {}),
  };
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
