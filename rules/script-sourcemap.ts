import type { ChangeRule } from '../src/types.js';
import { lineOf, parsePackageJson, previousPackage, stringEntries } from './support/package-json.js';
import { sourcemapReports, type MapLevel, type MapSetting } from './support/sourcemap-settings.js';

// Source map flags in package.json "scripts": the CLI side of bundler-sourcemap and
// tsconfig-sourcemap. What each flag does:
// - esbuild/Vite/Rollup/tsup/Bun `--sourcemap[=inline|external|linked|both|hidden]`
//   https://esbuild.github.io/api/#sourcemap  https://bun.sh/docs/bundler#sourcemap
// - tsc `--sourceMap`, `--declarationMap` (map files); `--inlineSourceMap`, `--inlineSources`
//   (the map, or the source, inside the output) https://www.typescriptlang.org/tsconfig/#sourceMap
// - Babel and swc `--source-maps [true|inline|both]` (-s)
//   https://babeljs.io/docs/babel-cli#compile-with-source-maps
// - terser/uglify/ncc `--source-map [url=inline,includeSources]` (ncc: -s)
// - webpack-cli `--devtool <value>` (-d) https://webpack.js.org/api/cli/
// - Create React App's `GENERATE_SOURCEMAP=true`
// Severity: a flag that embeds source in the output or the map (inline, both, eval modes,
// includeSources, --inlineSources, --sources-content=true) is an 'error'; one that writes
// separate .map files is a 'warn'. Flags are compared per script: a flag reports when it is
// on after and was not on (at that level) in the same script before; a script renamed or
// copied with the same command, a reformatting or an unrelated edit never reports.
// Short flags (-m, -s, -d) are read only in a command of the tool that defines them. A
// package.json that does not parse is the package-files rule's to report.

type Family = 'sourcemap' | 'source-maps' | 'source-map' | 'tsc-map' | 'tsc-inline' | 'devtool' | 'sources-content';

const LONG_FLAGS: Record<string, Family> = {
  '--sourcemap': 'sourcemap',
  '--sourceMaps': 'source-maps',
  '--source-maps': 'source-maps',
  '--source-map': 'source-map',
  '--sourceMap': 'tsc-map',
  '--declarationMap': 'tsc-map',
  '--inlineSourceMap': 'tsc-inline',
  '--inlineSources': 'tsc-inline',
  '--inline-source-map': 'tsc-inline',
  '--inline-sources': 'tsc-inline',
  '--devtool': 'devtool',
  '--sources-content': 'sources-content',
};

/** Short flags and the tools whose command they belong to. */
const SHORT_FLAGS: { tool: RegExp; flag: string; family: Family }[] = [
  { tool: /\brollup\b/, flag: '-m', family: 'sourcemap' },
  { tool: /\b(?:babel|swc)\b/, flag: '-s', family: 'source-maps' },
  { tool: /\bncc\b/, flag: '-s', family: 'source-map' },
  { tool: /\bwebpack\b/, flag: '-d', family: 'devtool' },
];

/** Which words may follow a flag as its value (else the next word is an argument, not a value). */
const SEPARATE_VALUE: Record<Family, RegExp> = {
  'sourcemap': /^(?:inline|external|linked|both|hidden|none|true|false)$/,
  'source-maps': /^(?:inline|both|true|false)$/,
  'source-map': /^(?:inline|[\w.]{1,40}=|includeSources)/,
  'tsc-map': /^(?:true|false)$/,
  'tsc-inline': /^(?:true|false)$/,
  'devtool': /^[^-]/,
  'sources-content': /^(?:true|false)$/,
};

export const scriptSourcemap: ChangeRule = {
  id: 'script-sourcemap',
  kind: 'change',
  description: 'a package.json script gains a source map flag: inline or with sources (error), separate .map files (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://esbuild.github.io/api/#sourcemap',
  check: ({ before, after }) => {
    const next = parsePackageJson(after);
    if (!next?.ok) return [];
    const nowScripts = stringEntries(next.value, 'scripts');
    const wasScripts = stringEntries(previousPackage(before), 'scripts');
    const wasByCommand = new Map<string, string>();
    for (const command of wasScripts.values()) wasByCommand.set(normalize(command), command);
    const previous: MapSetting[] = [];
    const current: MapSetting[] = [];
    for (const [name, command] of nowScripts) {
      const setting = `scripts.${name}`;
      const line = lineOf(after, name, 'scripts');
      current.push(...flagsOf(command).map((f) => ({ setting, ...f, line })));
      // The same script before, or the same command under another name (renamed, copied).
      const was = wasScripts.get(name) ?? wasByCommand.get(normalize(command));
      if (was !== undefined) previous.push(...flagsOf(was).map((f) => ({ setting, ...f, line: 0 })));
    }
    return sourcemapReports('script-sourcemap', previous, current);
  },
};

function normalize(command: string): string {
  return command.trim().replace(/\s+/g, ' ');
}

/** The source map flags of a command, each with its value as written and its level. */
export function flagsOf(command: string): { value: string; level: MapLevel }[] {
  const found: { value: string; level: MapLevel }[] = [];
  // Each command of a chain (&&, ||, ;, |) on its own: short flags depend on the tool.
  for (const segment of command.slice(0, 10_000).split(/&&|\|\||[;|]/)) {
    const words = segment.split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const cra = /^GENERATE_SOURCEMAP=(.*)$/.exec(word);
      if (cra) {
        found.push({ value: word, level: cra[1] === 'true' ? 1 : 0 });
        continue;
      }
      const eq = word.indexOf('=');
      const flag = eq === -1 ? word : word.slice(0, eq);
      const family = LONG_FLAGS[flag] ?? SHORT_FLAGS.find((s) => s.flag === flag && s.tool.test(segment))?.family;
      if (!family) continue;
      let value: string | undefined;
      let written = word;
      if (eq !== -1) value = word.slice(eq + 1);
      else if (i + 1 < words.length && SEPARATE_VALUE[family].test(words[i + 1]!)) {
        value = words[++i]!;
        written = `${word} ${value}`;
      }
      found.push({ value: written, level: levelOf(family, value) });
    }
  }
  return found;
}

function levelOf(family: Family, value: string | undefined): MapLevel {
  if (value === 'false' || value === 'none') return 0;
  switch (family) {
    case 'sourcemap':
    case 'source-maps':
      return value === 'inline' || value === 'both' ? 2 : 1;
    case 'source-map':
      return value !== undefined && /inline|includeSources/.test(value) ? 2 : 1;
    case 'tsc-map':
      return 1;
    case 'tsc-inline':
      return 2;
    case 'devtool':
      return value !== undefined && /eval|inline/.test(value) ? 2 : 1;
    case 'sources-content':
      return value === 'true' ? 2 : 0;
  }
}
