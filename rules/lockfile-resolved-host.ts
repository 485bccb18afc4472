import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';

// Lockfile entries that now resolve from a new host, or over plain http. A lockfile diff is
// thousands of lines nobody reads, which is what makes it a good place to slip in a tarball from
// somewhere else (lockfile injection). Hosts the lockfile already used before the change are
// accepted, so a repository on a private registry keeps working; registry.npmjs.org and
// registry.yarnpkg.com always are, over https. One report per new host keeps the report short.
// Lockfiles can be megabytes: package-lock.json is JSON.parse'd, yarn.lock and pnpm-lock.yaml are
// read with a line scan, never a YAML parse.
// https://snyk.io/blog/why-npm-lockfiles-can-be-a-security-blindspot-for-injecting-malicious-modules/

const PUBLIC_HOSTS = new Set(['registry.npmjs.org', 'registry.yarnpkg.com']);

interface Resolved {
  pkg: string;
  url: string;
  /** 1-based, or 0 when it is found only for a report. */
  line: number;
}

interface Origin {
  host: string;
  insecure: boolean;
}

/** Host of a resolved URL: https, http, git+ssh, git+https, ssh and scp-like git@host:path. */
export function originOf(url: string): Origin | undefined {
  const scp = /^[\w.-]{1,100}@([\w.-]{1,253}):(?!\/)/.exec(url);
  if (scp) return { host: scp[1]!.toLowerCase(), insecure: false };
  if (!/^(?:git\+)?[a-z][a-z0-9+.-]{0,20}:\/\//i.test(url)) return undefined; // file:, link:, npm:, workspace:
  try {
    const parsed = new URL(url.replace(/^git\+/i, ''));
    if (!parsed.host) return undefined;
    return { host: parsed.host.toLowerCase(), insecure: parsed.protocol === 'http:' };
  } catch {
    return undefined;
  }
}

/** "@scope/name@^1.0.0" -> "@scope/name"; pnpm's "/name/1.0.0" (v5) -> "name". */
function packageName(spec: string): string {
  let s = spec.trim().replace(/^['"]|['"]$/g, '').replace(/^\//, '');
  const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
  if (at > 0) return s.slice(0, at);
  const slash = s.lastIndexOf('/');
  s = slash > 0 ? s.slice(0, slash) : s;
  return s;
}

function fromPackageLock(text: string): Resolved[] | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]!.slice(0, 120) };
  }
  const out: Resolved[] = [];
  const record = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const root = record(data);
  // lockfileVersion 2 and 3: "packages", keyed by install path.
  for (const [key, entry] of Object.entries(record(root?.['packages']) ?? {})) {
    const resolved = record(entry)?.['resolved'];
    if (key === '' || typeof resolved !== 'string') continue;
    const name = record(entry)?.['name'];
    out.push({ pkg: typeof name === 'string' ? name : key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), url: resolved, line: 0 });
  }
  // lockfileVersion 1 (and 2's copy of it): nested "dependencies".
  const walk = (deps: unknown, depth: number): void => {
    if (depth > 64) return;
    for (const [name, entry] of Object.entries(record(deps) ?? {})) {
      const resolved = record(entry)?.['resolved'];
      if (typeof resolved === 'string') out.push({ pkg: name, url: resolved, line: 0 });
      walk(record(entry)?.['dependencies'], depth + 1);
    }
  };
  walk(root?.['dependencies'], 0);
  return out;
}

const YARN_RESOLVED = /^\s{1,16}resolved:?\s{1,16}"?([^"\s]{1,4096})/;
const YARN_RESOLUTION = /^\s{1,16}resolution:\s{1,16}"?([^"\s]{1,4096})/;
const PNPM_URL = /\b(?:tarball|repo):\s{0,8}['"]?([^'",}\s]{1,4096})/g;

/** yarn.lock (v1 and Berry) and pnpm-lock.yaml, one line at a time. */
function fromTextLockfile(text: string): Resolved[] {
  const out: Resolved[] = [];
  const lines = text.split('\n');
  let pkg = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (indent <= 2 && trimmed.endsWith(':') && !trimmed.startsWith('#') && /[@/]/.test(trimmed)) {
      // An entry's header: `"@babel/core@^7.0.0", "@babel/core@^7.1.0":` or `  /lodash@4.17.21:`.
      pkg = packageName(trimmed.slice(0, -1).split(', ')[0]!);
      continue;
    }
    if (!/resol|tarball|repo:/.test(trimmed)) continue;
    const resolved = YARN_RESOLVED.exec(line);
    if (resolved) out.push({ pkg, url: resolved[1]!, line: i + 1 });
    const resolution = YARN_RESOLUTION.exec(line);
    if (resolution) {
      // Berry: resolution: "name@npm:1.0.0" names no host; "name@https://host/x.tgz" does.
      const value = resolution[1]!;
      const at = value.indexOf('@', value.startsWith('@') ? 1 : 0);
      if (at > 0) out.push({ pkg: value.slice(0, at), url: value.slice(at + 1), line: i + 1 });
    }
    PNPM_URL.lastIndex = 0;
    for (let m = PNPM_URL.exec(line); m; m = PNPM_URL.exec(line)) out.push({ pkg, url: m[1]!, line: i + 1 });
  }
  return out;
}

function readLockfile(path: string, text: string): Resolved[] | { error: string } {
  return /\.json$/i.test(path) ? fromPackageLock(text) : fromTextLockfile(text);
}

function lineOfText(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) return 0;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const originKey = (o: Origin): string => `${o.insecure ? 'http' : 'https'}://${o.host}`;

export const lockfileResolvedHost: ChangeRule = {
  id: 'lockfile-resolved-host',
  kind: 'change',
  description: 'lockfile entries resolve from a host the lockfile did not use before, or over plain http',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://snyk.io/blog/why-npm-lockfiles-can-be-a-security-blindspot-for-injecting-malicious-modules/',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readLockfile(path, after);
    if ('error' in next) return [unparsable(path, next.error)];
    const known = new Set<string>();
    const prev = before === null ? [] : readLockfile(path, before);
    if (!('error' in prev)) {
      for (const r of prev) {
        const origin = originOf(r.url);
        if (origin) known.add(originKey(origin));
      }
    }
    const reports: ChangeReport[] = [];
    for (const r of next) {
      const origin = originOf(r.url);
      if (!origin) continue;
      const key = originKey(origin);
      if (known.has(key) || (PUBLIC_HOSTS.has(origin.host) && !origin.insecure)) continue;
      known.add(key);
      reports.push({
        messageId: 'lockfile-resolved-host',
        data: { package: r.pkg || '(unnamed entry)', host: origin.host, ...(origin.insecure ? { insecure: 'yes' } : {}) },
        line: r.line || lineOfText(after, `"${r.url}"`),
        key: `host:${key}`,
      });
    }
    return reports;
  },
};
