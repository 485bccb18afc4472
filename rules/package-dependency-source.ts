import type { ChangeReport, ChangeRule } from '../src/types.js';
import { lineOf, parsePackageJson, previousPackage, redactUrl, shown, stringEntries } from './support/package-json.js';

// A dependency spec that is not a registry version bypasses the registry: a git repository
// (git+https:, git+ssh:, git:, github:, gitlab:, bitbucket:, gist:, user/repo, git@host:path,
// https://github.com/user/repo), a tarball URL (any other http(s) URL), or a local path (file:,
// link:, portal:, ./, ../, /). No integrity from the registry, no audit, and the code can change
// under everyone who installs it.
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#dependencies
// Severity 'error', except a local path in a private package (a workspace linking its siblings
// on purpose): 'warn'. workspace:, npm: aliases and catalog: are fine.
// A dependency reports when its spec is new: not the spec it had before in any of the four
// dependency fields (moving it between fields, reformatting, reordering never report). A
// package.json that does not parse reports nothing here (package-files reports it). Credentials
// in a URL are hidden in the report.
// Not covered: overrides, resolutions (nested, per package manager) and bundleDependencies.

const FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export type SpecKind = 'git repository' | 'tarball URL' | 'local path';

export const packageDependencySource: ChangeRule = {
  id: 'package-dependency-source',
  kind: 'change',
  description: 'package.json dependency newly points at a git repository, a tarball URL or a local path',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#dependencies',
  check: ({ after, before }) => {
    const next = parsePackageJson(after);
    if (!next?.ok) return [];
    const prev = previousPackage(before);
    const wasSpecs = new Map<string, Set<string>>();
    for (const field of FIELDS) {
      for (const [name, spec] of stringEntries(prev, field)) {
        if (!wasSpecs.has(name)) wasSpecs.set(name, new Set());
        wasSpecs.get(name)!.add(spec.trim());
      }
    }
    const isPrivate = Boolean(next.value['private']);
    const reports: ChangeReport[] = [];
    const seen = new Set<string>();
    for (const field of FIELDS) {
      for (const [name, spec] of stringEntries(next.value, field)) {
        const kind = specKind(spec);
        if (!kind || wasSpecs.get(name)?.has(spec.trim())) continue;
        const safe = shown(redactUrl(spec.trim()));
        const key = `${name}=${safe}`;
        if (seen.has(key)) continue; // the same spec in dependencies and peerDependencies
        seen.add(key);
        reports.push({
          messageId: 'package-dependency-source',
          data: { dependency: name, spec: safe, kind },
          line: lineOf(after, name, field),
          key,
          severity: kind === 'local path' && isPrivate ? 'warn' : 'error',
        });
      }
    }
    return reports;
  },
};

/** Where a dependency spec points when it is not the registry; undefined for registry specs. */
export function specKind(raw: string): SpecKind | undefined {
  const spec = raw.trim();
  if (spec.length > 2000 || /^(?:workspace|npm|catalog):/i.test(spec)) return undefined;
  if (/^(?:file|link|portal):/i.test(spec)) return 'local path';
  if (/^(?:\.{1,2}(?:[/\\]|$)|\/|~\/|[A-Za-z]:[/\\])/.test(spec)) return 'local path';
  if (/^git(?:\+[A-Za-z]{1,10})?:/i.test(spec)) return 'git repository';
  if (/^(?:github|gitlab|bitbucket|gist):/i.test(spec)) return 'git repository';
  if (/^[\w.-]{1,100}@[\w.-]{1,253}:[^/\\]/.test(spec)) return 'git repository'; // git@github.com:user/repo.git
  if (/^https?:\/\//i.test(spec)) {
    if (/\.git(?:#.{0,500})?$/i.test(spec)) return 'git repository';
    if (/^https?:\/\/(?:[^@/]{1,500}@)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|gist\.github\.com)\/[^/#]{1,200}\/[^/#]{1,200}\/?(?:#.{0,500})?$/i.test(spec)) {
      return 'git repository';
    }
    return 'tarball URL';
  }
  if (/^[A-Za-z0-9][\w.-]{0,100}\/[\w.-]{1,100}(?:#\S{0,500})?$/.test(spec)) return 'git repository'; // user/repo
  return undefined;
}
