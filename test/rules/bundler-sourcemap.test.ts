import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundlerSourcemap } from '../../rules/bundler-sourcemap.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const vite = (build: string): string => `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  base: 'https://cdn.example.com/app/',
  css: { devSourcemap: true },
  build: {
    outDir: 'dist',
    ${build}
  },
});
`;

const webpack = (devtool: string): string => `const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** @type {import('webpack').Configuration} */
module.exports = {
  mode: 'production',
  entry: './src/index.js',
  ${devtool}
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash].js' },
  plugins: [new HtmlWebpackPlugin()],
};
`;

const rollup = (outputs: string): string => `import typescript from '@rollup/plugin-typescript';

export default {
  input: 'src/index.ts',
  output: [
    ${outputs}
  ],
  plugins: [typescript()],
};
`;

const esbuildScript = (options: string): string => `#!/usr/bin/env node
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const pattern = /^https?:\\/\\//; // URLs stay external

await esbuild.build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  outfile: 'dist/cli.js',
  ${options}
});
`;

const bunScript = (options: string): string => `const result = await Bun.build({
  entrypoints: ['./src/index.ts'],
  outdir: './dist',
  target: 'bun',
  ${options}
});
if (!result.success) process.exit(1);
`;

const tsup = (options: string): string => `import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  ${options}
});
`;

testChangeRule(bundlerSourcemap, {
  valid: [
    { name: 'vite: unrelated edit, maps already on', path: 'vite.config.ts', before: vite('sourcemap: true,'), after: vite('sourcemap: true,\n    minify: false,') },
    {
      name: 'vite: reformatted (quotes, spacing, one line)',
      path: 'vite.config.ts',
      before: vite("sourcemap: 'hidden',"),
      after: vite('sourcemap:"hidden"').replace(/\n {4}/g, ' '),
    },
    { name: 'vite: a comment mentions sourcemap inline', path: 'vite.config.ts', before: vite(''), after: vite("// sourcemap: 'inline', // only when debugging") },
    { name: 'vite: a block comment mentions it', path: 'vite.config.ts', before: vite(''), after: vite("/* sourcemap: 'inline',\n       for a local debug build */") },
    { name: 'vite: turned off', path: 'vite.config.ts', before: vite("sourcemap: 'inline',"), after: vite('sourcemap: false,') },
    { name: 'vite: inline lowered to hidden', path: 'apps/web/vite.config.mts', before: vite("sourcemap: 'inline',"), after: vite("sourcemap: 'hidden',") },
    { name: 'vite: true to hidden (same level)', path: 'vite.config.js', before: vite('sourcemap: true,'), after: vite("sourcemap: 'hidden',") },
    { name: 'vite: computed value is not evaluated', path: 'vite.config.ts', before: vite(''), after: vite("sourcemap: mode !== 'production',") },
    { name: 'vite: css.devSourcemap is not a build map', path: 'vite.config.ts', before: vite('').replace('devSourcemap: true', 'devSourcemap: false'), after: vite('') },
    { name: 'file deleted', path: 'vite.config.ts', before: vite("sourcemap: 'inline',"), after: null },
    { name: 'not a bundler config', path: 'src/config.ts', before: null, after: vite("sourcemap: 'inline',") },
    { name: 'inside node_modules', path: 'node_modules/some-lib/vite.config.js', before: null, after: vite("sourcemap: 'inline',") },
    { name: 'webpack: devtool false stays false, entry changed', path: 'webpack.config.js', before: webpack('devtool: false,'), after: webpack('devtool: false,').replace('./src/index.js', './src/main.js') },
    { name: 'webpack: devtool none', path: 'webpack.config.js', before: webpack(''), after: webpack("devtool: 'none',") },
    { name: 'webpack: comparison, not assignment', path: 'webpack.config.js', before: webpack(''), after: webpack("...(process.env.devtool === 'eval' ? {} : {}),") },
    { name: 'webpack: dev-only devtool from a ternary', path: 'webpack.config.js', before: webpack(''), after: webpack("devtool: isDev ? 'eval-source-map' : false,") },
    { name: 'rollup: outputs reordered', path: 'rollup.config.mjs', before: rollup("{ file: 'dist/index.cjs', format: 'cjs', sourcemap: true },\n    { file: 'dist/index.mjs', format: 'es' },"), after: rollup("{ file: 'dist/index.mjs', format: 'es' },\n    { file: 'dist/index.cjs', format: 'cjs', sourcemap: true },") },
    { name: 'rollup: sourcemapExcludeSources true', path: 'rollup.config.js', before: rollup("{ file: 'dist/index.js', sourcemap: true },"), after: rollup("{ file: 'dist/index.js', sourcemap: true, sourcemapExcludeSources: true },") },
    { name: 'esbuild: options reordered', path: 'scripts/build.mjs', before: esbuildScript("sourcemap: 'linked',\n  minify: true,"), after: esbuildScript("minify: true,\n  sourcemap: 'linked',") },
    { name: 'esbuild: a CLI flag inside a string is not an option', path: 'build.mjs', before: esbuildScript(''), after: esbuildScript('').replace("const watch", "execSync('esbuild src/x.ts --sourcemap=inline');\nconst watch") },
    { name: 'esbuild: sourcesContent false', path: 'build.mjs', before: esbuildScript("sourcemap: 'external',"), after: esbuildScript("sourcemap: 'external',\n  sourcesContent: false,") },
    { name: 'Bun: sourcemap none', path: 'build.ts', before: bunScript(''), after: bunScript("sourcemap: 'none',") },
    { name: 'bunfig.toml: commented out', path: 'bunfig.toml', before: '[install]\nexact = true\n', after: '[install]\nexact = true\n# sourcemap = "inline"\n' },
    { name: 'a type declaration is not a setting', path: 'tsup.config.ts', before: tsup(''), after: tsup('').replace('export default', 'interface Extra { sourcemap?: boolean }\nexport default') },
  ],
  invalid: [
    {
      name: 'vite: build.sourcemap turned on',
      path: 'vite.config.ts', before: vite(''), after: vite('sourcemap: true,'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 11, says: ['vite build.sourcemap', 'unset -> true'] }],
    },
    {
      name: 'vite: hidden to inline',
      path: 'packages/app/vite.config.ts', before: vite("sourcemap: 'hidden',"), after: vite("sourcemap: 'inline',"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ["'hidden' -> 'inline'"] }],
    },
    {
      name: 'vite: computed value replaced by a literal',
      path: 'vite.config.ts', before: vite('sourcemap: !isProduction,'), after: vite('sourcemap: true,'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['(computed) -> true'] }],
    },
    {
      name: 'vite: `as const` literal in a new config',
      path: 'vite.config.ts', before: null, after: vite("sourcemap: 'inline' as const,"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 11 }],
    },
    {
      name: 'vite: a URL string before the setting does not hide it',
      path: 'vite.config.ts', before: vite(''), after: vite("sourcemap: 'hidden', // for Sentry uploads"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 11 }],
    },
    {
      name: 'webpack: eval-source-map',
      path: 'webpack.config.js', before: webpack('devtool: false,'), after: webpack("devtool: 'eval-source-map',"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 8, says: ['webpack devtool', 'false -> \'eval-source-map\''] }],
    },
    {
      name: 'webpack: hidden-source-map in webpack.prod.js',
      path: 'config/webpack.prod.js', before: webpack(''), after: webpack('devtool: "hidden-source-map",'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['unset -> "hidden-source-map"'] }],
    },
    {
      name: 'webpack: assignment form',
      path: 'webpack.config.babel.js', before: webpack(''), after: webpack('').replace('module.exports = {', "const config = {").replace(/};\n$/, "};\nconfig.devtool = 'inline-source-map';\nmodule.exports = config;\n"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 12, says: ["unset -> 'inline-source-map'"] }],
    },
    {
      name: 'webpack: an apostrophe in a comment does not hide the setting',
      path: 'webpack.config.js', before: webpack(''), after: webpack("// don't inline maps: Sentry gets them from the upload step\n  devtool: 'source-map',"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 9 }],
    },
    {
      name: 'rspack: devtool source-map',
      path: 'rspack.config.ts', before: webpack(''), after: webpack("devtool: 'source-map',"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['rspack devtool'] }],
    },
    {
      name: 'rollup: new output with an inline map and its sources',
      path: 'rollup.config.mjs',
      before: rollup("{ file: 'dist/index.mjs', format: 'es' },"),
      after: rollup("{ file: 'dist/index.mjs', format: 'es' },\n    {\n      file: 'dist/index.umd.js', format: 'umd', sourcemap: 'inline',\n      sourcemapExcludeSources: false,\n    },"),
      reports: [
        { messageId: 'sourcemap-enabled', severity: 'error', line: 8, says: ['rollup output.sourcemap', "unset -> 'inline'"] },
        { messageId: 'sourcemap-enabled', severity: 'error', line: 9, says: ['rollup output.sourcemapExcludeSources', 'unset -> false'] },
      ],
    },
    {
      name: 'rollup: a second output with maps',
      path: 'rollup.config.js',
      before: rollup("{ file: 'dist/index.cjs', format: 'cjs', sourcemap: true },"),
      after: rollup("{ file: 'dist/index.cjs', format: 'cjs', sourcemap: true },\n    { file: 'dist/index.mjs', format: 'es', sourcemap: true },"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 7, says: ['true -> true'] }],
    },
    {
      name: 'tsup: sourcemap true',
      path: 'tsup.config.ts', before: tsup(''), after: tsup('sourcemap: true,'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 7, says: ['tsup sourcemap'] }],
    },
    {
      name: 'tsup: inline in tsup.config.json',
      path: 'tsup.config.json', before: '{\n  "entry": ["src/index.ts"]\n}\n', after: '{\n  "entry": ["src/index.ts"],\n  "sourcemap": "inline"\n}\n',
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 3 }],
    },
    {
      name: 'esbuild: both, with sourcesContent',
      path: 'scripts/build.mjs', before: esbuildScript('minify: true,'), after: esbuildScript("minify: true,\n  sourcemap: 'both',\n  sourcesContent: true,"),
      reports: [
        { messageId: 'sourcemap-enabled', severity: 'error', line: 13, says: ["esbuild sourcemap changed: unset -> 'both'"] },
        { messageId: 'sourcemap-enabled', severity: 'error', line: 14, says: ['esbuild sourcesContent'] },
      ],
    },
    {
      name: 'esbuild: external in esbuild.config.js',
      path: 'esbuild.config.js', before: esbuildScript(''), after: esbuildScript("sourcemap: 'external',"),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn' }],
    },
    {
      name: 'Bun.build: true is inline',
      path: 'build.ts', before: bunScript("sourcemap: 'none',"), after: bunScript('sourcemap: true,'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 5, says: ['Bun.build sourcemap', "'none' -> true"] }],
    },
    {
      name: 'Bun.build: linked',
      path: 'scripts/build-release.ts', before: bunScript(''), after: bunScript('sourcemap: "linked",'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn' }],
    },
    {
      name: 'bunfig.toml: inline',
      path: 'bunfig.toml', before: '[install]\nexact = true\n', after: '[install]\nexact = true\n\n[build]\nsourcemap = "inline" # debug\n',
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 5, says: ['bunfig.toml sourcemap'] }],
    },
    {
      name: 'does not parse (unterminated comment): a warning, no crash',
      path: 'vite.config.ts', before: vite(''), after: vite('/* sourcemap: true,'),
      reports: [{ messageId: 'config-unparsable', severity: 'warn', says: ['could not parse vite.config.ts', 'unterminated comment'] }],
    },
    {
      name: 'does not parse (unterminated template literal)',
      path: 'webpack.config.js', before: webpack(''), after: webpack("devtool: `source-map,"),
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Inputs built to make the comment stripper or the setting regex go quadratic.
const ADVERSARIAL = [
  'sourcemap:' + ' '.repeat(500_000),
  'sourcemap: "' + 'a'.repeat(500_000),
  'sourcemap: true,'.repeat(60_000),
  'sourcemap: true,\n'.repeat(60_000),
  "devtool: 'x'\n".repeat(60_000),
  '=/['.repeat(300_000),
  '(/'.repeat(300_000),
  '"'.repeat(500_000),
  "'\\".repeat(300_000),
  '/*'.repeat(300_000) + '*/',
  '//\n'.repeat(300_000),
  '`' + '\\`'.repeat(300_000) + '`',
  ('"sourcemap"' + ' '.repeat(30)).repeat(20_000),
];

test('bundler-sourcemap: adversarial input stays fast', () => {
  for (const text of ADVERSARIAL) {
    for (const path of ['vite.config.ts', 'bunfig.toml']) {
      const started = performance.now();
      findingsForChange(bundlerSourcemap, { name: 'adversarial', path, before: text.slice(0, text.length >> 1), after: text });
      const ms = performance.now() - started;
      assert.ok(ms < 2000, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 30))}... in ${path}`);
    }
  }
});

test.run();
