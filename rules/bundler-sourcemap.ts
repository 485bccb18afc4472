import type { ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { findSettings, stripJsComments, stripTomlComments, unquote } from './support/js-config.js';
import { sourcemapReports, type MapLevel, type MapSetting } from './support/sourcemap-settings.js';

// Bundler source map settings, in config files READ AS TEXT (never executed or imported):
// - esbuild `sourcemap`: true/'linked'/'external' write .map files, 'inline' and 'both' put the
//   map in the bundle; `sourcesContent: true` embeds the sources in the map.
//   https://esbuild.github.io/api/#sourcemap  https://esbuild.github.io/api/#sources-content
// - tsup `sourcemap`: true or 'inline'. https://tsup.egoist.dev/#generate-sourcemap-file
// - Vite `build.sourcemap`: true/'hidden' write .map files, 'inline' puts them in the bundle.
//   https://vite.dev/config/build-options.html#build-sourcemap
// - Rollup `output.sourcemap`: true/'hidden'/'inline'; `sourcemapExcludeSources: false` keeps
//   the sources in the map. https://rollupjs.org/configuration-options/#output-sourcemap
// - webpack and Rspack `devtool`: any value but false/'none' makes maps; eval* modes wrap the
//   code of each module in eval strings and *inline* modes put the map in the bundle.
//   https://webpack.js.org/configuration/devtool/  https://rspack.dev/config/devtool
// - Bun `sourcemap` (Bun.build, bunfig.toml): 'linked'/'external' write .map files, 'inline'
//   (and true, its alias) puts the map in the bundle. https://bun.sh/docs/bundler#sourcemap
// Severity: a setting that embeds source in what ships (inline modes, eval modes, sourcesContent
// kept) blocks, 'error'; one that writes maps to separate files (true, external, linked, hidden)
// is a 'warn': the maps only ship if "files" or .npmignore let them through.
// Only literal values count: a computed one (`sourcemap: !isProd`) is not evaluated. The settings
// found before and after are compared as counts, so reformatting, moving or commenting never
// reports; a setting reports when it is on after and was not on (at that level) before.
// CLI flags (`esbuild --sourcemap`) are the script-sourcemap rule's.

type Tool = 'vite' | 'rollup' | 'webpack' | 'rspack' | 'tsup' | 'esbuild' | 'bun' | 'bunfig' | 'build script';

const KEYS = ['sourcemap', 'devtool', 'sourcesContent', 'sourcemapExcludeSources'] as const;
type Key = (typeof KEYS)[number];

const JS = '{js,cjs,mjs,ts,cts,mts}';

export const bundlerSourcemap: ChangeRule = {
  id: 'bundler-sourcemap',
  kind: 'change',
  description:
    'a bundler config (esbuild, tsup, Vite, Rollup, webpack, Rspack, Bun) turns on source maps: inline, eval or with sources (error), separate .map files (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: [
    `**/{vite,rollup,webpack,rspack,tsup,esbuild}.config.${JS}`,
    // webpack.prod.js, vite.lib.config.ts, rollup.config.lib.mjs
    `**/{vite,rollup,webpack,rspack,tsup,esbuild}.*.${JS}`,
    '**/tsup.config.json',
    // build scripts that call esbuild's build() or Bun.build()
    `**/{build,bundle}.${JS}`,
    `**/scripts/{build,bundle}*.${JS}`,
    '**/bunfig.toml',
  ],
  excludeFiles: ['**/node_modules/**', '**/*.d.{ts,cts,mts}'],
  source: 'https://esbuild.github.io/api/#sourcemap',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const toml = path === 'bunfig.toml' || path.endsWith('/bunfig.toml');
    const strip = toml ? stripTomlComments : stripJsComments;
    const next = strip(after);
    if (next.error) return [unparsable(path, next.error)];
    const tool = toolOf(path, next.text);
    const settingsOf = (text: string): MapSetting[] =>
      findSettings(text, KEYS).map((found) => {
        const key = found.key as Key;
        return {
          setting: labelOf(tool, key),
          value: found.literal ?? '(computed)',
          level: found.literal === undefined ? 0 : levelOf(tool, key, found.literal),
          line: found.line,
          lineText: found.lineText,
        };
      });
    const previous = before === null ? null : settingsOf(strip(before).text);
    return sourcemapReports('bundler-sourcemap', previous, settingsOf(next.text));
  },
};

/** The tool a file configures: from its name, else from what the (new) text calls. */
function toolOf(path: string, text: string): Tool {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'bunfig.toml') return 'bunfig';
  const named = /^(vite|rollup|webpack|rspack|tsup|esbuild)\./.exec(base);
  if (named) return named[1] as Tool;
  if (/\bBun\.build\s{0,20}\(/.test(text)) return 'bun';
  for (const tool of ['esbuild', 'tsup', 'rspack', 'webpack', 'rollup', 'vite'] as const) {
    if (new RegExp(`\\b${tool}\\b`).test(text)) return tool;
  }
  return 'build script';
}

function labelOf(tool: Tool, key: Key): string {
  switch (key) {
    case 'devtool':
      return `${tool === 'rspack' ? 'rspack' : 'webpack'} devtool`;
    case 'sourcemapExcludeSources':
      return tool === 'vite' ? 'vite build.rollupOptions.output.sourcemapExcludeSources' : 'rollup output.sourcemapExcludeSources';
    case 'sourcesContent':
      return `${tool} sourcesContent`;
    case 'sourcemap':
      switch (tool) {
        case 'vite': return 'vite build.sourcemap';
        case 'rollup': return 'rollup output.sourcemap';
        case 'bun': return 'Bun.build sourcemap';
        case 'bunfig': return 'bunfig.toml sourcemap';
        default: return `${tool} sourcemap`;
      }
  }
}

const OFF = new Set(['false', 'null', 'undefined', 'none', '']);

function levelOf(tool: Tool, key: Key, literal: string): MapLevel {
  const value = unquote(literal);
  switch (key) {
    case 'sourcesContent':
      return literal === 'true' ? 2 : 0;
    case 'sourcemapExcludeSources':
      return literal === 'false' ? 2 : 0;
    case 'devtool':
      if (OFF.has(value)) return 0;
      return /eval|inline/.test(value) ? 2 : 1;
    case 'sourcemap':
      if (OFF.has(value)) return 0;
      // Bun: true is an alias for 'inline'; esbuild: 'both' is inline plus a .map file.
      if (literal === 'true') return tool === 'bun' || tool === 'bunfig' ? 2 : 1;
      return value === 'inline' || value === 'both' ? 2 : 1;
  }
}
