// Listing the files below given paths (src/scan/whole.ts walkWithStats): every file is stat'ed
// for the cache, or, without it, only while the size watch wants sizes; the rest are listed by
// their folder entry, unsized, and kinds come from the folder entries either way.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkWithStats, type ListedFile } from '../../src/scan/whole.js';
import { removeTemps, tempDir } from '../helpers/repo.js';

function tree(): string {
  const root = tempDir('shipgate-walk-');
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (const [path, size] of [['a.js', 10], ['src/b.js', 200], ['src/deep/c.js', 3000], ['src/deep/d.js', 40], ['skip.log', 5]] as const) {
    writeFileSync(join(root, path), 'z'.repeat(size));
  }
  symlinkSync('a.js', join(root, 'link.js'));
  return root;
}

const summary = (listed: ListedFile[]): string[] =>
  listed.map((f) => `${f.path} ${f.kind}${f.stat ? ` ${f.stat.size}` : ''}`).sort();

test('walkWithStats: without a watch every regular file has its stat; .git and ignored files are left out', () => {
  const root = tree();
  const { listed, ignored } = walkWithStats(root, ['.'], (p) => p.endsWith('.log'));
  assert.is(ignored, 1);
  assert.equal(summary(listed), ['a.js file 10', 'link.js symlink', 'src/b.js file 200', 'src/deep/c.js file 3000', 'src/deep/d.js file 40']);
  assert.ok(listed.every((f) => f.kind !== 'file' || (f.stat!.mtimeMs > 0 && f.stat!.ino > 0)), 'stat records for the cache');
});

test('walkWithStats: with a watch, files are stat\'ed until it wants no more sizes, then listed unsized', () => {
  const root = tree();
  const told: number[] = [];
  const { listed } = walkWithStats(root, ['.'], () => false, (size) => told.push(size) < 2);
  assert.is(told.length, 2, 'asked no more once it said so');
  const files = listed.filter((f) => f.kind === 'file');
  assert.is(files.length, 5);
  assert.is(files.filter((f) => f.stat).length, 2);
  assert.equal(files.filter((f) => f.stat).map((f) => f.stat!.size).sort(), [...told].sort());
  assert.equal(listed.filter((f) => f.kind === 'symlink').map((f) => f.path), ['link.js'], 'kinds from the folder entries');
  // A watch that keeps wanting sizes gets every one.
  const all: number[] = [];
  walkWithStats(root, ['src'], () => false, (size) => all.push(size) > 0);
  assert.equal(all.sort((x, y) => x - y), [40, 200, 3000]);
});

test.after(removeTemps);
test.run();
