// Faults: missing tools, failing and hanging builds, Ctrl-C, corrupt state files. In each, the
// gate says what went wrong and blocks; it never passes silently and never leaves debris.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, Repo, removeTemps, ROOT, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const faults = suite('faults');
faults.after(removeTemps);

function pkgRepo(scripts: Record<string, string>, config?: object): Repo {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', files: ['index.js'], scripts }, null, 2) + '\n');
  repo.write('index.js', 'module.exports = 1;\n');
  if (config) repo.write('shipgate.config.json', JSON.stringify(config));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  return repo;
}

const worktrees = (repo: Repo): number => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

faults('git missing from PATH: exit 2 with a clear message, nothing checked is nothing passed', () => {
  const repo = Repo.init();
  const r = repo.shipgate(['scan', '--staged'], { env: { PATH: tempDir() } });
  assert.is(r.code, 2, r.out);
  assert.match(r.stderr, 'git was not found on PATH');
});

faults('node missing for the hook (a GUI client): the hook blocks and says what to do', () => {
  const repo = Repo.init();
  assert.is(repo.shipgate(['install']).code, 0);
  repo.write('a.js', '1\n');
  repo.git('add', 'a.js');
  const r = repo.run('git', ['commit', '-q', '-m', 'x'], { env: { SHIPGATE_NODE: join(tempDir(), 'no-node-here') } });
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'cannot run the pre-commit check, so it is blocked');
  assert.match(r.out, 'SHIPGATE_NODE');
  assert.match(r.out, 'SHIPGATE=0');
  assert.is(repo.run('git', ['rev-list', '--all']).stdout.trim(), '', 'nothing was committed');
});

faults('npm pack failing blocks the release with npm\'s output', () => {
  const repo = pkgRepo({ prepack: 'node -e "console.error(\'prepack exploded\'); process.exit(7)"' });
  const r = repo.shipgate(['release', 'check']);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'npm pack failed');
  assert.match(r.out, 'prepack exploded');
  assert.is(worktrees(repo), 1);
});

faults('a build that hangs is stopped at release.buildTimeout and blocks', () => {
  const repo = pkgRepo({ build: 'node -e "setInterval(() => {}, 1000)"' }, { release: { buildTimeout: 2 } });
  const started = Date.now();
  const r = repo.shipgate(['release', 'check']);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'did not finish in 2 s');
  assert.ok(Date.now() - started < 60_000, 'the timeout ended it');
  assert.is(worktrees(repo), 1, 'the temporary worktree is removed');
});

faults('Ctrl-C during a release check removes the temporary worktree', async () => {
  const repo = pkgRepo({ build: 'node -e "setTimeout(() => {}, 30000)"' });
  const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('shipgate-release-')));
  const child = spawn(process.execPath, [CLI, 'release', 'check'], { cwd: repo.dir, env: repo.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b));
  child.stderr.on('data', (b: Buffer) => (output += b));
  // Wait until the build runs inside the worktree, then interrupt like a terminal would.
  for (let i = 0; i < 200 && worktrees(repo) < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.is(worktrees(repo), 2, 'the worktree was made');
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(code, 130, output);
  assert.match(output, 'interrupted');
  assert.is(worktrees(repo), 1, `git worktree list is clean: ${repo.git('worktree', 'list')}`);
  const left = readdirSync(tmpdir()).filter((n) => n.startsWith('shipgate-release-') && !before.has(n));
  assert.equal(left, [], 'no temporary folder left');
});

faults('corrupt .shipgate/release.json and config: exit 2 naming the file and the problem', () => {
  const repo = pkgRepo({});
  repo.write('.shipgate/release.json', '{"version": 1, "package": "app", "files": "all of them"}');
  const r = repo.shipgate(['release', 'check']);
  assert.is(r.code, 2, r.out);
  assert.match(r.stderr, '.shipgate/release.json');
  assert.match(r.stderr, '"files" must list');
  repo.write('.shipgate/release.json', '{ not json');
  const r2 = repo.shipgate(['release', 'check']);
  assert.is(r2.code, 2);
  assert.match(r2.stderr, '.shipgate/release.json: is not valid JSON');
  repo.write('shipgate.config.json', '{"release": {"maxGrowth": "lots"}}');
  const r3 = repo.shipgate(['scan']);
  assert.is(r3.code, 2);
  assert.match(r3.stderr, 'shipgate.config.json');
  assert.match(r3.stderr, '"release.maxGrowth" must be a number');
});

faults('no leaks: no file shipgate writes and no output holds a planted secret in full', () => {
  const remote = Repo.init({ bare: true });
  const repo = Repo.init();
  const secrets = [tokens.githubClassic(), tokens.npm(), tokens.awsKeyId()];
  repo.write('package.json', JSON.stringify({ name: 'leaky', version: '1.0.0', files: ['lib'] }, null, 2) + '\n');
  repo.write('lib/index.js', `module.exports = ['${secrets[0]}'];\n`);
  repo.write('lib/index.js.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], sourcesContent: [`export const k = '${secrets[1]}';\n`], mappings: 'AAAA' }));
  repo.write('src/config.ts', `export const aws = '${secrets[2]}';\n`);
  repo.git('add', '-A');
  repo.git('commit', '-q', '--no-verify', '-m', 'leaky');
  repo.git('remote', 'add', 'origin', remote.dir);
  assert.is(repo.shipgate(['install']).code, 0);
  const reports = tempDir();
  const outputs: string[] = [];
  const run = (args: string[]): void => {
    const r = repo.shipgate(args);
    outputs.push(r.out);
  };
  run(['scan']);
  run(['scan', '--format', 'json', '--output', join(reports, 'scan.json')]);
  run(['scan', '--format', 'sarif', '--output', join(reports, 'scan.sarif')]);
  run(['baseline']);
  run(['release', 'check', '--format', 'json', '--output', join(reports, 'release.json')]);
  run(['release', 'approve']);
  repo.write('more.js', `x = '${secrets[0]}';\n`);
  repo.git('add', 'more.js');
  // The commit check writes V8's code cache after a run that held the secret in memory.
  const codeCache = join(ROOT, 'dist', '.v8-cache');
  rmSync(codeCache, { recursive: true, force: true });
  outputs.push(repo.commit('blocked').out);
  assert.ok(existsSync(codeCache), 'the commit check wrote its code cache');
  repo.git('tag', 'v1.0.0');
  outputs.push(repo.run('git', ['push', 'origin', 'main', 'v1.0.0']).out);

  const written: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else written.push(path);
    }
  };
  walk(join(repo.dir, '.git', 'shipgate'));
  walk(join(repo.dir, '.shipgate'));
  walk(reports);
  walk(codeCache);
  assert.ok(written.length >= 4, `found the files shipgate wrote: ${written.join(', ')}`);
  for (const secret of secrets) {
    for (const file of written) assert.not.ok(readFileSync(file, 'utf8').includes(secret), `${file} holds a secret`);
    for (const out of outputs) assert.not.ok(out.includes(secret), 'an output holds a secret');
  }
  assert.ok(outputs.some((o) => o.includes('github-token')), 'the secrets were found');
});

faults.run();
