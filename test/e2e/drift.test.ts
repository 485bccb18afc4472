// Config drift at commit time, end to end: the staged version of a config against HEAD's.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Repo, removeTemps } from '../helpers/repo.js';

const drift = suite('config drift');
drift.after(removeTemps);

const tsconfig = (options: string): string =>
  `{\n  // compiler settings\n  "compilerOptions": {\n    "outDir": "dist",${options}\n  }\n}\n`;

function setup(): Repo {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'cli', version: '1.0.0', files: ['dist'] }, null, 2) + '\n');
  repo.write('tsconfig.json', tsconfig(''));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  assert.is(repo.shipgate(['install']).code, 0);
  return repo;
}

drift('turning sourceMap and inlineSources on in tsconfig blocks the commit and shows old and new values', () => {
  const repo = setup();
  repo.write('tsconfig.json', tsconfig('\n    "sourceMap": true,\n    "inlineSources": true,'));
  repo.git('add', 'tsconfig.json');
  const r = repo.commit('maps on');
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'tsconfig.json:6');
  assert.match(r.out, 'compilerOptions.inlineSources changed: unset -> true');
  assert.match(r.out, 'compilerOptions.sourceMap changed: unset -> true');
  assert.match(r.out, '"!**/*.map"');
});

drift('reformatting a config is not drift; a config that does not parse warns and does not block', () => {
  const repo = setup();
  repo.write('tsconfig.json', tsconfig('').replace(/\n\s*/g, ' '));
  repo.git('add', 'tsconfig.json');
  const reformatted = repo.commit('reformat');
  assert.is(reformatted.code, 0, reformatted.out);
  repo.write('tsconfig.json', '{ "compilerOptions": { "sourceMap": true ');
  repo.git('add', 'tsconfig.json');
  const broken = repo.commit('broken');
  assert.is(broken.code, 0, broken.out);
  assert.match(broken.out, 'could not parse tsconfig.json');
});

drift.run();
