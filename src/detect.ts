// What `shipgate init` works out about a repository, as pure functions of file names, file
// contents and tag names, so each guess is table-tested.

export interface PackageInfo {
  /** Folder relative to the repository root ('' for the root). */
  dir: string;
  name: string;
  private: boolean;
}

/** Packages from package.json files (repo-relative paths with their parsed contents), node_modules skipped. */
export function findPackages(manifests: ReadonlyMap<string, unknown>): PackageInfo[] {
  const out: PackageInfo[] = [];
  for (const [path, json] of manifests) {
    if (path.split('/').includes('node_modules')) continue;
    if (typeof json !== 'object' || json === null) continue;
    const pkg = json as { name?: unknown; private?: unknown };
    out.push({
      dir: path === 'package.json' ? '' : path.slice(0, -'/package.json'.length),
      name: typeof pkg.name === 'string' ? pkg.name : '(unnamed)',
      private: pkg.private === true,
    });
  }
  return out.sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

const BUNDLERS: [RegExp, string][] = [
  [/(^|\/)tsup\.config\.[cm]?[jt]s$/, 'tsup'],
  [/(^|\/)vite\.config\.[cm]?[jt]s$/, 'Vite'],
  [/(^|\/)rollup\.config\.[cm]?[jt]s$/, 'Rollup'],
  [/(^|\/)webpack\.config\.[cm]?[jt]s$/, 'webpack'],
  [/(^|\/)rspack\.config\.[cm]?[jt]s$/, 'Rspack'],
  [/(^|\/)esbuild\.config\.[cm]?[jt]s$|(^|\/)build\.[cm]?[jt]s$/, 'esbuild'],
  [/(^|\/)\.swcrc$/, 'swc'],
  [/(^|\/)bunfig\.toml$/, 'Bun'],
  [/(^|\/)tsconfig(\.[\w-]+)?\.json$/, 'tsc'],
];

/** Bundlers seen from config file names and the build scripts of package.json files. */
export function detectBundlers(paths: readonly string[], scripts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    if (path.split('/').includes('node_modules')) continue;
    for (const [re, name] of BUNDLERS) if (re.test(path)) found.add(name);
  }
  const scriptNames: [RegExp, string][] = [
    [/\besbuild\b/, 'esbuild'], [/\btsup\b/, 'tsup'], [/\bvite build\b/, 'Vite'], [/\brollup\b/, 'Rollup'],
    [/\bwebpack\b/, 'webpack'], [/\bbun build\b/, 'Bun'], [/\btsc\b/, 'tsc'], [/\bswc\b/, 'swc'],
  ];
  for (const script of scripts) for (const [re, name] of scriptNames) if (re.test(script)) found.add(name);
  return [...found].sort();
}

/** The release tag pattern the existing tags follow: v1.2.3 -> "v*", name@1.2.3 -> "*@*", 1.2.3 -> "[0-9]*". */
export function detectTagPattern(tags: readonly string[]): { pattern: string; seen: number } {
  const kinds: Record<string, number> = { 'v*': 0, '*@*': 0, '[0-9]*': 0 };
  for (const tag of tags) {
    if (/^v\d+\.\d+\.\d+/.test(tag)) kinds['v*']!++;
    else if (/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+/.test(tag)) kinds['*@*']!++;
    else if (/^\d+\.\d+\.\d+/.test(tag)) kinds['[0-9]*']!++;
  }
  const [pattern, seen] = Object.entries(kinds).sort((a, b) => b[1] - a[1])[0]!;
  return seen === 0 ? { pattern: 'v*', seen: 0 } : { pattern, seen };
}
