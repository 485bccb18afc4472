import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parsePackJson } from '../../src/pack.js';
import { compareVersions, isReleaseTag } from '../../src/release/gate.js';
import { packageFromTarball } from '../../src/release/package.js';
import { formatBytes, summarize } from '../../src/release/summary.js';
import { readTarball, TarError } from '../../src/release/tar.js';

test('readTarball reads what system tar writes: long names (ustar prefix and pax), nested folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-tar-'));
  try {
    const long = `package/${'deep/'.repeat(30)}file-with-a-rather-long-name-${'x'.repeat(80)}.js`;
    mkdirSync(join(dir, long, '..'), { recursive: true });
    writeFileSync(join(dir, long), 'console.log(1)\n');
    writeFileSync(join(dir, 'package/package.json'), '{"name":"t","version":"1.0.0"}');
    for (const format of ['ustar', 'pax', 'gnu']) {
      const out = join(dir, `t-${format}.tgz`);
      const r = spawnSync('tar', ['--format', format, '-czf', out, '-C', dir, 'package'], { encoding: 'utf8' });
      if (format === 'ustar' && r.status !== 0) continue; // ustar cannot hold names this long
      assert.is(r.status, 0, r.stderr);
      const entries = readTarball(readFileSync(out));
      const file = entries.find((e) => e.path === long);
      assert.ok(file, `${format}: long name read`);
      assert.is(file!.data.toString(), 'console.log(1)\n');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readTarball rejects garbage with a typed error', () => {
  assert.throws(() => readTarball(gzipSync(Buffer.alloc(1024, 7))), (e: Error) => e instanceof TarError);
  assert.throws(() => readTarball(Buffer.from([0x1f, 0x8b, 1, 2, 3])), (e: Error) => e instanceof TarError);
});

test('parsePackJson: npm 11 array, npm 12 object, with lifecycle output before it', () => {
  const entry = { id: 'x@1.0.0', name: 'x', version: '1.0.0', filename: 'x-1.0.0.tgz', files: [] };
  assert.equal(parsePackJson(JSON.stringify([entry], null, 2)), { filename: 'x-1.0.0.tgz', name: 'x', version: '1.0.0' });
  assert.equal(parsePackJson(`> x@1.0.0 prepack\n> tsc\n\n${JSON.stringify({ 'x@1.0.0': entry }, null, 2)}\n`), { filename: 'x-1.0.0.tgz', name: 'x', version: '1.0.0' });
  assert.is(parsePackJson('npm error nope'), undefined);
});

test('compareVersions follows semver precedence', () => {
  const sorted = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
  for (let i = 1; i < sorted.length; i++) assert.ok(compareVersions(sorted[i - 1]!, sorted[i]!) < 0, `${sorted[i - 1]} < ${sorted[i]}`);
  assert.is(compareVersions('1.2.3+build', '1.2.3'), 0);
});

test('isReleaseTag matches the configured glob', () => {
  assert.ok(isReleaseTag('v1.2.0', 'v*'));
  assert.not.ok(isReleaseTag('nightly', 'v*'));
  assert.ok(isReleaseTag('@acme/cli@1.2.0', '*@*'));
  assert.ok(isReleaseTag('1.2.0', '[0-9]*'));
  assert.not.ok(isReleaseTag('x1.2.0', '[0-9]*'));
  assert.ok(isReleaseTag('release/1.2', 'release/*'));
  assert.not.ok(isReleaseTag('v1', 'v?.?'));
});

test('summarize: added, removed and grown files against the baseline', () => {
  const tar = makeTar({ 'package/package.json': '{"name":"p","version":"2.0.0"}', 'package/dist/a.js': 'a'.repeat(5000), 'package/dist/new.js': 'n' });
  const pkg = packageFromTarball(tar, 'test');
  const s = summarize(pkg, { label: 'approved', version: '1.0.0', unpackedSize: 1100, files: [
    { path: 'package.json', size: 31, sha256: '' }, { path: 'dist/a.js', size: 1000, sha256: '' }, { path: 'dist/old.js', size: 70, sha256: '' },
  ] }, {});
  assert.equal(s.added.map((d) => d.path), ['dist/new.js']);
  assert.equal(s.removed.map((d) => d.path), ['dist/old.js']);
  assert.equal(s.grown.map((d) => [d.path, d.oldSize, d.size]), [['dist/a.js', 1000, 5000]]);
  assert.is(formatBytes(62_914_560), '63 MB');
  assert.is(formatBytes(1536), '1.5 kB');
});

/** A minimal ustar archive, gzipped, built by hand. */
function makeTar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(content.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(header, Buffer.from(content), Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

test.run();
