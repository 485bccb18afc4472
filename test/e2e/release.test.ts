// The release gate end to end: real repositories, a real bare remote, real `git push` of tags,
// real builds and real `npm pack`.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTemps, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const release = suite('release gate');
release.after(removeTemps);

// A build that does what the March 2026 bundle did: a bundle and a map whose sourcesContent
// holds TypeScript sources the package does not ship.
const BUILD = `
const fs = require('fs');
const path = require('path');
const inline = process.argv.includes('--inline');
fs.mkdirSync('dist', { recursive: true });
const sources = fs.readdirSync('src').map((f) => 'src/' + f);
const map = JSON.stringify({ version: 3, file: 'cli.js', sources: sources.map((s) => '../' + s), sourcesContent: sources.map((s) => fs.readFileSync(s, 'utf8')), mappings: 'AAAA' });
const pad = 'x'.repeat(Number(process.env.BUNDLE_PAD || 0));
if (inline) {
  fs.writeFileSync('dist/cli.js', '#!/usr/bin/env node\\nconsole.log("cli");/*' + pad + '*/\\n//# sourceMappingURL=data:application/json;base64,' + Buffer.from(map).toString('base64') + '\\n');
} else {
  fs.writeFileSync('dist/cli.js', '#!/usr/bin/env node\\nconsole.log("cli");/*' + pad + '*/\\n//# sourceMappingURL=cli.js.map\\n');
  fs.writeFileSync('dist/cli.js.map', map);
}
`;

interface Setup {
  repo: Repo;
  remote: Repo;
}

function setup(pkg: Record<string, unknown> = {}, build = 'node scripts/build.js'): Setup {
  const remote = Repo.init({ bare: true });
  const repo = Repo.init();
  repo.write('src/cli.ts', 'export function main(): void {\n  console.log("cli");\n}\n');
  repo.write('src/internal.ts', 'export const internalPlan = "the secret sauce";\n');
  repo.write('scripts/build.js', BUILD);
  repo.write('.gitignore', 'dist/\nnode_modules/\n.env\n');
  repo.write('package.json', JSON.stringify({
    name: 'leaky-cli', version: '1.0.0', bin: { leaky: 'dist/cli.js' }, files: ['dist'], scripts: { build }, ...pkg,
  }, null, 2) + '\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'release 1.0.0');
  repo.git('remote', 'add', 'origin', remote.dir);
  repo.git('push', '-q', '--no-verify', 'origin', 'main');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  return { repo, remote };
}

const remoteTags = (remote: Repo): string => remote.git('tag', '--list').trim();
const worktrees = (repo: Repo): number => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

release('the March 2026 leak: a map with unshipped sources blocks the tag push; "!**/*.map" fixes it', () => {
  const { repo, remote } = setup();
  repo.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  const blocked = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is.not(blocked.code, 0, blocked.out);
  assert.match(blocked.out, 'release leaky-cli@1.0.0 (tagged commit v1.0.0)');
  assert.match(blocked.out, 'dist/cli.js.map');
  assert.match(blocked.out, 'package-sourcemap');
  assert.match(blocked.out, '"!**/*.map"');
  assert.is(remoteTags(remote), '', 'the remote has no tag');
  assert.is(worktrees(repo), 1, 'the temporary worktree is gone');

  repo.write('package.json', repo.read('package.json').replace('"files": [\n    "dist"\n  ]', '"files": [\n    "dist",\n    "!**/*.map"\n  ]'));
  repo.git('commit', '-q', '-a', '-m', 'exclude maps');
  repo.git('tag', '-f', '-a', 'v1.0.0', '-m', 'v1.0.0');
  repo.git('push', '-q', '--no-verify', 'origin', 'main');
  const fixed = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is(fixed.code, 0, fixed.out);
  assert.is(remoteTags(remote), 'v1.0.0');
});

release('the earlier variant: the whole map inline as a base64 data: URL in the bundle', () => {
  const { repo, remote } = setup({}, 'node scripts/build.js --inline');
  repo.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  const r = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 'dist/cli.js');
  assert.match(r.out, 'package-sourcemap');
  assert.is(remoteTags(remote), '');
});

release('publishing by hand from this checkout: an untracked .env is packed when "files" is missing', () => {
  const { repo, remote } = setup({ files: undefined }, 'node -e 0');
  // Not committed, and not ignored either: `npm publish` from here would ship it.
  repo.write('.gitignore', 'dist/\nnode_modules/\n');
  repo.git('commit', '-q', '--no-verify', '-a', '-m', 'stop ignoring .env (the drift rule would block this: bypassed on purpose)');
  repo.write('.env', 'DATABASE_URL=postgres://localhost/dev\n');
  repo.git('tag', 'v1.0.0');
  const r = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, '.env');
  assert.match(r.out, '[working tree]');
  assert.is(remoteTags(remote), '');
});

