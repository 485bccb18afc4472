// Hostile input and odd repositories at commit and push time: every case in a real repository,
// and after every blocked hook the working tree, the index and the refs are as they were.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTemps } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const hard = suite('hardening: input and repositories');
hard.after(removeTemps);

function setup(options: { sha256?: boolean } = {}): Repo {
  const repo = Repo.init({ sha256: options.sha256 === true });
  repo.write('README.md', '# app\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  return repo;
}

/** Commits what is staged and expects the hook to block it, leaving everything as it was. */
function expectBlocked(repo: Repo, what: string): string {
  const before = repo.snapshot();
  const r = repo.commit(what);
  assert.is(r.code, 1, `${what}: ${r.out}`);
  assert.is(repo.snapshot(), before, `${what}: tree, index and refs unchanged`);
  return r.out;
}

const leakLine = (): string => `const token = '${tokens.githubClassic()}';`;

hard('UTF-16 with a BOM (both byte orders) is decoded and scanned', () => {
  const repo = setup();
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`x = 1\r\n${leakLine()}\r\n`, 'utf16le')]);
  repo.write('win/settings.ps1', le);
  repo.git('add', '-A');
  assert.match(expectBlocked(repo, 'utf16le'), 'win/settings.ps1:2');
  repo.git('reset', '-q');
  const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${leakLine()}\n`, 'utf16le').swap16()]));
  repo.write('win/other.ps1', be);
  repo.git('add', 'win/other.ps1');
  assert.match(expectBlocked(repo, 'utf16be'), 'win/other.ps1:1');
});

hard('a file marked binary or -diff in .gitattributes is still scanned when it is text', () => {
  const repo = setup();
  repo.write('.gitattributes', '*.cfg -diff\n*.dat binary\n');
  repo.write('deploy/prod.cfg', `name=prod\n${leakLine()}\n`);
  repo.write('deploy/blob.dat', `${leakLine()}\n`);
  repo.git('add', '-A');
  const out = expectBlocked(repo, 'attributes');
  assert.match(out, 'deploy/prod.cfg:2');
  assert.match(out, 'deploy/blob.dat:1');
});

hard('real binaries are skipped; invalid UTF-8 and CRLF around a secret are fine', () => {
  const repo = setup();
  repo.write('img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]));
  repo.write('legacy/latin1.txt', Buffer.concat([Buffer.from([0xe9, 0xe8, 0xff, 0x0a]), Buffer.from(`${leakLine()}\r\n`)]));
  repo.git('add', '-A');
  assert.match(expectBlocked(repo, 'invalid utf-8'), 'legacy/latin1.txt:2');
});

hard('file names with spaces, newlines, unicode and a leading dash', () => {
  const repo = setup();
  const names = ['dir with space/a b.js', 'new\nline.js', 'ünïcødé/日本.js', '-rf.js'];
  for (const name of names) repo.write(name, `${leakLine()}\n`);
  repo.git('add', '--', ...names);
  const r = repo.shipgate(['scan', '--staged', '--format', 'json']);
  assert.is(r.code, 1, r.out);
  const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file).sort();
  assert.equal(files, [...names].sort());
  expectBlocked(repo, 'odd names');
});

hard('a 50 MB staged file with a secret at the end, and a 1 MB single line', () => {
  const repo = setup();
  const line = 'const filler = "' + 'abcdefghij'.repeat(8) + '";\n';
  const big = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)) + `${leakLine()}\n`;
  repo.write('data/big.js', big);
  repo.write('data/minified.js', 'var a=' + '1+'.repeat(500_000) + `1;${leakLine()}\n`);
  repo.git('add', '-A');
  const out = expectBlocked(repo, 'big');
  assert.match(out, 'data/big.js:');
  assert.match(out, 'data/minified.js:1');
});

hard('a commit of 20,000 files goes through, and says what it scanned', () => {
  const repo = setup();
  for (let d = 0; d < 200; d++) {
    const dir = join(repo.dir, 'gen', `d${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(dir, `f${f}.ts`), `export const v${f} = ${d * 100 + f};\n`);
  }
  repo.git('add', '-A');
  const r = repo.commit('20k files');
  assert.is(r.code, 0, r.out);
  assert.match(r.out, '20,000 files, 20,000 lines checked');
});

