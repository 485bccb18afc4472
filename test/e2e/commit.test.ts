// The commit gate end to end: the real installer, real hooks, real `git commit`.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTemps, ROOT, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const leak = (): string => `export const token = '${tokens.githubClassic()}';\n`;

/** A repository with one commit, a package.json, and shipgate's hooks installed. */
function setup(): Repo {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0' }, null, 2) + '\n');
  repo.write('src/index.js', 'console.log("hello");\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  return repo;
}

const commit = suite('commit gate');
commit.after(removeTemps);

commit('install puts both hooks where git looks and wires prepare', () => {
  const repo = setup();
  for (const hook of ['pre-commit', 'pre-push']) {
    const file = join(repo.dir, '.git', 'hooks', hook);
    assert.ok(readFileSync(file, 'utf8').includes('# shipgate-hook:'), hook);
    assert.ok((statSync(file).mode & 0o111) !== 0, `${hook} is executable`);
  }
  const pkg = JSON.parse(repo.read('package.json'));
  assert.is(pkg.scripts.prepare, 'shipgate install --prepare || exit 0');
});

commit('a commit that adds a secret is blocked with a clear message; a clean one goes through', () => {
  const repo = setup();
  const token = tokens.githubClassic();
  repo.write('src/config.js', `export const token = '${token}';\n`);
  repo.git('add', 'src/config.js');
  const blocked = repo.commit('leak');
  assert.is(blocked.code, 1, blocked.out);
  assert.match(blocked.out, 'src/config.js:1:23');
  assert.match(blocked.out, 'github-token');
  assert.match(blocked.out, 'Fix:');
  assert.match(blocked.out, 'shipgate-allow: github-token');
  assert.not.ok(blocked.out.includes(token), 'the token is never printed in full');
  assert.is(repo.git('rev-list', '--count', 'HEAD').trim(), '1');

  repo.write('src/config.js', 'export const token = process.env.TOKEN;\n');
  repo.git('add', 'src/config.js');
  const clean = repo.commit('clean');
  assert.is(clean.code, 0, clean.out);
  assert.match(clean.out, /staged changes: no problems \(1 file, 1 line checked by \d+ rules?/);
  assert.is(repo.git('rev-list', '--count', 'HEAD').trim(), '2');
});

commit('git commit -a checks what -a stages (GIT_INDEX_FILE)', () => {
  const repo = setup();
  repo.write('src/index.js', leak());
  const r = repo.commit('all', '-a');
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'src/index.js:1');
});

commit('git commit <path>: a secret staged in another file does not block a commit of a clean file', () => {
  const repo = setup();
  repo.write('secret.js', leak());
  repo.git('add', 'secret.js');
  repo.write('src/index.js', 'console.log("changed");\n');
  const r = repo.commit('only index.js', '--', 'src/index.js');
  assert.is(r.code, 0, r.out);
  assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD').trim(), 'src/index.js');
  // The secret is still staged, so a plain commit is still blocked.
  assert.is(repo.commit('rest').code, 1);
});

commit('git commit <path> of the leaking file is blocked', () => {
  const repo = setup();
  repo.write('src/index.js', leak());
  const r = repo.commit('path', '--', 'src/index.js');
  assert.is(r.code, 1, r.out);
});

commit('partial staging: only the index counts, and neither the tree nor the index is touched', () => {
  const repo = setup();
  // Clean staged, secret only in the working tree: passes.
  repo.write('src/index.js', 'console.log("staged");\n');
  repo.git('add', 'src/index.js');
  repo.write('src/index.js', 'console.log("staged");\n' + leak());
  let before = repo.snapshot();
  const pass = repo.shipgate(['scan', '--staged']);
  assert.is(pass.code, 0, pass.out);
  assert.is(repo.snapshot(), before, 'scan --staged leaves tree and index as they were');
  const passCommit = repo.commit('staged part');
  assert.is(passCommit.code, 0, passCommit.out);
  assert.ok(repo.read('src/index.js').includes('github') || repo.read('src/index.js').includes('token'), 'unstaged secret still in the working tree');

  // Secret staged, then removed from the working tree only: blocked.
  repo.git('add', 'src/index.js');
  repo.write('src/index.js', 'console.log("fixed in the tree only");\n');
  before = repo.snapshot();
  const blocked = repo.commit('staged secret');
  assert.is(blocked.code, 1, blocked.out);
  assert.is(repo.snapshot(), before, 'a blocked commit leaves tree and index as they were');
});

commit('a linked worktree uses the same hooks', () => {
  const repo = setup();
  const wt = join(tempDir(), 'wt');
  repo.git('worktree', 'add', '-q', '-b', 'feature', wt);
  const other = new Repo(wt, repo.env);
  other.write('leak.js', leak());
  other.git('add', 'leak.js');
  const r = other.commit('leak in worktree');
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'leak.js:1');
});

