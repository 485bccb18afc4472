import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageSecrets } from '../../rules/package-secrets.js';
import {
  bundle, contextFor, findingsForPackage, inlineMapComment, sourceMap, testPackageRule, tsModule,
} from '../helpers/package-tester.js';
import { pemPrivateKey, tokens } from '../helpers/tokens.js';

// Every token is made now, from parts: no secret-shaped literal is committed.
const github = tokens.githubClassic();
const npm = tokens.npm();
const awsKeyId = tokens.awsKeyId();
const pem = pemPrivateKey();

/** src/config.ts with the token on line 4. */
const config = (token: string): string => [
  "import { env } from 'node:process';",
  '',
  'export const settings = {',
  `  token: env.ACME_TOKEN ?? '${token}',`,
  "  endpoint: 'https://api.acme.dev/v2',",
  '};',
  '',
].join('\n');

const SOURCES = ['src/cli.ts', 'src/config.ts', 'src/util.ts'];
const mapWith = (token: string, sources = SOURCES): string =>
  sourceMap({
    file: 'cli.js',
    sources: sources.map((p) => `../${p}`),
    sourcesContent: sources.map((p) => (p === 'src/config.ts' ? config(token) : tsModule(p))),
  });

testPackageRule(packageSecrets, {
  valid: [
    {
      name: 'a clean CLI with a map of clean sources',
      pkg: { files: { 'dist/cli.js': bundle(), 'dist/cli.js.map': mapWith("process.env.ACME_TOKEN ?? ''"), 'README.md': '# acme\n' } },
    },
    {
      name: 'token-shaped strings that fail the checksum, in a file and in a map',
      pkg: {
        files: {
          'dist/cli.js': `const example = "${tokens.githubClassicBadChecksum()}";\n`,
          'dist/cli.js.map': mapWith(tokens.npmBadChecksum()),
        },
      },
    },
    {
      name: 'binary files are not scanned as text',
      pkg: { files: { 'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(github)]) } },
    },
    {
      name: 'a map with null and missing sourcesContent',
      pkg: { files: { 'dist/a.js.map': sourceMap({ sources: ['../src/a.ts', '../src/b.ts'], sourcesContent: [null] }) } },
    },
  ],
  invalid: [
    {
      name: 'a token in sourcesContent is reported against the map, naming the original source and line',
      pkg: { manifest: { bin: 'dist/cli.js' }, files: { 'dist/cli.js': `${bundle()}//# sourceMappingURL=cli.js.map\n`, 'dist/cli.js.map': mapWith(github) } },
      secrets: [github],
      reports: [{
        messageId: 'secret-in-package', severity: 'error', file: 'dist/cli.js.map',
        says: ['GitHub token in the package: dist/cli.js.map (original source src/config.ts, line 4)'],
        fixSays: ['revoke it: https://'],
        data: { name: 'GitHub token', where: 'dist/cli.js.map (original source src/config.ts, line 4)', rule: 'github-token' },
      }],
    },
    {
      name: 'a token in a shipped file, with its line',
      pkg: { files: { 'dist/config.js': `"use strict";\nexports.settings = {\n  token: "${npm}",\n};\n` } },
      secrets: [npm],
      reports: [{ messageId: 'secret-in-package', file: 'dist/config.js', says: ['npm access token in the package: dist/config.js, line 3'] }],
    },
    {
      name: 'a token in an inline base64 map: found decoded, reported once, naming the source',
      pkg: { files: { 'dist/cli.js': `${bundle()}${inlineMapComment(mapWith(awsKeyId))}\n` } },
      secrets: [awsKeyId],
      reports: [{
        messageId: 'secret-in-package', file: 'dist/cli.js',
        says: ['AWS access key ID in the package: dist/cli.js (inline source map, original source src/config.ts, line 4)'],
      }],
    },
    {
      name: 'the same token in the bundle and in its map: one report per file',
      pkg: {
        files: {
          'dist/cli.js': `${bundle()}var token = "${github}";\n//# sourceMappingURL=cli.js.map\n`,
          'dist/cli.js.map': mapWith(github, ['src/cli.ts', 'src/config.ts', 'src/config.ts']),
        },
      },
      secrets: [github],
      reports: [
        { messageId: 'secret-in-package', file: 'dist/cli.js', says: ['dist/cli.js, line 9'] },
        { messageId: 'secret-in-package', file: 'dist/cli.js.map', says: ['original source src/config.ts, line 4'] },
      ],
    },
    {
      name: 'webpack sources and index-map sections are followed',
      pkg: {
        files: {
          'dist/main.js.map': JSON.stringify({
            version: 3,
            sections: [
              { offset: { line: 0, column: 0 }, map: JSON.parse(sourceMap({ sources: ['webpack://acme/./src/keys.ts'], sourcesContent: [config(npm)] })) },
            ],
          }),
        },
      },
      secrets: [npm],
      reports: [{ messageId: 'secret-in-package', file: 'dist/main.js.map', says: ['original source src/keys.ts, line 4'] }],
    },
    {
      name: 'a private key (multi-line) in sourcesContent',
      pkg: {
        files: {
          'lib/tls.js.map': sourceMap({
            sources: ['../src/tls.ts'],
            sourcesContent: [`// test server\nexport const key = \`${pem}\`;\n`],
          }),
        },
      },
      reports: [{ messageId: 'secret-in-package', file: 'lib/tls.js.map', says: ['private key in the package: lib/tls.js.map (original source src/tls.ts, line 2)'] }],
    },
    {
      name: 'a .map that does not parse is scanned as text',
      pkg: { files: { 'dist/x.js.map': `{"version":3,"sources":["../src/x.ts"],"sourcesContent":["const t = '${github}';` } },
      secrets: [github],
      reports: [{ messageId: 'secret-in-package', file: 'dist/x.js.map', says: ['dist/x.js.map, line 1'] }],
    },
    {
      name: 'a shipped .env file',
      pkg: { files: { '.env': `NODE_ENV=production\nNPM_TOKEN=${npm}\n` } },
      secrets: [npm],
      reports: [{ messageId: 'secret-in-package', file: '.env', says: ['.env, line 2'] }],
    },
  ],
});

test('package-secrets: the report match is redacted and the key is the secret finding', () => {
  const findings = findingsForPackage(packageSecrets, { name: 'one', pkg: { files: { 'dist/cli.js.map': mapWith(github) } } });
  assert.is(findings.length, 1);
  const f = findings[0]!;
  assert.ok(f.match.startsWith(github.slice(0, 4)) && !f.match.includes(github.slice(4, 12)), f.match);
  assert.is(f.line, 0);
});

test('package-secrets: dual ESM/CJS maps embedding the same sources scan each source once, report per map', () => {
  const context = contextFor({ name: 'dual', pkg: { files: { 'dist/esm/cli.js.map': mapWith(github), 'dist/cjs/cli.js.map': mapWith(github) } } });
  const scanned: string[] = [];
  const scanText = context.scanText;
  context.scanText = (path, text) => {
    scanned.push(path);
    return scanText(path, text);
  };
  const findings = findingsForPackage(packageSecrets, context);
  assert.equal(findings.map((f) => f.file), ['dist/cjs/cli.js.map', 'dist/esm/cli.js.map']);
  assert.equal(scanned.filter((p) => p.endsWith('.ts')).sort(), ['dist/src/cli.ts', 'dist/src/config.ts', 'dist/src/util.ts']);
});

test('package-secrets: 2,000 embedded modules (about 8 MB) are scanned quickly', () => {
  const body = tsModule('module', 4000);
  const sources: string[] = [];
  const sourcesContent: string[] = [];
  for (let i = 0; i < 2000; i++) {
    sources.push(`../src/m${i}.ts`);
    sourcesContent.push(i === 1234 ? config(github) + body : body);
  }
  const started = performance.now();
  const findings = findingsForPackage(packageSecrets, { name: 'big', pkg: { files: { 'dist/cli.js.map': sourceMap({ sources, sourcesContent }) } } });
  const elapsed = performance.now() - started;
  assert.equal(findings.map((f) => f.data['where']), ['dist/cli.js.map (original source src/m1234.ts, line 4)']);
  assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
});

test.run();