hard('Git LFS pointers and intent-to-add entries do not trip anything', () => {
  const repo = setup();
  const oid = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
  repo.write('assets/video.mp4', `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 12345678\n`);
  repo.git('add', 'assets/video.mp4');
  repo.write('later.js', leakLine() + '\n');
  repo.git('add', '-N', 'later.js');
  const r = repo.shipgate(['scan', '--staged']);
  assert.is(r.code, 0, r.out);
  assert.is(repo.commit('lfs').code, 0);
});

hard('detached HEAD, amend, merge, cherry-pick and rebase all run the hook correctly', () => {
  const repo = setup();
  repo.git('checkout', '-q', '--detach');
  repo.write('d.js', leakLine() + '\n');
  repo.git('add', 'd.js');
  expectBlocked(repo, 'detached');
  repo.git('reset', '-q', '--hard');
  repo.git('checkout', '-q', 'main');

  repo.write('a.js', 'console.log(1);\n');
  repo.git('add', 'a.js');
  assert.is(repo.commit('a').code, 0);
  repo.write('a.js', leakLine() + '\n');
  repo.git('add', 'a.js');
  const before = repo.snapshot();
  assert.is(repo.commit('amended', '--amend').code, 1, 'amend is checked');
  assert.is(repo.snapshot(), before);
  repo.git('reset', '-q', '--hard');

  repo.git('checkout', '-q', '-b', 'feature');
  repo.write('f.js', 'console.log("feature");\n');
  repo.git('add', 'f.js');
  assert.is(repo.commit('feature').code, 0);
  repo.git('checkout', '-q', 'main');
  repo.write('m.js', 'console.log("main");\n');
  repo.git('add', 'm.js');
  assert.is(repo.commit('main side').code, 0);
  const merged = repo.run('git', ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature']);
  assert.is(merged.code, 0, merged.out);
  const picked = repo.run('git', ['cherry-pick', 'feature']);
  assert.ok(picked.code === 0 || /empty/.test(picked.out), picked.out);
  repo.run('git', ['cherry-pick', '--abort']);
  const rebased = repo.run('git', ['rebase', '-q', 'main', 'feature']);
  assert.is(rebased.code, 0, rebased.out);
});

hard('a SHA-256 repository: commit blocked, push of a secret refused', () => {
  const repo = setup({ sha256: true });
  assert.is(repo.git('rev-parse', 'HEAD').trim().length, 64);
  repo.write('s.js', leakLine() + '\n');
  repo.git('add', 's.js');
  expectBlocked(repo, 'sha256');
  const remote = Repo.init({ bare: true, sha256: true });
  repo.git('remote', 'add', 'origin', remote.dir);
  repo.git('commit', '-q', '--no-verify', '-m', 'leak');
  const r = repo.run('git', ['push', 'origin', 'main']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 's.js:1');
});

hard('a shallow clone pushes only what it has, and a secret in it is still refused', () => {
  const origin = setup();
  for (let i = 0; i < 3; i++) {
    origin.write(`h${i}.js`, `console.log(${i});\n`);
    origin.git('add', '-A');
    origin.git('commit', '-q', '-m', `c${i}`);
  }
  const bare = Repo.init({ bare: true });
  origin.git('remote', 'add', 'origin', bare.dir);
  origin.git('push', '-q', '--no-verify', 'origin', 'main');
  const clone = new Repo(join(origin.dir, '..', `shallow-${Date.now()}`), origin.env);
  const c = clone.run('git', ['clone', '-q', '--depth', '1', `file://${bare.dir}`, clone.dir], { cwd: origin.dir });
  assert.is(c.code, 0, c.out);
  assert.is(clone.shipgate(['install']).code, 0);
  clone.write('x.js', leakLine() + '\n');
  clone.git('add', 'x.js');
  clone.git('commit', '-q', '--no-verify', '-m', 'leak in shallow');
  const r = clone.run('git', ['push', 'origin', 'main']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, '1 pushed commit');
  clone.git('reset', '-q', '--hard', 'HEAD~1');
  clone.write('y.js', 'console.log("ok");\n');
  clone.git('add', 'y.js');
  assert.is(clone.commit('fine').code, 0);
  const ok = clone.run('git', ['push', 'origin', 'main']);
  assert.is(ok.code, 0, ok.out);
});

hard.run();
