import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageSourcemap } from '../../rules/package-sourcemap.js';
import { findSourceMappingRefs, parseSourceMap, resolveSource } from '../../rules/support/sourcemap.js';
import {
  bundle, findingsForPackage, inlineMapComment, sourceMap, testPackageRule, tsModule,
} from '../helpers/package-tester.js';

const CLI_SOURCES = ['src/cli.ts', 'src/commands/login.ts', 'src/commands/publish.ts', 'src/config.ts', 'src/util/fs.ts'];
const contents = (paths: readonly string[]): string[] => paths.map((p) => tsModule(p));
const fromDist = (paths: readonly string[]): string[] => paths.map((p) => `../${p}`);
const cliManifest = { name: '@acme/cli', version: '2.1.0', bin: { acme: 'dist/cli.js' }, files: ['dist'] };

/** dist/cli.js with its map next to it, the map holding every source file. */
const cliWithMap = {
  'dist/cli.js': `${bundle('acme')}//# sourceMappingURL=cli.js.map\n`,
  'dist/cli.js.map': sourceMap({ file: 'cli.js', sources: fromDist(CLI_SOURCES), sourcesContent: contents(CLI_SOURCES) }),
};
const sourcesShipped = Object.fromEntries(CLI_SOURCES.map((p) => [p, tsModule(p)]));

