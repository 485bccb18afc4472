// The bin and the pre-commit fast path: dist/bin.cjs runs `pre-commit` from its own bundle
// through V8's code cache (dist/.v8-cache) and hands every other command to dist/cli.js. The
// cache must never change a verdict: missing, corrupt, of another build, or unwritable.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, Repo, removeTemps, ROOT, tempDir, type Run } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';
import { STAGED_DIFF_ARGS } from '../../src/git.js';

const bin = suite('bin and the pre-commit code cache');
bin.after(removeTemps);

/** A copy of the bin and the pre-commit bundle, so that each test has its own cache folder. */
function copyOfBin(): { bin: string; cacheDir: string } {
  const dir = tempDir('shipgate-bin-');
  for (const name of ['bin.cjs', 'precommit.cjs', 'main.cjs', 'worker.cjs']) copyFileSync(join(ROOT, 'dist', name), join(dir, name));
  return { bin: join(dir, 'bin.cjs'), cacheDir: join(dir, '.v8-cache') };
}

/** A repository with `content` staged in src/app.js. */
function staged(content: string): Repo {
  const repo = Repo.init();
  repo.write('src/app.js', content);
  repo.git('add', '-A');
  return repo;
}

/** As the hook stub runs it: git's staged diff piped in, with git's exit status after it. */
function preCommit(repo: Repo, binPath: string): Run {
  const diff = repo.run('git', [...STAGED_DIFF_ARGS]).stdout;
  return repo.run(process.execPath, [binPath, 'pre-commit', '--diff-stdin'], { input: `${diff}\0shipgate-exit:0\0` });
}

const leak = (): string => `export const token = '${tokens.githubClassic()}';\n`;

bin('the first check writes a code cache named for the build, node and architecture; later checks use it', () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  const repo = staged(leak());
  const first = preCommit(repo, binPath);
  assert.is(first.code, 1, first.out);
  assert.match(first.out, 'github-token');
  const files = readdirSync(cacheDir);
  assert.is(files.length, 1, files.join(', '));
  const id = /^\/\/ shipgate precommit bundle ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'precommit.cjs'), 'latin1'))?.[1];
  assert.ok(id, 'the bundle names its build on its first line');
  assert.is(files[0], `precommit-${id}-${process.version}-${process.arch}.bin`);
  const cache = readFileSync(join(cacheDir, files[0]!));
  const second = preCommit(repo, binPath);
  assert.is(second.code, 1);
  assert.is(second.out, first.out, 'the same report from the cache');
  assert.ok(readFileSync(join(cacheDir, files[0]!)).equals(cache), 'an accepted cache is not rewritten');
});

bin('a corrupt cache changes no verdict and is replaced', () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  const clean = staged('export const answer = 42;\n');
  assert.is(preCommit(clean, binPath).code, 0);
  const [name] = readdirSync(cacheDir);
  const garbage = Buffer.alloc(4096, 0x5a);
  writeFileSync(join(cacheDir, name!), garbage);
  const blocked = preCommit(staged(leak()), binPath);
  assert.is(blocked.code, 1, blocked.out);
  assert.match(blocked.out, 'github-token');
  assert.not.ok(readFileSync(join(cacheDir, name!)).equals(garbage), 'the rejected cache was rewritten');
  const passed = preCommit(clean, binPath);
  assert.is(passed.code, 0, passed.out);
  assert.match(passed.out, 'no problems');
});

bin("caches of other builds are removed when this build's is written; other node versions' stay", () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  preCommit(staged('let a = 1;\n'), binPath);
  const [mine] = readdirSync(cacheDir);
  const stale = `precommit-0123456789abcdef-${process.version}-${process.arch}.bin`;
  const otherNode = mine!.replace(process.version, 'v99.0.0');
  writeFileSync(join(cacheDir, stale), 'old build');
  writeFileSync(join(cacheDir, otherNode), 'this build, another node');
  writeFileSync(join(cacheDir, mine!), 'corrupt, so that it is written again');
  preCommit(staged('let b = 2;\n'), binPath);
  assert.equal(readdirSync(cacheDir).sort(), [mine, otherNode].sort());
});

bin('without a writable cache folder the check still runs and blocks', () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  writeFileSync(cacheDir, 'a file where the cache folder would go'); // mkdir fails, even as root
  const blocked = preCommit(staged(leak()), binPath);
  assert.is(blocked.code, 1, blocked.out);
  assert.match(blocked.out, 'github-token');
  const passed = preCommit(staged('let c = 3;\n'), binPath);
  assert.is(passed.code, 0, passed.out);
  assert.is(readFileSync(cacheDir, 'utf8'), 'a file where the cache folder would go');
});

bin('a long report reaches the end before the check exits', () => {
  const { bin: binPath } = copyOfBin();
  const lines = Array.from({ length: 400 }, (_, i) => `export const token${i} = '${tokens.githubClassic()}';`);
  const r = preCommit(staged(lines.join('\n') + '\n'), binPath);
  assert.is(r.code, 1);
  for (const line of [1, 200, 400]) assert.match(r.out, `src/app.js:${line}`);
  assert.ok(r.out.trimEnd().length > 400 * 80, `${r.out.length} characters of report`);
});