commit('package.json in a subfolder: hooks at the repository, prepare in the package', () => {
  const repo = Repo.init();
  repo.write('app/package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: { prepare: 'tsc' } }, null, 2) + '\n');
  repo.write('README.md', '# mono\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  const r = repo.shipgate(['install'], { cwd: join(repo.dir, 'app') });
  assert.is(r.code, 0, r.out);
  assert.ok(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit')));
  const pkg = JSON.parse(repo.read('app/package.json'));
  assert.is(pkg.scripts.prepare, 'tsc && (shipgate install --prepare || exit 0)');
  repo.write('app/src/leak.js', leak());
  repo.git('add', '-A');
  assert.is(repo.commit('leak').code, 1);
});

commit('husky: a shipgate line is added to .husky hooks, husky\'s own hook still runs', () => {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0' }) + '\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  const husky = repo.run(process.execPath, [join(ROOT, 'node_modules', 'husky', 'bin.js')]);
  assert.is(husky.code, 0, husky.out);
  repo.write('.husky/pre-commit', 'echo "husky hook ran" > husky-ran.txt\n');
  // husky puts node_modules/.bin on PATH; give the repository a shipgate bin as npm would.
  repo.write('node_modules/.bin/shipgate', `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
  repo.run('chmod', ['+x', 'node_modules/.bin/shipgate']);
  repo.write('.gitignore', 'node_modules/\nhusky-ran.txt\n');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  assert.match(r.out, '(husky)');
  const hook = repo.read('.husky/pre-commit');
  assert.match(hook, 'echo "husky hook ran"');
  assert.match(hook, 'shipgate pre-commit # shipgate');
  assert.not.ok(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit')), 'nothing written where git does not look');
  assert.ok(repo.read('.husky/pre-push').includes('shipgate pre-push "$@" # shipgate'));

  repo.write('leak.js', leak());
  repo.git('add', 'leak.js', '.gitignore');
  const blocked = repo.commit('leak');
  assert.is(blocked.code, 1, blocked.out);
  assert.ok(existsSync(join(repo.dir, 'husky-ran.txt')), 'husky hook ran');

  assert.is(repo.shipgate(['install']).out.includes('nothing changed'), true, 'install twice changes nothing');
  const un = repo.shipgate(['uninstall']);
  assert.is(un.code, 0, un.out);
  assert.is(repo.read('.husky/pre-commit'), 'echo "husky hook ran" > husky-ran.txt\n');
  assert.not.ok(existsSync(join(repo.dir, '.husky', 'pre-push')), 'the hook file shipgate created is gone');
});

commit('an existing plain hook is kept, runs first, and uninstall restores it', () => {
  const repo = Repo.init();
  const original = '#!/bin/sh\necho "original hook ran" >> "$(git rev-parse --git-dir)/original-ran"\n';
  repo.write('.git/hooks/pre-commit', original);
  repo.run('chmod', ['+x', '.git/hooks/pre-commit']);
  repo.write('a.txt', 'a\n');
  repo.git('add', 'a.txt');
  repo.git('commit', '-q', '-m', 'init');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  assert.match(r.out, 'kept your pre-commit hook');
  repo.write('leak.js', leak());
  repo.git('add', 'leak.js');
  assert.is(repo.commit('leak').code, 1);
  assert.match(repo.read('.git/original-ran'), 'original hook ran');

  const twice = repo.shipgate(['install']);
  assert.match(twice.out, 'nothing changed');

  const un = repo.shipgate(['uninstall']);
  assert.is(un.code, 0, un.out);
  assert.is(repo.read('.git/hooks/pre-commit'), original);
  assert.not.ok(existsSync(join(repo.dir, '.git', 'hooks', 'pre-push')));
  assert.is(repo.commit('leak now passes, shipgate is gone').code, 0);
});

commit('SHIPGATE=0 skips the hook and says so; SHIPGATE_SKIP skips one rule and says so', () => {
  const repo = setup();
  repo.write('leak.js', leak());
  repo.git('add', 'leak.js');
  const r1 = repo.run('git', ['commit', '-q', '-m', 'skip rule'], { env: { SHIPGATE_SKIP: 'github-token' } });
  assert.is(r1.code, 0, r1.out);
  assert.match(r1.out, 'skipped by SHIPGATE_SKIP: github-token');
  repo.write('leak2.js', leak());
  repo.git('add', 'leak2.js');
  const r2 = repo.run('git', ['commit', '-q', '-m', 'skip all'], { env: { SHIPGATE: '0' } });
  assert.is(r2.code, 0, r2.out);
  assert.match(r2.out, 'skipped (SHIPGATE=0)');
});

commit('file rules: a committed .env and a private key file are blocked, .env.example is not', () => {
  const repo = setup();
  repo.write('.env.example', 'DATABASE_URL=\n');
  repo.git('add', '.env.example');
  const example = repo.commit('example');
  assert.is(example.code, 0, example.out);
  repo.write('config/.env.production', 'NODE_ENV=production\n');
  repo.write('deploy/id_ed25519', 'not really a key\n');
  repo.git('add', '-A');
  const r = repo.commit('env');
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'config/.env.production');
  assert.match(r.out, 'env-file');
  assert.match(r.out, 'private-key-file');
});

commit('inline allow comments suppress a false positive', () => {
  const repo = setup();
  repo.write('fixture.js', `const t = '${tokens.githubClassic()}'; // shipgate-allow: github-token\n`);
  repo.git('add', 'fixture.js');
  const r = repo.commit('allowed');
  assert.is(r.code, 0, r.out);
});

commit('config: ignore globs and severities apply; a syntax error blocks with exit 2 naming the file', () => {
  const repo = setup();
  repo.write('shipgate.config.json', JSON.stringify({ ignore: ['fixtures/**'] }));
  repo.write('fixtures/leak.js', leak());
  repo.git('add', '-A');
  const ignored = repo.commit('ignored');
  assert.is(ignored.code, 0, ignored.out);

  repo.write('shipgate.config.json', JSON.stringify({ rules: { 'github-token': 'warn' } }));
  repo.write('src/leak.js', leak());
  repo.git('add', '-A');
  const warned = repo.commit('warned');
  assert.is(warned.code, 0, warned.out);
  assert.match(warned.out, 'nothing blocking');

  repo.write('shipgate.config.json', '{ "rules": { "github-token" "off" } }');
  repo.write('src/leak2.js', leak());
  repo.git('add', '-A');
  const broken = repo.commit('broken config');
  assert.is(broken.code, 1, 'git reports a failed hook as 1');
  const direct = repo.shipgate(['scan', '--staged']);
  assert.is(direct.code, 2);
  assert.match(direct.stderr, 'shipgate.config.json: is not valid JSON');
});

commit('JSON report: redacted match, fingerprint, exit code unchanged by --output', () => {
  const repo = setup();
  const token = tokens.githubClassic();
  repo.write('a.js', `const t = '${token}';\n`);
  repo.git('add', 'a.js');
  const r = repo.shipgate(['scan', '--staged', '--format', 'json']);
  assert.is(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.is(report.version, 1);
  const [finding] = report.findings;
  assert.equal(Object.keys(finding).sort(), ['column', 'file', 'fingerprint', 'line', 'match', 'message', 'ruleId', 'severity']);
  assert.is(finding.ruleId, 'github-token');
  assert.not.ok(r.stdout.includes(token));
  const out = join(repo.dir, 'report.json');
  const toFile = repo.shipgate(['scan', '--staged', '--format', 'json', '--output', out]);
  assert.is(toFile.code, 1, 'never 0 with blocking findings, whatever the output options');
  assert.not.ok(readFileSync(out, 'utf8').includes(token));
});

commit('prepare mode: silent no-op outside git, under CI and with SHIPGATE=0', () => {
  const notGit = tempDir();
  writeFileSync(join(notGit, 'package.json'), '{"name":"x"}\n');
  const repo = new Repo(notGit);
  const outside = repo.shipgate(['install', '--prepare']);
  assert.equal([outside.code, outside.out], [0, '']);

  const ci = Repo.init();
  const underCi = ci.shipgate(['install', '--prepare'], { env: { CI: 'true' } });
  assert.equal([underCi.code, underCi.out], [0, '']);
  assert.not.ok(existsSync(join(ci.dir, '.git', 'hooks', 'pre-commit')));
  const off = ci.shipgate(['install', '--prepare'], { env: { SHIPGATE: '0' } });
  assert.equal([off.code, off.out], [0, '']);
  assert.not.ok(existsSync(join(ci.dir, '.git', 'hooks', 'pre-commit')));
  const on = ci.shipgate(['install', '--prepare']);
  assert.equal([on.code, on.out], [0, '']);
  assert.ok(existsSync(join(ci.dir, '.git', 'hooks', 'pre-commit')));
});

commit('the first commit of a new repository is checked too', () => {
  const repo = Repo.init();
  assert.is(repo.shipgate(['install']).code, 0);
  repo.write('leak.js', leak());
  repo.git('add', 'leak.js');
  assert.is(repo.commit('root').code, 1);
});

commit('fails closed: when git cannot read the index, the commit is blocked', () => {
  const repo = setup();
  repo.write('a.js', 'console.log(2);\n');
  repo.git('add', 'a.js');
  // A hook that receives an index git cannot read must not pass it as "nothing staged".
  const r = repo.run('sh', ['.git/hooks/pre-commit'], { env: { GIT_INDEX_FILE: join(repo.dir, 'not-an-index') } });
  repo.write('not-an-index', 'garbage');
  const corrupt = repo.run('sh', ['.git/hooks/pre-commit'], { env: { GIT_INDEX_FILE: join(repo.dir, 'not-an-index') } });
  assert.is(corrupt.code, 2, corrupt.out);
  assert.match(corrupt.out, 'Nothing was checked');
  assert.ok(r.code === 0 || r.code === 2, 'a missing index file is an empty index to git');
});

commit('renames, symlinks, binaries and submodules: only added text is scanned, line numbers are right', () => {
  const repo = setup();
  const sub = Repo.init();
  sub.write('x.txt', 'x\n');
  sub.git('add', 'x.txt');
  sub.git('commit', '-q', '-m', 'sub');
  repo.write('lib/old-name.js', 'a\nb\nc\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'base');
  repo.git('mv', 'lib/old-name.js', 'lib/new name.js');
  repo.write('lib/new name.js', `a\nb\n${leak()}c\n`);
  repo.run('ln', ['-s', 'lib/new name.js', 'link.js']);
  repo.write('img.bin', Buffer.from([0, 1, 2, 0, 255, 0]));
  const added = repo.run('git', ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/sub']);
  assert.is(added.code, 0, added.out);
  repo.git('add', '-A');
  const r = repo.shipgate(['scan', '--staged', '--format', 'json']);
  assert.is(r.code, 1, r.out);
  const report = JSON.parse(r.stdout);
  assert.equal(report.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`), ['lib/new name.js:3']);
  assert.is(report.stats.binaryFiles, 1);
});

commit('colour only on request: FORCE_COLOR adds it, NO_COLOR and pipes do not', () => {
  const repo = setup();
  repo.write('a.js', leak());
  repo.git('add', 'a.js');
  const esc = '\u001b[';
  assert.not.ok(repo.shipgate(['scan', '--staged']).stdout.includes(esc), 'no colour into a pipe');
  assert.ok(repo.shipgate(['scan', '--staged'], { env: { FORCE_COLOR: '1' } }).stdout.includes(esc), 'FORCE_COLOR');
  assert.not.ok(repo.shipgate(['scan', '--staged'], { env: { NO_COLOR: '1' } }).stdout.includes(esc), 'NO_COLOR');
});

commit('the prepare script never fails npm install, even where shipgate is not installed', () => {
  const repo = setup();
  // setup() ran the installer, which added shipgate to "prepare"; this repository has no
  // node_modules, as after `npm ci --omit=dev` where shipgate is a devDependency.
  const r = repo.run('npm', ['run', 'prepare', '--silent'], { env: { npm_config_update_notifier: 'false' } });
  assert.is(r.code, 0, r.out);
});

commit('unknown command and flag exit 2 with a hint', () => {
  const repo = Repo.init();
  const a = repo.shipgate(['instal']);
  assert.is(a.code, 2);
  assert.match(a.stderr, "Did you mean 'shipgate install'");
  const b = repo.shipgate(['scan', '--stagd']);
  assert.is(b.code, 2);
  assert.match(b.stderr, "shipgate scan --help");
});

commit.run();
