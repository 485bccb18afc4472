// How src/git.ts runs git: runGitToFile gives the bytes a pipe gives, however large, fails as a
// GitError and leaves no file; readBlobs answers each id asked; a stream whose reader throws
// stops git and says so through `done`, instead of ending the process. A listing of the index
// started ahead is what the next listIndex of its folder gives.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanFilterDrivers, GitError, listIndex, parseFilterDrivers, readBlobs, runGit, runGitToFile, startIndexListing, streamHistory } from '../../src/git.js';
import { removeTemps, tempDir } from '../helpers/repo.js';

test('runGitToFile: the output a pipe gives, a failure as a GitError, no file left', async () => {
  const dir = tempDir('shipgate-git-to-file-');
  execFileSync('git', ['init', '-q', dir]);
  // Larger than a pipe's buffer, with every byte value.
  const bytes = Buffer.alloc(300_000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
  writeFileSync(join(dir, 'big.bin'), bytes);
  const id = execFileSync('git', ['hash-object', '-w', 'big.bin'], { cwd: dir, encoding: 'utf8' }).trim();
  const viaFile = await runGitToFile(['cat-file', 'blob', id], { cwd: dir });
  assert.ok(viaFile.stdout.equals(bytes), 'the blob, byte for byte');
  assert.ok(viaFile.stdout.equals((await runGit(['cat-file', 'blob', id], { cwd: dir })).stdout));
  assert.is((await runGitToFile(['ls-files', '-z'], { cwd: dir })).stdout.length, 0, 'an empty output');
  const failed = await runGitToFile(['cat-file', 'blob', '0'.repeat(40)], { cwd: dir }).catch((e: unknown) => e);
  assert.instance(failed, GitError);
  assert.match((failed as GitError).message, /0{40}|bad|not a valid/i);
  const ok = await runGitToFile(['rev-parse', '--verify', '-q', 'nosuchref'], { cwd: dir, okCodes: [1] });
  assert.is(ok.code, 1);
  assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith(`shipgate-git-${process.pid}-`)), []);
  // No temporary folder to write to: through a pipe.
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = join(dir, 'no-such-folder');
  try {
    assert.ok((await runGitToFile(['cat-file', 'blob', id], { cwd: dir })).stdout.equals(bytes), 'through a pipe');
  } finally {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
});

test('startIndexListing: the next listIndex of that folder gives it, once; its failure too', async () => {
  const dir = tempDir('shipgate-git-ahead-');
  execFileSync('git', ['init', '-q', dir]);
  writeFileSync(join(dir, 'a.txt'), 'a\n');
  execFileSync('git', ['add', 'a.txt'], { cwd: dir });
  const ahead = await startIndexListing(dir);
  assert.match(ahead.toString('latin1'), 'a.txt');
  execFileSync('git', ['add', writeAndName(dir, 'b.txt')], { cwd: dir });
  assert.ok((await listIndex(dir)) === ahead, 'the listing started ahead, as it was');
  const next = await listIndex(dir);
  assert.ok(next !== ahead && next.toString('latin1').includes('b.txt'), 'taken once: the next is listed anew');
  // One started for another folder is not taken.
  const other = tempDir('shipgate-git-ahead-other-');
  execFileSync('git', ['init', '-q', other]);
  const elsewhere = await startIndexListing(other);
  assert.ok((await listIndex(dir)) !== elsewhere);
  // Not a repository: the listIndex that takes it fails with its GitError.
  const plain = tempDir('shipgate-git-ahead-plain-');
  const failed = await startIndexListing(plain).catch((e: unknown) => e);
  assert.instance(failed, GitError);
  assert.ok((await listIndex(plain).catch((e: unknown) => e)) === failed);
});

function writeAndName(dir: string, name: string): string {
  writeFileSync(join(dir, name), `${name}\n`);
  return name;
}

test('readBlobs: each id its contents, a missing one undefined', async () => {
  const dir = tempDir('shipgate-git-run-');
  execFileSync('git', ['init', '-q', dir]);
  writeFileSync(join(dir, 'a.txt'), 'first\n');
  writeFileSync(join(dir, 'b.txt'), '');
  const hash = (name: string): string => execFileSync('git', ['hash-object', '-w', name], { cwd: dir, encoding: 'utf8' }).trim();
  const [a, b, missing] = [hash('a.txt'), hash('b.txt'), '1'.repeat(40)];
  const blobs = await readBlobs([a, missing, b, a], dir);
  assert.equal([...blobs.keys()], [a, missing, b]);
  assert.is(blobs.get(a)!.toString(), 'first\n');
  assert.is(blobs.get(b)!.length, 0);
  assert.is(blobs.get(missing), undefined);
});

test('a stream whose reader throws: git stopped, the error through done', async () => {
  const dir = tempDir('shipgate-git-run-');
  execFileSync('git', ['init', '-q', dir]);
  for (let i = 0; i < 3; i++) {
    writeFileSync(join(dir, 'f.txt'), `line ${i}\n`.repeat(20_000));
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--no-verify', '--allow-empty', '-a', '-m', `c${i}`], { cwd: dir });
    if (i === 0) execFileSync('git', ['add', 'f.txt'], { cwd: dir });
  }
  let calls = 0;
  const broken = new Error('cannot read this');
  const stream = streamHistory(() => {
    calls++;
    throw broken;
  }, { cwd: dir });
  const outcome = await stream.done.then(() => 'resolved', (e: unknown) => e);
  assert.is(outcome, broken);
  assert.is(calls, 1, 'no chunk handed on after the failure');
});

test.after(removeTemps);
test('parseFilterDrivers: each driver once, names with dots, keys without a value', () => {
  const table: [string, string, string[]][] = [
    ['none', '', []],
    ['one driver, clean and process', 'filter.lfs.clean\ngit-lfs clean -- %f\0filter.lfs.process\ngit-lfs filter-process\0', ['lfs']],
    ['a name with dots', 'filter.a.b.clean\nsed s/x/y/\0', ['a.b']],
    ['a value with newlines', 'filter.m.clean\nline one\nline two\0', ['m']],
    ['a key without a value', 'filter.k.clean\0filter.lfs.clean\ngit-lfs clean\0', ['k', 'lfs']],
  ];
  for (const [name, output, expected] of table) assert.equal(parseFilterDrivers(output), expected, name);
});

test('cleanFilterDrivers: what git config holds, none when it holds none', async () => {
  const dir = tempDir('shipgate-filters-');
  execFileSync('git', ['init', '-q', dir]);
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const saved = process.env;
  process.env = env;
  try {
    assert.equal(await cleanFilterDrivers(dir), []);
    execFileSync('git', ['config', 'filter.mask.clean', 'sed s/a/b/'], { cwd: dir });
    execFileSync('git', ['config', 'filter.mask.smudge', 'cat'], { cwd: dir });
    assert.equal(await cleanFilterDrivers(dir), ['mask']);
  } finally {
    process.env = saved;
  }
});

test.run();
