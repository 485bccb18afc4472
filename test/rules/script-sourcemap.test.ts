import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scriptSourcemap } from '../../rules/script-sourcemap.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name: '@acme/cli', version: '2.4.0', type: 'module', bin: { acme: 'dist/cli.js' }, scripts, ...extra }, null, 2) + '\n';

const base = {
  build: 'esbuild src/cli.ts --bundle --platform=node --outfile=dist/cli.js',
  test: 'node --enable-source-maps --test dist/test',
  lint: 'eslint .',
};

testChangeRule(scriptSourcemap, {
  valid: [
    { name: 'unrelated script added', path: 'package.json', before: pkg(base), after: pkg({ ...base, format: 'prettier --write .' }) },
    { name: 'version bump only', path: 'package.json', before: pkg(base), after: pkg(base).replace('2.4.0', '2.5.0') },
    { name: 'reformatted (tabs, one line)', path: 'package.json', before: pkg({ ...base, build: `${base.build} --sourcemap` }), after: JSON.stringify(JSON.parse(pkg({ ...base, build: `${base.build}  --sourcemap` }))) },
    { name: 'flag already there, other flags changed', path: 'package.json', before: pkg({ ...base, build: `${base.build} --sourcemap=inline` }), after: pkg({ ...base, build: `${base.build} --minify --sourcemap=inline` }) },
    { name: 'script renamed, same command', path: 'package.json', before: pkg({ ...base, build: `${base.build} --sourcemap` }), after: pkg({ ...base, build: undefined as unknown as string, 'build:cli': `${base.build} --sourcemap` }) },
    { name: 'inline lowered to external', path: 'package.json', before: pkg({ ...base, build: `${base.build} --sourcemap=inline` }), after: pkg({ ...base, build: `${base.build} --sourcemap=external` }) },
    { name: 'flag turned off', path: 'package.json', before: pkg(base), after: pkg({ ...base, build: `${base.build} --sourcemap=none`, 'build:types': 'tsc --sourceMap false' }) },
    { name: '--no-sourcemap', path: 'package.json', before: pkg(base), after: pkg({ ...base, build: 'rollup -c --no-sourcemap' }) },
    { name: 'node --enable-source-maps is a runtime flag', path: 'package.json', before: pkg({}), after: pkg(base) },
    { name: '-s outside babel/swc/ncc is not a map flag', path: 'package.json', before: pkg(base), after: pkg({ ...base, serve: 'http-server dist -s -p 8080' }) },
    { name: 'file deleted', path: 'package.json', before: pkg({ build: 'tsc --inlineSourceMap' }), after: null },
    { name: 'does not parse: package-files reports it', path: 'package.json', before: pkg(base), after: '{ "scripts": { "build": "tsc --inlineSources" ' },
    { name: 'not a package.json', path: 'composer.json', before: pkg(base), after: pkg({ ...base, build: `${base.build} --sourcemap=inline` }) },
    { name: 'inside node_modules', path: 'node_modules/esbuild/package.json', before: null, after: pkg({ build: 'esbuild --sourcemap=inline' }) },
  ],
  invalid: [
    {
      name: 'esbuild --sourcemap=inline',
      path: 'package.json', before: pkg(base), after: pkg({ ...base, build: `${base.build} --sourcemap=inline` }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 9, says: ['scripts.build changed: unset -> --sourcemap=inline'] }],
    },
    {
      name: 'esbuild --sourcemap (linked)',
      path: 'package.json', before: pkg(base), after: pkg({ ...base, build: `${base.build} --sourcemap` }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['unset -> --sourcemap'] }],
    },
    {
      name: 'external raised to inline',
      path: 'package.json', before: pkg({ ...base, build: `${base.build} --sourcemap=external` }), after: pkg({ ...base, build: `${base.build} --sourcemap=inline` }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['--sourcemap=external -> --sourcemap=inline'] }],
    },
    {
      name: 'tsc --sourceMap and --inlineSources in a new script',
      path: 'packages/core/package.json', before: pkg(base), after: pkg({ ...base, 'build:types': 'tsc -p tsconfig.build.json --sourceMap --inlineSources' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['scripts.build:types', '--inlineSources'] }],
    },
    {
      name: 'tsc --declarationMap next to an existing --sourceMap',
      path: 'package.json', before: pkg({ build: 'tsc --sourceMap' }), after: pkg({ build: 'tsc --sourceMap --declarationMap' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['--sourceMap -> --declarationMap'] }],
    },
    {
      name: 'babel --source-maps inline',
      path: 'package.json', before: pkg({ build: 'babel src -d lib' }), after: pkg({ build: 'babel src -d lib --source-maps inline' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['--source-maps inline'] }],
    },
    {
      name: 'babel -s in a chain',
      path: 'package.json', before: pkg({ build: 'rimraf lib && babel src -d lib' }), after: pkg({ build: 'rimraf lib && babel src -d lib -s' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['unset -> -s'] }],
    },
    {
      name: 'rollup -m inline',
      path: 'package.json', before: pkg({ build: 'rollup -c' }), after: pkg({ build: 'rollup -c -m inline' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error' }],
    },
    {
      name: 'webpack --devtool eval-source-map',
      path: 'package.json', before: pkg({ build: 'webpack --mode production' }), after: pkg({ build: 'webpack --mode production --devtool eval-source-map' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['--devtool eval-source-map'] }],
    },
    {
      name: 'terser with includeSources',
      path: 'package.json', before: pkg({ minify: 'terser dist/a.js -o dist/a.min.js' }), after: pkg({ minify: 'terser dist/a.js -o dist/a.min.js --source-map "includeSources,url=a.min.js.map"' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error' }],
    },
    {
      name: 'bun build --sourcemap=linked and vite build --sourcemap hidden',
      path: 'package.json', before: pkg(base), after: pkg({ ...base, 'build:bun': 'bun build ./src/index.ts --outdir dist --sourcemap=linked', 'build:web': 'vite build --sourcemap hidden' }),
      reports: [
        { messageId: 'sourcemap-enabled', severity: 'warn', line: 12, says: ['--sourcemap=linked'] },
        { messageId: 'sourcemap-enabled', severity: 'warn', line: 13, says: ['--sourcemap hidden'] },
      ],
    },
    {
      name: 'Create React App GENERATE_SOURCEMAP=true',
      path: 'package.json', before: pkg({ build: 'GENERATE_SOURCEMAP=false react-scripts build' }), after: pkg({ build: 'GENERATE_SOURCEMAP=true react-scripts build' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', says: ['GENERATE_SOURCEMAP=false -> GENERATE_SOURCEMAP=true'] }],
    },
    {
      name: 'new package.json',
      path: 'packages/web/package.json', before: null, after: pkg({ build: 'tsup src/index.ts --sourcemap inline' }),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['--sourcemap inline'] }],
    },
  ],
});

test('script-sourcemap: adversarial input stays fast', () => {
  const inputs = [
    pkg({ build: '--sourcemap '.repeat(80_000) }),
    pkg({ build: 'rollup -m '.repeat(80_000) }),
    pkg(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`s${i}`, `esbuild --sourcemap=inline ${i}`]))),
    pkg({ build: `${'&&'.repeat(200_000)} --sourcemap` }),
  ];
  for (const text of inputs) {
    const started = performance.now();
    findingsForChange(scriptSourcemap, { name: 'adversarial', path: 'package.json', before: pkg(base), after: text });
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 60))}...`);
  }
});

test.run();