release('a tag that does not match the package version is blocked', () => {
  const { repo } = setup({ files: ['dist', '!**/*.map'] });
  repo.git('tag', 'v1.0.1');
  const r = repo.shipgate(['release', 'check', 'v1.0.1']);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'tag v1.0.1 does not match leaky-cli\'s version 1.0.0');
});

release('approve, then a 3x size jump blocks with a readable diff', () => {
  const { repo } = setup({ files: ['dist', '!**/*.map'] });
  const approved = repo.shipgate(['release', 'approve']);
  assert.is(approved.code, 0, approved.out);
  assert.ok(existsSync(join(repo.dir, '.shipgate/release.json')));
  repo.git('add', '.shipgate/release.json');
  repo.git('commit', '-q', '-m', 'approve 1.0.0');
  const same = repo.shipgate(['release', 'check']);
  assert.is(same.code, 0, same.out);
  assert.match(same.out, 'compared with: approved release 1.0.0');

  repo.write('package.json', repo.read('package.json').replace('"version": "1.0.0"', '"version": "1.1.0"'));
  repo.git('commit', '-q', '-a', '-m', '1.1.0');
  repo.git('tag', 'v1.1.0');
  const grown = repo.run('git', ['push', 'origin', 'v1.1.0'], { env: { BUNDLE_PAD: '3000' } });
  assert.is.not(grown.code, 0, grown.out);
  assert.match(grown.out, '~ grown');
  assert.match(grown.out, 'dist/cli.js');
  assert.match(grown.out, 'package-drift');
});

release('a lightweight tag on a commit the remote already has is still gated', () => {
  const { repo, remote } = setup();
  repo.git('tag', 'v1.0.0');
  const r = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, '0 pushed commits');
  assert.match(r.out, 'package-sourcemap');
  assert.is(remoteTags(remote), '');
});

release('a tag that does not match the release pattern is not gated', () => {
  const { repo, remote } = setup();
  repo.git('tag', 'nightly-2026-11-21');
  const r = repo.run('git', ['push', 'origin', 'nightly-2026-11-21']);
  assert.is(r.code, 0, r.out);
  assert.not.match(r.out, 'release leaky-cli');
  assert.is(remoteTags(remote), 'nightly-2026-11-21');
});

release('monorepo: tag pkg@1.2.0 gates the workspace named pkg', () => {
  const remote = Repo.init({ bare: true });
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }) + '\n');
  repo.write('packages/tool/package.json', JSON.stringify({ name: 'tool', version: '1.2.0', files: ['index.js', 'index.js.map'] }) + '\n');
  repo.write('packages/tool/index.js', 'module.exports = 1;\n//# sourceMappingURL=index.js.map\n');
  repo.write('packages/tool/index.js.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], sourcesContent: ['export default 1;\n'], mappings: 'AAAA' }));
  repo.write('shipgate.config.json', JSON.stringify({ release: { tagPattern: '*@*' } }));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  repo.git('remote', 'add', 'origin', remote.dir);
  assert.is(repo.shipgate(['install']).code, 0);
  repo.git('tag', 'tool@1.2.0');
  const r = repo.run('git', ['push', 'origin', 'main', 'tool@1.2.0']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 'release tool@1.2.0 (tagged commit tool@1.2.0)');
  assert.match(r.out, 'index.js.map');
  assert.is(remoteTags(remote), '');
});

release('a build that fails blocks the push with the build output', () => {
  const { repo, remote } = setup({}, 'node -e "console.error(\'tsc: error TS2322 in src/cli.ts\'); process.exit(3)"');
  repo.git('tag', 'v1.0.0');
  const r = repo.run('git', ['push', 'origin', 'v1.0.0']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 'npm run build failed');
  assert.match(r.out, 'error TS2322');
  assert.is(remoteTags(remote), '');
  assert.is(worktrees(repo), 1);
});

release('release check --tarball screens an existing tarball; a secret inside a map names the original source', () => {
  const { repo } = setup();
  const token = tokens.githubClassic();
  repo.write('src/config.ts', `export const token = '${token}';\n`);
  repo.run('node', ['scripts/build.js'], {});
  const dest = tempDir();
  const packed = repo.run('npm', ['pack', '--pack-destination', dest, '--ignore-scripts']);
  assert.is(packed.code, 0, packed.out);
  const tgz = join(dest, readdirSync(dest)[0]!);
  const r = repo.shipgate(['release', 'check', '--tarball', tgz]);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'tarball leaky-cli-1.0.0.tgz');
  assert.match(r.out, 'src/config.ts');
  assert.not.ok(r.out.includes(token), 'never the token in full');
});

release.run();