testPackageRule(packageSourcemap, {
  valid: [
    {
      name: 'no maps at all',
      pkg: { manifest: cliManifest, files: { 'dist/cli.js': bundle(), 'README.md': '# acme\n', LICENSE: 'MIT\n' } },
    },
    {
      name: 'declaration maps without sourcesContent (normal for "go to definition")',
      pkg: {
        manifest: { types: 'dist/index.d.ts' },
        files: {
          'dist/index.js': 'export const x = 1;\n',
          'dist/index.d.ts': 'export declare const x = 1;\n//# sourceMappingURL=index.d.ts.map\n',
          'dist/index.d.ts.map': sourceMap({ file: 'index.d.ts', sources: ['../src/index.ts'] }),
          'dist/util.d.mts.map': sourceMap({ file: 'util.d.mts', sources: ['../src/util.mts'], sourcesContent: [null] }),
        },
      },
    },
    {
      name: 'a bundle that points at a map that is not shipped',
      pkg: { manifest: cliManifest, files: { 'dist/cli.js': `${bundle()}//# sourceMappingURL=cli.js.map\n` } },
    },
    {
      name: 'code that writes a sourceMappingURL comment (source-map-support style)',
      pkg: {
        files: {
          'lib/inline.js': [
            'function inlineMap(map) {',
            '  const url = "data:application/json;charset=utf-8;base64," + Buffer.from(JSON.stringify(map)).toString("base64");',
            '  return "\\n//# sourceMappingURL=" + url;',
            '}',
            "const re = /\\/\\/# sourceMappingURL=data:application\\/json;base64,(.*)/;",
            'module.exports = { inlineMap, re };',
          ].join('\n'),
        },
      },
    },
    {
      name: 'stylesheet without a map, and a text file mentioning maps',
      pkg: {
        files: {
          'dist/styles.css': '.button { color: red; }\n',
          'docs/maps.md': 'Add `//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozfQ==` to inline.\n',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'the incident: a CLI map embedding its TypeScript sources, which are not shipped',
      pkg: { manifest: cliManifest, files: cliWithMap },
      reports: [{
        messageId: 'sourcemap-embeds-sources', severity: 'error', file: 'dist/cli.js.map',
        says: ['dist/cli.js.map embeds 5 original sources', '5 of them not in the package', 'e.g. src/cli.ts'],
        fixSays: ['"!**/*.map"', 'shipgate release approve'],
        data: { map: 'dist/cli.js.map', sources: 5, unshipped: 5, example: 'src/cli.ts' },
      }],
    },
    {
      name: 'map at the package root pointing above it (../src), as in March 2026',
      pkg: {
        manifest: { bin: 'cli.js' },
        files: {
          'cli.js': bundle(),
          'cli.js.map': sourceMap({ sources: fromDist(CLI_SOURCES), sourcesContent: contents(CLI_SOURCES) }),
        },
      },
      reports: [{ messageId: 'sourcemap-embeds-sources', severity: 'error', file: 'cli.js.map', data: { example: '../src/cli.ts', unshipped: 5 } }],
    },
    {
      name: 'same map, but the package ships its sources too (like redux): a warning',
      pkg: { manifest: cliManifest, files: { ...cliWithMap, ...sourcesShipped } },
      reports: [{
        messageId: 'sourcemap-embeds-shipped-sources', severity: 'warn', file: 'dist/cli.js.map',
        says: ['embeds 5 original sources', 'all of them shipped'],
        data: { sources: 5, shipped: 5, unshipped: 0 },
      }],
    },
    {
      name: 'webpack:// and webpack:/// sources: bootstrap and node_modules do not count, an unshipped own file does',
      pkg: {
        files: {
          'dist/main.js': bundle(),
          'src/index.ts': tsModule('index'),
          'dist/main.js.map': sourceMap({
            sources: [
              'webpack://acme-cli/webpack/bootstrap',
              'webpack://acme-cli/webpack/runtime/define property getters',
              'webpack://acme-cli/./src/index.ts?4f2a',
              'webpack://acme-cli/./node_modules/chalk/source/index.js',
              'webpack:///src/secret-sauce.ts',
              'webpack://acme-cli/external commonjs "fs"',
            ],
            sourcesContent: ['// bootstrap', '// getters', tsModule('index'), 'export default chalk;', tsModule('secret-sauce'), 'module.exports = require("fs");'],
          }),
        },
      },
      reports: [{
        messageId: 'sourcemap-embeds-sources', severity: 'error',
        data: { sources: 6, unshipped: 1, shipped: 1, dependencies: 1, example: 'src/secret-sauce.ts' },
      }],
    },
    {
      name: 'only dependencies and bundler glue embedded: a warning',
      pkg: {
        files: {
          'dist/vendor.js': bundle(),
          'dist/vendor.js.map': sourceMap({
            sources: ['webpack:///webpack/bootstrap', '../node_modules/left-pad/index.js', '\u0000commonjsHelpers.js'],
            sourcesContent: ['// boot', 'module.exports = leftPad;', 'export var x = 1;'],
          }),
        },
      },
      reports: [{ messageId: 'sourcemap-embeds-shipped-sources', severity: 'warn', data: { dependencies: 1, unshipped: 0 } }],
    },
    {
      name: 'comlink-like map with sourcesContent [null]: no crash, a warning',
      pkg: {
        files: {
          'dist/umd/comlink.js': '(function(){})();\n//# sourceMappingURL=comlink.js.map\n',
          'dist/umd/comlink.js.map': sourceMap({ file: 'comlink.js', sources: ['../../src/comlink.ts'], sourcesContent: [null] }),
        },
      },
      reports: [{ messageId: 'sourcemap-shipped', severity: 'warn', file: 'dist/umd/comlink.js.map', says: ['source map dist/umd/comlink.js.map shipped (no sourcesContent)'] }],
    },
    {
      name: 'many maps without sources: one grouped warning; blank contents count as none',
      pkg: {
        files: {
          'esm/a.js.map': sourceMap({ sources: ['../src/a.ts'] }),
          'esm/b.js.map': sourceMap({ sources: ['../src/b.ts'], sourcesContent: [''] }),
          'esm/c.js.map': sourceMap({ sources: ['../src/c.ts'], sourcesContent: ['   \n'] }),
          'esm/d.js.map': sourceMap({ sources: [] }),
          'esm/index.d.ts.map': sourceMap({ sources: ['../src/index.ts'] }),
        },
      },
      reports: [{
        messageId: 'sourcemap-shipped', severity: 'warn', file: 'esm/a.js.map',
        says: ['4 source maps shipped without sourcesContent', 'e.g. esm/a.js.map, esm/b.js.map, esm/c.js.map'],
        data: { count: 4 },
      }],
    },
    {
      name: 'index map with (nested) sections',
      pkg: {
        files: {
          'dist/app.js': bundle(),
          'dist/app.js.map': JSON.stringify({
            version: 3,
            sections: [
              { offset: { line: 0, column: 0 }, map: JSON.parse(sourceMap({ sources: ['../src/a.ts'], sourcesContent: [tsModule('a')] })) },
              { offset: { line: 100, column: 0 }, url: 'https://example.com/remote.js.map' },
              {
                offset: { line: 200, column: 0 },
                map: { version: 3, sections: [{ offset: { line: 0, column: 0 }, map: JSON.parse(sourceMap({ sourceRoot: '../lib/', sources: ['b.ts'], sourcesContent: [tsModule('b')] })) }] },
              },
            ],
          }),
        },
      },
      reports: [{ messageId: 'sourcemap-embeds-sources', severity: 'error', data: { sources: 2, unshipped: 2, example: 'src/a.ts' } }],
    },
    {
      name: 'a .map that is not valid JSON is still reported as a map',
      pkg: { files: { 'dist/broken.js.map': '{"version":3,"sources":["../src/x.ts"],"sourcesContent":["export const' } },
      reports: [{ messageId: 'sourcemap-shipped', severity: 'warn', says: ['could not read it: not valid JSON'] }],
    },
    {
      name: 'JSON that is not a source map, and a binary .map',
      pkg: { files: { 'data/world.map': '{"tiles": [1, 2, 3]}', 'data/level.map': Buffer.from([0, 1, 2, 3, 0, 255]) } },
      reports: [
        { messageId: 'sourcemap-shipped', file: 'data/world.map', says: ['not a source map'] },
        { messageId: 'sourcemap-shipped', file: 'data/level.map', says: ['binary content'] },
      ],
    },
    {
      name: 'declaration map with sourcesContent of unshipped sources is an error',
      pkg: { files: { 'types/index.d.ts.map': sourceMap({ sources: ['../src/index.ts'], sourcesContent: [tsModule('index')] }) } },
      reports: [{ messageId: 'sourcemap-embeds-sources', severity: 'error', data: { example: 'src/index.ts' } }],
    },
    {
      name: 'inline base64 map in a bundle embedding unshipped sources',
      pkg: {
        manifest: cliManifest,
        files: {
          'dist/cli.js': `${bundle('acme')}${inlineMapComment(sourceMap({ sources: fromDist(CLI_SOURCES), sourcesContent: contents(CLI_SOURCES) }))}\n`,
        },
      },
      reports: [{
        messageId: 'sourcemap-inline', severity: 'error', file: 'dist/cli.js',
        says: ['dist/cli.js carries an inline source map', 'data: URL', 'embedding 5 original sources; 5 not in the package, e.g. src/cli.ts'],
        fixSays: ['inlineSourceMap'],
        data: { unshipped: 5 },
      }],
    },
    {
      name: 'inline map without sourcesContent in a .mjs file and a stylesheet: warnings',
      pkg: {
        files: {
          'dist/index.mjs': `export const x = 1;\n${inlineMapComment(sourceMap({ sources: ['../src/index.ts'] }))}\n`,
          'dist/app.css': `.a{color:red}\n${inlineMapComment(sourceMap({ sources: ['../src/app.scss'] }), true)}\n`,
        },
      },
      reports: [
        { messageId: 'sourcemap-inline', severity: 'warn', file: 'dist/index.mjs', says: ['carries an inline source map'] },
        { messageId: 'sourcemap-inline', severity: 'warn', file: 'dist/app.css' },
      ],
    },
    {
      name: 'inline map, percent-encoded, embedding sources the package ships: a warning',
      pkg: {
        files: {
          'index.cjs': `module.exports = 1;\n//# sourceMappingURL=data:application/json,${encodeURIComponent(sourceMap({ sources: ['src/index.ts'], sourcesContent: ['export = 1;'] }))}\n`,
          'src/index.ts': 'export = 1;\n',
        },
      },
      reports: [{ messageId: 'sourcemap-inline', severity: 'warn', says: ['embedding 1 original source'] }],
    },
    {
      name: 'inline map that does not decode to a map: reported, no crash',
      pkg: { files: { 'dist/x.js': `x();\n//# sourceMappingURL=data:application/json;base64,${Buffer.from('not json at all, really').toString('base64')}\n` } },
      reports: [{ messageId: 'sourcemap-inline', severity: 'warn', says: ['could not be read (not valid JSON'] }],
    },
    {
      name: 'absolute build paths in sources and sourceRoot',
      pkg: {
        files: {
          'lib/a.js.map': sourceMap({ sources: ['/home/runner/work/acme/acme/src/a.ts'] }),
          'lib/b.js.map': sourceMap({ sourceRoot: 'file:///Users/alice/code/acme/', sources: ['src/b.ts'] }),
          'lib/c.js.map': sourceMap({ sources: ['C:\\build\\acme\\src\\c.ts'] }),
        },
      },
      reports: [
        { messageId: 'sourcemap-path-leak', severity: 'warn', file: 'lib/a.js.map', says: ['absolute path', '/home/runner/work/acme/acme/src/a.ts'] },
        { messageId: 'sourcemap-path-leak', severity: 'warn', file: 'lib/b.js.map', data: { example: 'file:///Users/alice/code/acme/' } },
        { messageId: 'sourcemap-path-leak', severity: 'warn', file: 'lib/c.js.map' },
        { messageId: 'sourcemap-shipped', severity: 'warn', data: { count: 3 } },
      ],
    },
    {
      name: 'absolute path with embedded content: an error and a path leak',
      pkg: { files: { 'dist/x.js.map': sourceMap({ sources: ['/opt/build/src/x.ts'], sourcesContent: [tsModule('x')] }) } },
      reports: [
        { messageId: 'sourcemap-embeds-sources', severity: 'error', data: { example: '/opt/build/src/x.ts' } },
        { messageId: 'sourcemap-path-leak', severity: 'warn' },
      ],
    },
    {
      name: 'sourceMappingURL to an external URL',
      pkg: { files: { 'dist/cli.js': `${bundle()}//# sourceMappingURL=https://maps.acme.dev/cli/2.1.0/cli.js.map\n` } },
      reports: [{
        messageId: 'sourcemap-path-leak', severity: 'warn', file: 'dist/cli.js',
        says: ['external source map: https://maps.acme.dev/cli/2.1.0/cli.js.map'],
        data: { kind: 'external-url' },
      }],
    },
  ],
});

test('resolveSource: sourceRoot, ../ paths, bundler prefixes', () => {
  assert.equal(resolveSource('../src/a.ts', '', 'dist').candidates, ['src/a.ts']);
  assert.equal(resolveSource('a.ts', 'src/', 'dist').candidates, ['dist/src/a.ts']);
  assert.equal(resolveSource('a.ts', '../src', 'dist').candidates, ['src/a.ts']);
  assert.equal(resolveSource('../../src/a.ts', '', 'dist').candidates, []);
  assert.is(resolveSource('../../src/a.ts', '', 'dist').display, '../../src/a.ts');
  assert.equal(resolveSource('webpack:///./src/a.ts', '', 'dist').candidates, ['src/a.ts', 'dist/src/a.ts']);
  assert.equal(resolveSource('webpack://my-lib/./src/a.ts?abcd', '', '').candidates, ['src/a.ts']);
  assert.is(resolveSource('webpack:///webpack/bootstrap', '', 'dist').kind, 'generated');
  assert.is(resolveSource('../node_modules/x/index.js', '', 'dist').kind, 'dependency');
  assert.ok(resolveSource('webpack:///Users/alice/acme/src/a.ts', '', '').absolute);
  assert.ok(resolveSource('C:\\acme\\src\\a.ts', '', '').absolute);
  assert.not.ok(resolveSource('https://cdn.example.com/a.ts', '', '').absolute);
});

test('findSourceMappingRefs: comment forms, strings are not comments', () => {
  const refs = findSourceMappingRefs('a();\n//# sourceMappingURL=a.js.map\n/*# sourceMappingURL=https://x.test/a.map */\nvar s = "sourceMappingURL=b.map";\n//@ sourceMappingURL=/abs/c.map');
  assert.equal(refs.map((r) => [r.kind, r.url]), [['relative', 'a.js.map'], ['external', 'https://x.test/a.map'], ['absolute', '/abs/c.map']]);
});

test('parseSourceMap: XSSI prefix and BOM, never throws', () => {
  assert.is(parseSourceMap(`)]}'\n${sourceMap({ sources: ['a.ts'] })}`, 'a.js.map').sources.length, 1);
  assert.is(parseSourceMap(`\uFEFF${sourceMap({ sources: ['a.ts'] })}`, 'a.js.map').ok, true);
  for (const text of ['', 'null', '[]', '"x"', '{"sections": 5}', '{"sources": [1, null, {}], "sourcesContent": {}}', '{"sections":[{"map":null},{}]}']) {
    const info = parseSourceMap(text, 'x.map');
    assert.ok(Array.isArray(info.sources), text);
  }
  // The error message never quotes the map.
  const bad = parseSourceMap('{"sourcesContent": ["token = abcdefghijklmnop"', 'x.map');
  assert.not.ok(bad.ok);
  assert.not.ok(bad.error!.includes('abcdefghijklmnop'));
});

test('a map of 2,000 embedded modules (about 8 MB) is rated quickly', () => {
  const sources: string[] = [];
  const sourcesContent: string[] = [];
  const body = tsModule('x', 4000);
  for (let i = 0; i < 2000; i++) {
    sources.push(`../src/feature-${i % 40}/module-${i}.ts`);
    sourcesContent.push(body);
  }
  const started = performance.now();
  const findings = findingsForPackage(packageSourcemap, {
    name: 'big', pkg: { files: { 'dist/cli.js': bundle(), 'dist/cli.js.map': sourceMap({ sources, sourcesContent }) } },
  });
  const elapsed = performance.now() - started;
  assert.equal(findings.map((f) => f.messageId), ['sourcemap-embeds-sources']);
  assert.is(findings[0]!.data['unshipped'], 2000);
  assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms`);
});

test.run();
