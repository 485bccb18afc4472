import type { Finding, PackageReport, PackageRule } from '../src/types.js';
import {
  hasContent, isMapFile, MAP_REFERRERS, readMapFile, readMapRefs,
  type MapSource, type SourceMappingRef,
} from './support/sourcemap.js';

// Secrets in what npm would publish, build output included: every packed text file goes through
// the release-stage content rules (context.scanText), and so does every original source that a
// source map carries in `sourcesContent`, whether the map is a shipped .map file or inlined into
// a bundle as a base64 data: URL. The map is build output that git never sees, so git-level
// scanners (push protection, pre-commit secret scanners) cannot find a token there; the March 2026
// CLI map held its whole TypeScript source. A secret found in a map is reported against the map,
// naming the original source and the line in it, which is where it has to be removed.
// https://tc39.es/ecma426/#sec-source-map-format (sourcesContent)
// https://docs.npmjs.com/cli/v10/commands/npm-pack
//
// Always an error: a published secret is public the moment the package is, and unpublishing
// does not unpublish it from mirrors and caches. The inline data: URL itself is left out of the
// file's own scan: its sources are scanned decoded, where a finding can name them.

export const packageSecrets: PackageRule = {
  id: 'package-secrets',
  kind: 'package',
  description: 'Secrets in packed files and in the original sources that source maps embed (sourcesContent)',
  severity: 'error',
  stages: ['release'],
  source: 'https://docs.npmjs.com/cli/v10/commands/npm-pack',
  check: ({ pkg, scanText: scan }) => {
    const reports: PackageReport[] = [];
    // An embedded source is scanned once per path and text: dual ESM/CJS maps embed the same
    // sources, and a package that ships src/ has the same text in its maps. Only embedded texts
    // are kept (the parsed maps hold them anyway); a shipped file only looks its text up.
    const memo = new Map<string, Map<string, Finding[]>>();
    const scanEmbedded = (path: string, text: string): Finding[] => {
      let byText = memo.get(path);
      if (!byText) memo.set(path, (byText = new Map()));
      let findings = byText.get(text);
      if (!findings) byText.set(text, (findings = scan(path, text)));
      return findings;
    };
    const scanText = (path: string, text: string): Finding[] => memo.get(path)?.get(text) ?? scan(path, text);
    for (const file of pkg.files) {
      // The same secret twice in one file (a map and its sources list) is one report.
      const seen = new Set<string>();
      const report = (finding: Finding, where: string, line?: number): void => {
        if (seen.has(finding.fingerprint)) return;
        seen.add(finding.fingerprint);
        const encoding = finding.data['encoding'];
        reports.push({
          messageId: 'secret-in-package',
          data: {
            name: String(finding.data['name'] ?? finding.ruleId),
            where,
            rule: finding.ruleId,
            ...(finding.data['revoke'] !== undefined ? { revoke: finding.data['revoke'] } : {}),
            ...(encoding !== undefined ? { encoding } : {}),
          },
          file: file.path,
          ...(line ? { line } : {}),
          key: finding.fingerprint,
          match: finding.match,
          severity: 'error',
        });
      };
      const scanSources = (sources: readonly MapSource[], label: string): void => {
        for (const source of sources) {
          if (!hasContent(source)) continue;
          for (const finding of scanEmbedded(scanPath(source), source.content)) {
            report(finding, `${file.path} (${label}original source ${source.display}, line ${finding.line})`);
          }
        }
      };

      if (isMapFile(file.path)) {
        const info = readMapFile(file);
        if (info.ok) {
          scanSources(info.sources, '');
          // The rest of a map is names and VLQ mappings; the source list is the part that can
          // carry a credential (a URL with user:password in it).
          const list = info.sources.map((s) => s.raw).join('\n');
          for (const finding of scanText(file.path, list)) report(finding, `${file.path} (sources list, entry ${finding.line})`);
          continue;
        }
        // A map that does not parse is scanned as the text it is.
      }
      const text = file.text();
      if (text === null) continue;
      let body = text;
      if (MAP_REFERRERS.test(file.path)) {
        const readable = readMapRefs(file, text).inline.filter((m) => m.info.ok);
        for (const m of readable) scanSources(m.info.sources, 'inline source map, ');
        if (readable.length) body = without(text, readable.map((m) => m.ref));
      }
      for (const finding of scanText(file.path, body)) report(finding, `${file.path}, line ${finding.line}`, finding.line);
    }
    return reports;
  },
};

/** The path a content rule sees for an embedded source: its own, so rule globs apply to it. */
function scanPath(source: MapSource): string {
  return source.candidates[0] ?? (source.display.replace(/^(?:\.\.?\/)+|^\/+/, '') || source.raw || 'source');
}

/** The text with the data: URLs cut out; lines stay where they were (a URL has no newline). */
function without(text: string, refs: readonly SourceMappingRef[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, ref.start));
    at = ref.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
