// `shipgate scan` end to end in real repositories: every mode, the cache, worker threads
// against the main thread, the size limit, --fail-on, --release and Ctrl-C. Every token is made
// at run time.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CLI, Repo, removeTemps } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const s = suite('shipgate scan');
s.after(removeTemps);

interface Report {
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; message: string; fingerprint: string; match: string }[];
  stats: { files: number; lines: number; cached?: number; notScanned?: number; commits?: number; ignoredFiles: number };
  releases?: object[];
}

function scanJson(repo: Repo, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): { code: number; report: Report; stderr: string } {
  const r = repo.shipgate(['scan', ...args, '--format', 'json'], { env, ...(cwd ? { cwd } : {}) });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.out}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const where = (report: Report): string[] => report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

function commitAll(repo: Repo, message: string): string {
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', message);
  return repo.git('rev-parse', 'HEAD').trim();
}

/** Every file below a folder, recursively. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name));
}

s('tracked files by default; given paths may be untracked; symlinks and ignored files', () => {
  const repo = Repo.init();
  const token = tokens.githubClassic();
  repo.write('src/config.js', `// settings\nmodule.exports = { token: '${token}' };\n`);
  repo.write('vendor/lib.js', `var k = '${tokens.npm()}';\n`);
  repo.write('shipgate.config.json', JSON.stringify({ ignore: ['vendor/**'] }));
  commitAll(repo, 'code');
  repo.write('untracked/leak.js', `x = '${tokens.npm()}'\n`);
  repo.run('ln', ['-s', 'src/config.js', 'link.js']);
  const tracked = scanJson(repo, []);
  assert.is(tracked.code, 1);
  assert.equal(where(tracked.report), ['github-token src/config.js:2']);
  assert.is(tracked.report.stats.ignoredFiles, 1);
  assert.not.ok(JSON.stringify(tracked.report).includes(token));
  const paths = scanJson(repo, ['untracked', 'link.js']);
  assert.equal(where(paths.report), ['npm-token untracked/leak.js:1']);
  assert.is(paths.report.stats.files, 2, 'the symlink is a file entry, not followed');
});

s('--ref scans the commit from git objects only: the working tree is not read', () => {
  const repo = Repo.init();
  const old = tokens.githubClassic();
  repo.write('app/settings.py', `DEBUG = False\nGITHUB_TOKEN = "${old}"\n`);
  repo.write('app/other.py', 'print("hello")\n');
  repo.write('big.txt', 'x'.repeat(5000) + '\n');
  repo.write('shipgate.config.json', JSON.stringify({ scan: { maxFileBytes: 4096 } }));
  const commit = commitAll(repo, 'v1');
  // The working tree now differs in every way: another secret on another line, a file gone,
  // an unreadable file, and a config that would turn the rule off.
  const now = tokens.githubClassic();
  repo.write('app/settings.py', `# moved\n\n\nGITHUB_TOKEN = "${now}"\n`);
  rmSync(join(repo.dir, 'app', 'other.py'));
  chmodSync(join(repo.dir, 'app', 'settings.py'), 0o000);
  repo.write('shipgate.config.json', JSON.stringify({ rules: { 'github-token': 'off' } }));
  try {
    const r = scanJson(repo, ['--ref', 'HEAD', '--no-cache']);
    assert.is(r.code, 1);
    assert.equal(where(r.report), ['github-token app/settings.py:2']);
    assert.is(r.report.findings[0]!.fingerprint, JSON.parse(repo.shipgate(['scan', '--ref', commit, '--format', 'json', '--no-cache']).stdout).findings[0].fingerprint);
    assert.is(r.report.stats.files, 3, 'settings.py, other.py, shipgate.config.json');
    assert.is(r.report.stats.notScanned, 1);
    assert.match(r.stderr, 'not scanned: big.txt (larger than 4 KB');
  } finally {
    chmodSync(join(repo.dir, 'app', 'settings.py'), 0o644);
  }
  // Without any working tree at all.
  for (const name of readdirSync(repo.dir)) if (name !== '.git') rmSync(join(repo.dir, name), { recursive: true, force: true });
  const bare = scanJson(repo, ['--ref', commit.slice(0, 10)]);
  assert.equal(where(bare.report), ['github-token app/settings.py:2']);
  const text = repo.shipgate(['scan', '--ref', 'main']);
  assert.match(text.stdout, `main (commit ${commit.slice(0, 12)})`);
  const missing = repo.shipgate(['scan', '--ref', 'no-such-branch']);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, 'no-such-branch');
});

s('--ref with a broken config in the commit: exit 2 naming the file, and git is not left waiting', () => {
  const repo = Repo.init();
  repo.write('shipgate.config.json', '{ "rules": ');
  commitAll(repo, 'broken config');
  // dist/cli.js ends when nothing is left to wait for: a git still reading ids would hang it.
  const run = spawnSync(process.execPath, [CLI, 'scan', '--ref', 'HEAD'], { cwd: repo.dir, env: repo.env, encoding: 'utf8', timeout: 30_000 });
  assert.is(run.signal, null, 'it ended by itself');
  assert.is(run.status, 2, run.stderr);
  assert.match(run.stderr, 'shipgate.config.json');
});

s('--history finds a secret added and deleted on another branch, tagged with its commit', () => {
  const repo = Repo.init();
  repo.write('README.md', '# app\n');
  commitAll(repo, 'init');
  repo.git('checkout', '-q', '-b', 'feature');
  const leaked = tokens.githubClassic();
  repo.write('scripts/deploy.sh', `#!/bin/sh\nexport GITHUB_TOKEN=${leaked}\n./deploy\n`);
  const added = commitAll(repo, 'deploy script');
  repo.write('scripts/deploy.sh', '#!/bin/sh\n./deploy\n');
  commitAll(repo, 'remove the token');
  repo.git('checkout', '-q', 'main');
  const second = tokens.npm();
  repo.write('.npmrc', `//registry.npmjs.org/:_authToken=${second}\n`);
  const onMain = commitAll(repo, 'npmrc');
  rmSync(join(repo.dir, '.npmrc'));
  commitAll(repo, 'oops');
  assert.not.ok(existsSync(join(repo.dir, 'scripts')), 'the feature branch is not checked out');
  for (const threads of ['0', '2']) {
    const r = scanJson(repo, ['--history'], { SHIPGATE_SCAN_THREADS: threads });
    assert.is(r.code, 1);
    const found = r.report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    assert.ok(found.includes('github-token scripts/deploy.sh:2'), found.join('\n'));
    assert.ok(found.includes('npm-token .npmrc:1'), found.join('\n'));
    assert.is(r.report.stats.commits, 5);
    assert.not.ok(JSON.stringify(r.report).includes(leaked));
  }
  const text = repo.shipgate(['scan', '--history']);
  assert.match(text.stdout, `[commit ${added.slice(0, 12)}]`);
  assert.match(text.stdout, `[commit ${onMain.slice(0, 12)}]`);
  assert.match(text.stdout, 'history: 5 commits on all branches');
});

s('--since reports only new lines, and config drift against the ref', () => {
  const repo = Repo.init();
  const existing = tokens.githubClassic();
  repo.write('config/app.js', `module.exports = {\n  legacy: '${existing}',\n};\n`);
  repo.write('.gitignore', 'node_modules/\n.env\n');
  commitAll(repo, 'base');
  repo.git('tag', 'base');
  // A committed change, a staged change and an unstaged one: all are "since base".
  repo.write('config/app.js', `module.exports = {\n  legacy: '${existing}',\n  added: '${tokens.npm()}',\n};\n`);
  commitAll(repo, 'more config');
  repo.write('src/new file.js', `const k = '${tokens.githubClassic()}';\n`);
  repo.git('add', 'src/new file.js');
  repo.write('.gitignore', 'node_modules/\n');
  const r = scanJson(repo, ['--since', 'base']);
  assert.is(r.code, 1);
  assert.equal(where(r.report).sort(), ['github-token src/new file.js:1', 'gitignore-entry-removed .gitignore:0', 'npm-token config/app.js:3']);
  assert.not.ok(where(r.report).includes('github-token config/app.js:2'), 'a line that was there at the ref is not new');
  const head = scanJson(repo, ['--since', 'HEAD']);
  assert.equal(where(head.report).sort(), ['github-token src/new file.js:1', 'gitignore-entry-removed .gitignore:0']);
});

s('the cache: a second scan reads it, an edit rescans one file, and it holds no secret', () => {
  const repo = Repo.init();
  const planted = tokens.githubClassic();
  repo.write('leak.js', `const t = '${planted}';\n`);
  for (let i = 0; i < 20; i++) repo.write(`src/m${i}.js`, `export const v${i} = ${i};\n`);
  commitAll(repo, 'code');
  const first = scanJson(repo, []);
  assert.is(first.report.stats.cached, 0);
  assert.is(first.report.stats.files, 21);
  const second = scanJson(repo, []);
  assert.is(second.report.stats.cached, 21, 'nothing rescanned');
  assert.equal(second.report.findings, first.report.findings);
  repo.write('src/m3.js', `export const v3 = '${tokens.npm()}';\n`);
  const third = scanJson(repo, []);
  assert.is(third.report.stats.cached, 20, 'only the edited file is scanned');
  assert.equal(where(third.report), ['github-token leak.js:1', 'npm-token src/m3.js:1']);
  const fourth = scanJson(repo, []);
  assert.is(fourth.report.stats.cached, 21);
  // The cache holds ids and redacted metadata, never a secret.
  const files = filesBelow(join(repo.dir, '.git', 'shipgate'));
  assert.ok(files.length > 0, 'a cache was written');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.not.ok(text.includes(planted), `${file} holds the planted token`);
    assert.not.ok(text.includes(planted.slice(4, 20)), `${file} holds part of the planted token`);
  }
  // --no-cache reads everything and writes nothing.
  const nocache = scanJson(repo, ['--no-cache']);
  assert.is(nocache.report.stats.cached, 0);
  rmSync(join(repo.dir, '.git', 'shipgate'), { recursive: true });
  scanJson(repo, ['--no-cache']);
  assert.not.ok(existsSync(join(repo.dir, '.git', 'shipgate')));
  // --ref shares the cache: same content, same path.
  scanJson(repo, []);
  assert.is(scanJson(repo, ['--ref', 'HEAD']).report.stats.cached, 20, 'all but the edited file match HEAD');
});

s("the cache by the index's blob ids: what git vouches for is served; filters, skip-worktree, assume-unchanged and staged edits are read again", () => {
  const repo = Repo.init();
  // A clean filter that drops the secret's line: the index holds other bytes than the working tree.
  repo.git('config', 'filter.drop.clean', "sed '/token/d'");
  repo.git('config', 'filter.drop.smudge', 'cat');
  repo.write('.gitattributes', 'filtered.txt filter=drop\n');
  const filtered = `token = '${tokens.githubClassic()}'\n`;
  repo.write('filtered.txt', `plain line\n${filtered}`);
  for (const name of ['skipped.js', 'assumed.js', 'staged.js', 'plain.js']) repo.write(name, 'export const ok = 1;\n');
  commitAll(repo, 'files');
  const first = scanJson(repo, []);
  assert.equal(where(first.report), ['github-token filtered.txt:2'], 'the working tree is scanned, not the filtered blob');
  const warm = scanJson(repo, []);
  assert.is(warm.report.stats.cached, warm.report.stats.files, 'all from the cache');
  assert.equal(where(warm.report), ['github-token filtered.txt:2'], 'the filtered file is not served from its index blob');
  // git does not look at these working-tree files any more: shipgate must.
  repo.git('update-index', '--skip-worktree', 'skipped.js');
  repo.git('update-index', '--assume-unchanged', 'assumed.js');
  repo.write('skipped.js', `export const a = '${tokens.npm()}';\n`);
  repo.write('assumed.js', `export const b = '${tokens.npm()}';\n`);
  repo.write('staged.js', `export const c = '${tokens.npm()}';\n`);
  repo.git('add', 'staged.js');
  const after = scanJson(repo, []);
  assert.equal(where(after.report).sort(), ['github-token filtered.txt:2', 'npm-token assumed.js:1', 'npm-token skipped.js:1', 'npm-token staged.js:1']);
  assert.is(after.report.stats.cached, after.report.stats.files - 3, 'the three changed files were read');
  assert.equal(where(scanJson(repo, []).report), where(after.report), 'and served from the cache after');
  // From a subfolder, the whole repository.
  mkdirSync(join(repo.dir, 'sub'));
  assert.equal(where(scanJson(repo, [], {}, join(repo.dir, 'sub')).report), where(after.report));
});

s('a clean filter that masks secrets: an edit git finds unchanged is read all the same', () => {
  const repo = Repo.init();
  // The filter turns any GitHub token into a placeholder of the same length: a file that gets a
  // real token still gives the committed blob, and git lists it as unchanged.
  const placeholder = `ghp_${'x'.repeat(36)}`;
  repo.git('config', 'filter.mask.clean', `sed 's/ghp_[A-Za-z0-9]\\{36\\}/${placeholder}/g'`);
  repo.git('config', 'filter.mask.smudge', 'cat');
  repo.write('.gitattributes', 'masked.txt filter=mask\n');
  repo.write('masked.txt', `key = '${placeholder}'\n`);
  repo.write('plain.js', 'export const ok = 1;\n');
  commitAll(repo, 'files');
  assert.equal(where(scanJson(repo, []).report), []);
  assert.equal(where(scanJson(repo, []).report), [], 'a second scan, kept and cached');
  repo.write('masked.txt', `key = '${tokens.githubClassic()}'\n`);
  assert.is(repo.git('ls-files', '-m').trim(), '', 'git finds the file unchanged');
  assert.equal(where(scanJson(repo, []).report), ['github-token masked.txt:1']);
});

s('an unchanged index is answered by the result kept for it, and only then', () => {
  const repo = Repo.init();
  repo.write('leak.js', `const t = '${tokens.githubClassic()}';\n`);
  for (let i = 0; i < 5; i++) repo.write(`src/m${i}.js`, `export const v${i} = ${i};\n`);
  commitAll(repo, 'code');
  const first = scanJson(repo, []);
  const cacheDir = join(repo.dir, '.git', 'shipgate', 'scan-cache');
  const names = readdirSync(cacheDir);
  const key = names.find((n) => n.endsWith('.json'))!.slice(0, -'.json'.length);
  assert.ok(names.includes(`${key}.tree`), `a result kept beside the cache: ${names.join(', ')}`);
  // The per-file cache made unreadable: only the kept result can answer without reading.
  const damage = (): void => writeFileSync(join(cacheDir, `${key}.json`), '{ damaged');
  damage();
  const kept = scanJson(repo, []);
  assert.is(kept.report.stats.cached, 6, 'every file answered');
  assert.equal(kept.report.findings, first.report.findings);
  // An edit (git lists the file as differing) is read, as is its revert (the cache was damaged).
  const npm = tokens.npm();
  repo.write('src/m1.js', `export const v1 = '${npm}';\n`);
  assert.equal(where(scanJson(repo, []).report), ['github-token leak.js:1', 'npm-token src/m1.js:1']);
  // m1.js rewritten with an old time stamp, then scanned with only the kept result to answer.
  const hourAgo = new Date(Date.now() - 3_600_000);
  const rewriteAndScan = (content: string): ReturnType<typeof scanJson> => {
    repo.write('src/m1.js', content);
    utimesSync(join(repo.dir, 'src', 'm1.js'), hourAgo, hourAgo);
    damage();
    return scanJson(repo, []);
  };
  // Other bytes of the same size: git compares the content of a file whose stat differs from
  // its entry, and lists it.
  const other = rewriteAndScan('export const v1 = 2;\n');
  assert.is(other.report.stats.cached, 0, 'a file git lists: every file read');
  assert.equal(where(other.report), ['github-token leak.js:1']);
  // The bytes as committed: unchanged by git's content check, before any refresh of the index
  // (as `git status` does): the kept result answers.
  const touched = rewriteAndScan('export const v1 = 1;\n');
  assert.is(touched.report.stats.cached, 6, 'a touched file with its committed bytes');
  assert.equal(where(touched.report), ['github-token leak.js:1']);
  repo.git('update-index', '-q', '--refresh');
  // A staged edit is another index: read, and then kept for that index.
  repo.write('src/m2.js', `export const v2 = '${npm}';\n`);
  repo.git('add', 'src/m2.js');
  assert.equal(where(scanJson(repo, []).report), ['github-token leak.js:1', 'npm-token src/m2.js:1']);
  damage();
  const staged = scanJson(repo, []);
  assert.is(staged.report.stats.cached, 6);
  assert.equal(where(staged.report), ['github-token leak.js:1', 'npm-token src/m2.js:1']);
  // Another config (here untracked, so the index is the same) is another result.
  repo.write('shipgate.config.json', JSON.stringify({ ignore: ['leak.js'] }));
  const ignoring = scanJson(repo, []);
  assert.equal(where(ignoring.report), ['npm-token src/m2.js:1']);
  assert.is(ignoring.report.stats.ignoredFiles, 1);
  // One result is kept, the last: back to the first config, it is made again.
  rmSync(join(repo.dir, 'shipgate.config.json'));
  damage();
  assert.is(scanJson(repo, []).report.stats.cached, 0);
  // Suppressions apply to a kept result as to any other.
  damage();
  const fingerprint = first.report.findings[0]!.fingerprint;
  repo.write('.shipgate/ignore.json', JSON.stringify({ version: 1, ignore: [{ fingerprint, reason: 'a test fixture' }] }));
  const suppressed = scanJson(repo, []);
  assert.is(suppressed.report.stats.cached, 6, 'still the kept result');
  assert.equal(where(suppressed.report), ['npm-token src/m2.js:1']);
});

s('a file over the size limit: the kept result still answers, and says so again', () => {
  const repo = Repo.init();
  repo.write('shipgate.config.json', JSON.stringify({ scan: { maxFileBytes: 1000 } }));
  repo.write('a.js', `const t = '${tokens.githubClassic()}';\n`);
  repo.write('huge.js', `// ${'x'.repeat(2000)}\n`);
  commitAll(repo, 'code');
  const note = 'not scanned: huge.js (larger than 1000 bytes; scan.maxFileBytes in the config)';
  const first = scanJson(repo, []);
  assert.match(first.stderr, note);
  const cacheDir = join(repo.dir, '.git', 'shipgate', 'scan-cache');
  const key = readdirSync(cacheDir).find((n) => n.endsWith('.json'))!.slice(0, -'.json'.length);
  assert.ok(existsSync(join(cacheDir, `${key}.tree`)), 'a result kept for the index');
  // The per-file cache damaged: only the kept result can answer without reading.
  writeFileSync(join(cacheDir, `${key}.json`), '{ damaged');
  const kept = scanJson(repo, []);
  assert.is(kept.report.stats.cached, kept.report.stats.files, 'every file answered');
  assert.is(kept.report.stats.notScanned, 1);
  assert.equal(where(kept.report), ['github-token a.js:1']);
  assert.is(kept.stderr.split('\n').filter((l) => l.includes(note)).length, 1, kept.stderr);
  // The large file made small, with a secret in it: git lists it, and it is read.
  repo.write('huge.js', `const n = '${tokens.npm()}';\n`);
  const edited = scanJson(repo, []);
  assert.equal(where(edited.report), ['github-token a.js:1', 'npm-token huge.js:1']);
  assert.is(edited.report.stats.notScanned, 0);
  assert.not.match(edited.stderr, 'not scanned');
});

s('a cache that cannot be written does not fail the scan: one note, same findings', () => {
  const repo = Repo.init();
  repo.write('a.js', `const t = '${tokens.githubClassic()}';\n`);
  commitAll(repo, 'code');
  // .git/shipgate is a file: nothing can be created below it (works as root too).
  writeFileSync(join(repo.dir, '.git', 'shipgate'), 'in the way\n');
  const r = repo.shipgate(['scan', '--format', 'json']);
  assert.is(r.code, 1, r.out);
  assert.equal(where(JSON.parse(r.stdout) as Report), ['github-token a.js:1']);
  assert.is(r.stderr.split('\n').filter((l) => l.includes('scan cache not saved')).length, 1, r.stderr);
  assert.is(repo.shipgate(['scan', '--quiet']).stderr, '', '--quiet prints only findings');
  rmSync(join(repo.dir, '.git', 'shipgate'));
  if (process.getuid?.() !== 0) {
    // A read-only .git, for users for whom permissions apply.
    chmodSync(join(repo.dir, '.git'), 0o555);
    try {
      const ro = repo.shipgate(['scan']);
      assert.is(ro.code, 1, ro.out);
      assert.match(ro.stderr, 'scan cache not saved');
    } finally {
      chmodSync(join(repo.dir, '.git'), 0o755);
    }
  }
});

s('worker threads and the main thread find exactly the same, for files, for --ref and for a walk of files listed unsized', () => {
  const repo = Repo.init();
  for (let i = 0; i < 60; i++) {
    const lines = Array.from({ length: 200 }, (_, j) => `const value${j} = "${'abcdefghij'.repeat(3)}${i}-${j}"; // token = lookup(${j})`);
    if (i % 7 === 0) lines.splice(50 + i, 0, `const secret = '${tokens.githubClassic()}';`, `aws_secret_access_key = ${tokens.awsSecret()}`);
    if (i % 11 === 0) lines.push(`NPM_TOKEN: ${Buffer.from(tokens.npm()).toString('base64')}`);
    repo.write(`pkg${i % 5}/file${i}.js`, lines.join('\n') + '\n');
  }
  repo.write('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  commitAll(repo, 'many files');
  // A walk without the cache lists files without an lstat once the threads are settled, which
  // SHIPGATE_SCAN_THREADS does at once: they are read to their end. With the cache, each is stat'ed.
  const stated = scanJson(repo, ['.']);
  for (const args of [[], ['--ref', 'HEAD'], ['.']]) {
    const main = scanJson(repo, [...args, '--no-cache'], { SHIPGATE_SCAN_THREADS: '0' });
    const workers = scanJson(repo, [...args, '--no-cache'], { SHIPGATE_SCAN_THREADS: '3' });
    assert.ok(main.report.findings.length >= 9, `${main.report.findings.length} findings`);
    assert.equal(workers.report.findings, main.report.findings);
    const { durationMs: _a, ...mainStats } = main.report.stats as Report['stats'] & { durationMs: number };
    const { durationMs: _b, ...workerStats } = workers.report.stats as Report['stats'] & { durationMs: number };
    assert.equal(workerStats, mainStats);
    if (args[0] !== '.') continue;
    assert.equal(main.report.findings, stated.report.findings);
    const { durationMs: _c, cached: _d, ...statedStats } = stated.report.stats as Report['stats'] & { durationMs: number; cached: number };
    assert.equal({ ...statedStats, cached: 0 }, mainStats);
  }
});

s('--fail-on warn, files over scan.maxFileBytes, and --quiet', () => {
  const repo = Repo.init();
  repo.write('shipgate.config.json', JSON.stringify({ rules: { 'github-token': 'warn' }, scan: { maxFileBytes: 1000 } }));
  repo.write('a.js', `const t = '${tokens.githubClassic()}';\n`);
  repo.write('huge.js', `// ${'x'.repeat(2000)}\nconst n = '${tokens.npm()}';\n`);
  commitAll(repo, 'code');
  const warn = repo.shipgate(['scan']);
  assert.is(warn.code, 0, warn.out);
  assert.match(warn.stdout, 'nothing blocking');
  assert.match(warn.stderr, 'not scanned: huge.js (larger than 1000 bytes; scan.maxFileBytes in the config)');
  assert.is(repo.shipgate(['scan', '--fail-on', 'warn']).code, 1);
  const quiet = repo.shipgate(['scan', '--quiet', '--fail-on', 'warn']);
  assert.is(quiet.code, 1);
  assert.is(quiet.stderr, '');
  assert.match(quiet.stdout, 'github-token');
  repo.write('shipgate.config.json', JSON.stringify({ scan: { maxFileBytes: '1MB', extra: 1 } }));
  const bad = repo.shipgate(['scan']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, '"scan.maxFileBytes"');
  assert.match(bad.stderr, '"scan.extra"');
  // A clean --quiet scan prints nothing at all.
  const clean = Repo.init();
  clean.write('a.txt', 'hello\n');
  commitAll(clean, 'clean');
  const q = clean.shipgate(['scan', '--quiet']);
  assert.equal([q.code, q.stdout, q.stderr], [0, '', '']);
});

s('a report piped to a reader that stops early ends with the verdict, not an error', () => {
  const repo = Repo.init();
  // Over 64 KB of report, more than a pipe holds, so the reader is gone before it is all written.
  repo.write('keys.js', Array.from({ length: 400 }, () => `const t = '${tokens.githubClassic()}';`).join('\n') + '\n');
  commitAll(repo, 'keys');
  for (const format of ['json', 'sarif', 'text']) {
    const r = repo.run('bash', ['-c', `"${process.execPath}" "${BIN}" scan --format ${format} | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`]);
    assert.is(r.stdout.trim(), 'exit 1', `${format}: ${r.out}`);
    assert.not.match(r.stderr, 'internal error', format);
  }
  const rules = repo.run('bash', ['-c', `"${process.execPath}" "${BIN}" rules | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}"`]);
  assert.is(rules.stdout.trim(), 'exit 0', rules.out);
});

s('--release adds the release gate on HEAD to the scan', () => {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'tiny-pkg', version: '1.0.0', files: ['index.js', 'index.js.map'] }, null, 2));
  repo.write('index.js', 'module.exports = 1;\n//# sourceMappingURL=index.js.map\n');
  repo.write('src/secret-plan.ts', 'export const plan = "internal";\n');
  repo.write('index.js.map', JSON.stringify({ version: 3, sources: ['src/secret-plan.ts'], sourcesContent: ['export const plan = "internal";\n'], mappings: 'AAAA' }));
  commitAll(repo, 'release');
  const r = scanJson(repo, ['--release']);
  assert.ok(r.report.releases && r.report.releases.length >= 1, JSON.stringify(r.report));
  assert.ok(where(r.report).includes('package-sourcemap index.js.map:0'), where(r.report).join('\n'));
  const none = Repo.init();
  none.write('a.txt', 'x\n');
  commitAll(none, 'x');
  const skipped = none.shipgate(['scan', '--release']);
  assert.is(skipped.code, 0, skipped.out);
  assert.match(skipped.stderr, 'no package.json');
});

s('Ctrl-C stops a long scan cleanly: partial summary, exit 130, workers gone', async () => {
  const repo = Repo.init();
  // About 240 MB: long enough to be stopped in the middle on any machine.
  const block = Array.from({ length: 2048 }, (_, i) => `const token${i} = lookup("secret", ${i}); // password auth api_key ${'q'.repeat(i % 40)}`).join('\n');
  const chunk = Buffer.from(block.repeat(Math.ceil((2 * 1024 * 1024) / block.length)).slice(0, 2 * 1024 * 1024));
  mkdirSync(join(repo.dir, 'data'));
  for (let i = 0; i < 120; i++) writeFileSync(join(repo.dir, 'data', `f${String(i).padStart(3, '0')}.js`), chunk);
  // The main thread alone, workers alone, and by default the main thread beside workers.
  for (const threads of ['0', '2', undefined]) {
    const env = { ...repo.env, SHIPGATE_SCAN_THREADS: threads };
    if (threads === undefined) delete env['SHIPGATE_SCAN_THREADS'];
    const child = spawn(process.execPath, [CLI, 'scan', 'data', '--no-cache'], { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const started = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.is(code, 130, `threads=${threads}: ${stderr}`);
    assert.ok(Date.now() - started < 3000, 'it stops promptly');
    assert.match(stderr, /interrupted after \d+ of 120 files/);
    assert.match(stdout, /interrupted after \d+ of 120 files/);
  }
  assert.ok(statSync(join(repo.dir, 'data')).isDirectory());
});

s.run();
