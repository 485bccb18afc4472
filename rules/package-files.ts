import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { lineOf, parsePackageJson, previousPackage, shown } from './support/package-json.js';

// package.json "files" is the allow-list of what `npm publish` puts in the tarball.
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files
// Removing it publishes everything .npmignore (or .gitignore) does not exclude: sources, tests,
// maps, local .env files; that is an 'error' (package-files-removed). A NEW entry that matches
// what is usually kept out of a package (sources, TypeScript sources but not .d.ts, tests,
// source maps, dotfiles, everything) is an 'error' too (package-files-widened). Negations
// ("!**/*.map") only narrow and never report; build output ("dist") is fine.
// A new package.json is compared with nothing, so its risky entries report; a package.json that
// had no "files" (everything was published) and gains a list is narrowing, and does not.
// This rule is the one that reports a package.json that does not parse (config-unparsable,
// a warning): the other package rules stay silent on it, so the user sees one warning.

export const packageFiles: ChangeRule = {
  id: 'package-files',
  kind: 'change',
  description: 'package.json "files" removed, or a new entry that publishes sources, tests, maps or dotfiles',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files',
  check: ({ path, before, after }) => {
    const next = parsePackageJson(after);
    if (!next) return [];
    if (!next.ok) return [unparsable(path, next.error)];
    const prev = previousPackage(before);
    const was = prev?.['files'];
    const now = next.value['files'];
    if (Array.isArray(was) && !Array.isArray(now)) {
      return [{
        messageId: 'package-files-removed',
        data: { old: shown(was) },
        line: now === undefined ? 0 : lineOf(after, 'files'),
        key: 'files-removed',
      }];
    }
    if (!Array.isArray(now)) return [];
    if (prev !== null && !Array.isArray(was)) return []; // a new allow-list narrows what is published
    const old = new Set((Array.isArray(was) ? was : []).filter((e): e is string => typeof e === 'string').map(normalize));
    const reports: ChangeReport[] = [];
    const seen = new Set<string>();
    for (const entry of now) {
      if (typeof entry !== 'string') continue;
      const key = normalize(entry);
      if (old.has(key) || seen.has(key)) continue;
      seen.add(key);
      const matches = whatItMatches(entry);
      if (matches.length === 0) continue;
      reports.push({
        messageId: 'package-files-widened',
        data: { entry: shown(entry, 120), matches: matches.join(', ') },
        line: lineOf(after, entry, 'files'),
        key: `files+${key}`,
      });
    }
    return reports;
  },
};

/** Same entry however it is written: "./src/", "src" and "src/" are one. */
function normalize(entry: string): string {
  return entry.trim().replace(/^(?:\.\/)+(?=.)/, '').replace(/(?<=.)\/+$/, '');
}

const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', '__mocks__', '__fixtures__', 'fixtures', 'e2e', '__snapshots__']);
const SOURCE_DIRS = new Set(['src', 'source', 'sources']);

/** What a "files" entry matches that is usually kept out of a package; [] when nothing. */
export function whatItMatches(raw: string): string[] {
  const entry = normalize(raw);
  if (entry.startsWith('!') || entry.length > 500) return [];
  if (/^(?:\.|\/|\*|\*\*|\*\*\/\*|\*\.\*|\*\*\/\*\.\*|\*\*\/\*\*)$/.test(entry)) return ['everything'];
  const segments = entry.split('/');
  const last = segments[segments.length - 1]!;
  const matches: string[] = [];
  if (segments.some((s) => s.startsWith('.') && s !== '.' && s !== '..')) matches.push('dotfiles');
  if (/\.map$/.test(last)) matches.push('source maps');
  if (/\.(?:ts|tsx|mts|cts)$/.test(last) && !/\.d\.(?:ts|mts|cts)$/.test(last)) matches.push('TypeScript sources');
  if (segments.some((s) => TEST_DIRS.has(s)) || /\.(?:test|spec)\.|\.(?:test|spec)$/.test(last)) matches.push('tests');
  if (SOURCE_DIRS.has(segments[0]!)) matches.push('sources');
  return matches;
}
