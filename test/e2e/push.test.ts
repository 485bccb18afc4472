// The push gate's commit scan end to end: a real bare remote, real `git push`.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Repo, removeTemps } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

function setup(): { repo: Repo; remote: Repo } {
  const remote = Repo.init({ bare: true });
  const repo = Repo.init();
  repo.write('README.md', '# app\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  repo.git('remote', 'add', 'origin', remote.dir);
  repo.git('push', '-q', 'origin', 'main');
  const r = repo.shipgate(['install']);
  assert.is(r.code, 0, r.out);
  return { repo, remote };
}

const push = suite('push gate: commits');
push.after(removeTemps);

push('a secret added in one commit and removed in the next still blocks the push; the remote is unchanged', () => {
  const { repo, remote } = setup();
  const before = remote.git('rev-parse', 'main');
  repo.write('config.js', `module.exports = { npm: '${tokens.npm()}' };\n`);
  repo.git('add', 'config.js');
  repo.git('commit', '-q', '--no-verify', '-m', 'leak');
  repo.write('config.js', 'module.exports = { npm: process.env.NPM_TOKEN };\n');
  repo.git('commit', '-q', '-a', '-m', 'remove leak');
  const r = repo.run('git', ['push', 'origin', 'main']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 'config.js:1');
  assert.match(r.out, 'push blocked');
  assert.is(remote.git('rev-parse', 'main'), before);
});

push('a clean push goes through; a push with nothing new is instant and silent', () => {
  const { repo, remote } = setup();
  repo.write('a.js', 'console.log(1);\n');
  repo.git('add', 'a.js');
  repo.git('commit', '-q', '-m', 'clean');
  const r = repo.run('git', ['push', 'origin', 'main']);
  assert.is(r.code, 0, r.out);
  assert.is(remote.git('rev-parse', 'main'), repo.git('rev-parse', 'main'));
  const again = repo.run('git', ['push', 'origin', 'main']);
  assert.is(again.code, 0, again.out);
});

push('a new branch is checked against what the remote already has', () => {
  const { repo } = setup();
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write('b.js', `const k = '${tokens.githubClassic()}';\n`);
  repo.git('add', 'b.js');
  repo.git('commit', '-q', '--no-verify', '-m', 'leak on a branch');
  const r = repo.run('git', ['push', 'origin', 'feature']);
  assert.is.not(r.code, 0, r.out);
  assert.match(r.out, 'b.js:1');
  assert.match(r.out, '1 pushed commit');
});

push('deleting a remote branch is not checked', () => {
  const { repo } = setup();
  repo.git('push', '-q', '--no-verify', 'origin', 'main:old');
  const r = repo.run('git', ['push', 'origin', ':old']);
  assert.is(r.code, 0, r.out);
});

push.run();
