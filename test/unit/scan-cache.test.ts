// The scan cache on its own: what it trusts a stat record for, what survives a save, and that a
// cache that cannot be written says so instead of failing.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCache, type StatKey } from '../../src/scan/cache.js';
import { gitBlobId, type FileResult } from '../../src/scan/jobs.js';

const BLOB = gitBlobId(Buffer.from('const a = 1;\n'));
const OTHER = gitBlobId(Buffer.from('const a = 2;\n'));
const old = Date.now() - 60_000;
const stat = (over: Partial<StatKey> = {}): StatKey => ({ size: 13, mtimeMs: old, ctimeMs: old, ino: 42, ...over });
const result = (path: string, blob: string): FileResult => ({
  path, blob, size: 13, binary: false, lines: 1, bytes: 12, suppressed: 0,
  findings: [{ ruleId: 'github-token', severity: 'error', file: path, line: 1, column: 7, messageId: 'secret', data: { name: 'GitHub token' }, match: 'ghp_********…(40 chars)', fingerprint: 'f'.repeat(64) }],
});

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('scan cache: a saved result comes back by stat and by blob id, findings intact', () => {
  withDir((dir) => {
    const first = ScanCache.open(dir, 'k');
    assert.is(first.byStat('a.js', stat()), undefined);
    first.store('a.js', BLOB, stat(), result('a.js', BLOB));
    assert.is(first.save(), undefined);
    const second = ScanCache.open(dir, 'k');
    const hit = second.byStat('a.js', stat());
    assert.ok(hit);
    assert.equal(hit, result('a.js', BLOB));
    assert.equal(second.byBlob('a.js', BLOB, 13), result('a.js', BLOB));
    assert.is(second.knownBlob('a.js'), BLOB);
    assert.is(second.byBlob('b.js', BLOB, 13), undefined, 'results are per path: rules choose files by path');
    assert.is(ScanCache.open(dir, 'other-rules').byStat('a.js', stat()), undefined, 'another rule set, another cache');
  });
});

test('scan cache: a stat record is trusted only when it matches and the file is not racily new', () => {
  withDir((dir) => {
    const c = ScanCache.open(dir, 'k');
    const fresh = Date.now();
    c.store('a.js', BLOB, stat(), result('a.js', BLOB));
    c.store('new.js', BLOB, stat({ mtimeMs: fresh, ctimeMs: fresh }), result('new.js', BLOB));
    c.save();
    const d = ScanCache.open(dir, 'k');
    for (const changed of [{ size: 14 }, { mtimeMs: old + 1 }, { ctimeMs: old + 1 }, { ino: 43 }]) {
      assert.is(d.byStat('a.js', stat(changed)), undefined, JSON.stringify(changed));
    }
    assert.is(d.byStat('new.js', stat({ mtimeMs: fresh, ctimeMs: fresh })), undefined, 'changed within 2 s of the scan that recorded it');
    assert.ok(d.byBlob('new.js', BLOB, 13), 'its result still answers once the content is hashed');
    // A touched file: the worker hashed the blob knownBlob named, and its record answers.
    assert.is(d.knownBlob('new.js'), BLOB);
    assert.equal(d.byKnownBlob('new.js', BLOB, 13), result('new.js', BLOB));
    assert.is(d.byKnownBlob('new.js', 'f'.repeat(40), 13), undefined, 'other bytes: no answer');
    assert.is(d.byKnownBlob('other.js', BLOB, 13), undefined, 'no record at that path');
  });
});

test('scan cache: an edited file replaces its stat record; unchanged content keeps its result', () => {
  withDir((dir) => {
    const c = ScanCache.open(dir, 'k');
    c.store('a.js', BLOB, stat(), result('a.js', BLOB));
    c.store('b.js', BLOB, stat({ ino: 7 }), result('b.js', BLOB));
    c.save();
    const d = ScanCache.open(dir, 'k');
    assert.ok(d.byStat('b.js', stat({ ino: 7 })));
    d.store('a.js', OTHER, stat({ mtimeMs: old + 5 }), result('a.js', OTHER));
    d.save();
    const e = ScanCache.open(dir, 'k');
    assert.is(e.byStat('a.js', stat()), undefined);
    assert.equal(e.byStat('a.js', stat({ mtimeMs: old + 5 }))?.blob, OTHER);
    assert.ok(e.byStat('b.js', stat({ ino: 7 })), 'records the scan did not touch are kept');
    assert.ok(e.byBlob('a.js', BLOB, 13), 'the previous content is still known (git checkout back)');
  });
});

test('scan cache: nothing to save writes nothing; a cache that cannot be written returns a note', () => {
  withDir((dir) => {
    const c = ScanCache.open(dir, 'k');
    assert.is(c.save(), undefined);
    assert.equal(readdirSync(dir), []);
    writeFileSync(join(dir, 'blocked'), 'a file where the folder should be');
    const blocked = ScanCache.open(join(dir, 'blocked', 'scan-cache'), 'k');
    blocked.store('a.js', BLOB, stat(), result('a.js', BLOB));
    assert.match(blocked.save() ?? '', /scan cache not saved/);
    const disabled = ScanCache.disabled();
    disabled.store('a.js', BLOB, stat(), result('a.js', BLOB));
    assert.is(disabled.byBlob('a.js', BLOB, 13), undefined);
    assert.is(disabled.save(), undefined);
  });
});

test('scan cache: a damaged cache file is ignored and rewritten', () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'k.json'), '{"v":2,"paths":["a.js"],"nums":[1,2');
    const c = ScanCache.open(dir, 'k');
    assert.is(c.byStat('a.js', stat()), undefined);
    c.store('a.js', BLOB, stat(), result('a.js', BLOB));
    assert.is(c.save(), undefined);
    assert.ok(ScanCache.open(dir, 'k').byStat('a.js', stat()));
  });
});

test('gitBlobId is git hash-object', () => {
  assert.is(gitBlobId(Buffer.from('hello\n')), 'ce013625030ba8dba906f756967f9e9ca394464a');
  assert.is(gitBlobId(Buffer.alloc(0)), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
});

test.run();
