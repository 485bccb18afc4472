import { test } from 'uvu';
import * as assert from 'uvu/assert';
import micromatch from 'micromatch';
import { compileGlobs, fastMatcher } from '../../src/globs.js';
import { rules } from '../../rules/index.js';

const PATHS = [
  '.env', 'a/.env', 'a/b/.env', '.env.local', 'x.env', '.envrc', 'env', 'a/env', 'a.env/b',
  'tsconfig.json', 'packages/a/tsconfig.json', 'tsconfig.json.bak', 'mytsconfig.json',
  'Dockerfile', 'docker/Dockerfile', 'Dockerfile.dev', 'a/.dockerignore', 'x.dockerignore',
  'key.p12', 'a/.p12', 'a/b/c.P12', 'p12', 'dir.p12/file', 'package.json', 'node_modules/x/package.json',
  '.github/workflows/ci.yml', 'src/.github/workflows/ci.yml', 'a b/.npmrc', 'ünï/.npmrc',
];

test('fast matchers agree with micromatch (dot: true) on every rule glob they take', () => {
  const globs = new Set([...rules.values()].flatMap((r) => [...(r.files ?? []), ...(r.excludeFiles ?? [])]));
  let fast = 0;
  for (const glob of globs) {
    const m = fastMatcher(glob);
    if (!m) continue;
    fast++;
    for (const path of PATHS) assert.is(m(path), micromatch.isMatch(path, glob, { dot: true }), `${glob} on ${path}`);
  }
  assert.ok(fast >= 10, `most rule globs take the fast path (${fast})`);
});

test('fast matchers agree with micromatch on hand-picked shapes', () => {
  for (const glob of ['**/.env', '**/*.env', '**/*.p12', '**/id_rsa', '**/*', '**/a.b', '**/*.d.ts']) {
    const m = fastMatcher(glob) ?? compileGlobs([glob]);
    for (const path of PATHS) assert.is(m(path), micromatch.isMatch(path, glob, { dot: true }), `${glob} on ${path}`);
  }
});

test('other globs go through micromatch', () => {
  assert.is(fastMatcher('src/**/*.ts'), undefined);
  assert.is(fastMatcher('**/{a,b}.json'), undefined);
  const m = compileGlobs(['**/{a,b}.json', 'test/**']);
  assert.ok(m('x/a.json'));
  assert.ok(m('test/fixtures/leak.js'));
  assert.not.ok(m('src/c.json'));
});

test.run();
