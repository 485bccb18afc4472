import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Repo, removeTemps } from '../helpers/repo.js';

const init = suite('shipgate init');
init.after(removeTemps);

init('describes the repository, writes a commented config that loads, and never clobbers it', () => {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }) + '\n');
  repo.write('packages/cli/package.json', JSON.stringify({ name: '@acme/cli', version: '1.2.0', scripts: { build: 'tsup src/index.ts --format esm' } }) + '\n');
  repo.write('packages/cli/tsup.config.ts', 'export default { entry: ["src/index.ts"] };\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  repo.git('tag', '@acme/cli@1.1.0');
  repo.git('tag', '@acme/cli@1.2.0');
  const r = repo.shipgate(['init']);
  assert.is(r.code, 0, r.out);
  assert.match(r.stdout, 'publishes 1 package: @acme/cli (packages/cli)');
  assert.match(r.stdout, 'builds with tsup');
  assert.match(r.stdout, 'tags releases as "*@*" (2 tags seen)');
  const written = repo.read('shipgate.config.json');
  assert.match(written, '// shipgate configuration');
  assert.match(written, '"tagPattern": "*@*"');
  // The written file is a valid config.
  const scan = repo.shipgate(['scan']);
  assert.is(scan.code, 0, scan.out);

  repo.write('shipgate.config.json', written.replace('"rules": {}', '"rules": { "env-file": "warn" }'));
  const again = repo.shipgate(['init']);
  assert.is(again.code, 0);
  assert.match(again.stdout, 'already exists; nothing written');
  assert.match(repo.read('shipgate.config.json'), '"env-file": "warn"');
});

init.run();
