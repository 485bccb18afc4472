// runGitToFile (src/git.ts): git's output through a file gives the bytes a pipe gives, however
// large; a failure is a GitError with git's message; no file is left behind.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError, runGit, runGitToFile } from '../../src/git.js';

test('runGitToFile: the output a pipe gives, a failure as a GitError, no file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-git-to-file-'));
  try {
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