bin('the bin hands every other command to the full CLI, and pre-commit errors are exit 2 with a hint', () => {
  const repo = Repo.init();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
  assert.is(pkg.bin['shipgate'], 'dist/bin.cjs');
  const version = repo.run(process.execPath, [BIN, '--version']);
  assert.is(version.stdout, `${pkg.version}\n`);
  const help = repo.run(process.execPath, [BIN, 'pre-commit', '--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, 'shipgate pre-commit [--diff-stdin]');
  const bad = repo.run(process.execPath, [BIN, 'pre-commit', '--bogus']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'unknown option --bogus');
  assert.match(bad.stderr, "Run 'shipgate pre-commit --help'");
  const cut = repo.run(process.execPath, [BIN, 'pre-commit', '--diff-stdin'], { input: 'no exit marker' });
  assert.is(cut.code, 2);
  assert.match(cut.stderr, 'Nothing was checked, so the operation is blocked.');
});

bin('every other command runs from dist/main.cjs, through a code cache of its own', () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  const repo = Repo.init();
  const first = repo.run(process.execPath, [binPath, 'rules', '--format', 'json']);
  assert.is(first.code, 0, first.out);
  const names = readdirSync(cacheDir);
  const id = /^\/\/ shipgate main bundle ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'main.cjs'), 'latin1'))?.[1];
  assert.ok(id, 'the bundle names its build on its first line');
  const rulesCache = `main-${id}-rules-${process.version}-${process.arch}.bin`;
  assert.equal(names, [rulesCache]);
  const second = repo.run(process.execPath, [binPath, 'rules', '--format', 'json']);
  assert.is(second.stdout, first.stdout);
  assert.ok(JSON.parse(second.stdout).rules.length > 100);
  preCommit(staged('let d = 4;\n'), binPath);
  assert.is(readdirSync(cacheDir).length, 2, "the commit check's cache is its own");
  // Each command its own (a cache holds what its first run compiled), and each set of node flags
  // (V8 rejects a cache made under others): none rewrites another's.
  const made = readFileSync(join(cacheDir, rulesCache));
  assert.is(repo.run(process.execPath, [binPath, '--version']).code, 0);
  assert.is(repo.run(process.execPath, ['--max-old-space-size=200', binPath, 'rules', '--format', 'json']).stdout, first.stdout);
  const all = readdirSync(cacheDir).sort();
  assert.is(all.length, 4, all.join(', '));
  assert.ok(all.includes(`main-${id}-other-${process.version}-${process.arch}.bin`), all.join(', '));
  assert.ok(all.some((n) => new RegExp(`^main-${id}-rules-f[0-9a-f]{8}-`).test(n)), all.join(', '));
  assert.ok(readFileSync(join(cacheDir, rulesCache)).equals(made), 'the first rules cache is untouched');
});

bin("a large scan's worker threads run dist/worker.cjs through a code cache of their own, which changes no finding", () => {
  const { bin: binPath, cacheDir } = copyOfBin();
  const repo = Repo.init();
  repo.write('src/a.js', `${'const x = 1;\n'.repeat(2000)}${leak()}`);
  repo.write('src/b.js', 'export const answer = 42;\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'code');
  // SHIPGATE_SCAN_THREADS starts workers for any scan; every file is read by one.
  const scan = (): Run => repo.run(process.execPath, [binPath, 'scan', '--no-cache', '--format', 'json'], { env: { SHIPGATE_SCAN_THREADS: '2' } });
  const findings = (run: Run): string[] => (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
  const first = scan();
  assert.is(first.code, 1, first.out);
  assert.equal(findings(first), ['github-token src/a.js:2001']);
  const id = /^\/\/ shipgate worker bundle ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'worker.cjs'), 'latin1'))?.[1];
  assert.ok(id, 'the bundle names its build on its first line');
  const workerCache = join(cacheDir, `worker-${id}-${process.version}-${process.arch}.bin`);
  assert.ok(existsSync(workerCache), readdirSync(cacheDir).join(', '));
  const made = readFileSync(workerCache);
  assert.equal(findings(scan()), findings(first));
  assert.ok(readFileSync(workerCache).equals(made), 'an accepted cache is not rewritten');
  const garbage = Buffer.alloc(4096, 0x5a);
  writeFileSync(workerCache, garbage);
  assert.equal(findings(scan()), findings(first), 'a corrupt cache changes no finding');
  assert.not.ok(readFileSync(workerCache).equals(garbage), 'the rejected cache was rewritten');
});

bin('the installed hook runs the bin', () => {
  const repo = Repo.init();
  repo.write('package.json', '{"name":"app","version":"1.0.0"}\n');
  assert.is(repo.shipgate(['install']).code, 0);
  const stub = readFileSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), 'utf8');
  assert.ok(stub.includes(`cli='${realpathSync(BIN)}'`), stub);
  assert.ok(existsSync(BIN));
});

bin.run();
