import { test } from 'uvu';
import * as assert from 'uvu/assert';
import micromatch from 'micromatch';
import { compileGlobs, fastMatcher, requiredTexts } from '../../src/globs.js';
import { rules } from '../../rules/index.js';

const PATHS = [
  '.env', 'a/.env', 'a/b/.env', '.env.local', 'x.env', '.envrc', 'env', 'a/env', 'a.env/b',
  'tsconfig.json', 'packages/a/tsconfig.json', 'tsconfig.json.bak', 'mytsconfig.json',
  'Dockerfile', 'docker/Dockerfile', 'Dockerfile.dev', 'a/.dockerignore', 'x.dockerignore',
  'key.p12', 'a/.p12', 'a/b/c.P12', 'p12', 'dir.p12/file', 'package.json', 'node_modules/x/package.json',
  '.github/workflows/ci.yml', 'src/.github/workflows/ci.yml', 'a b/.npmrc', 'ünï/.npmrc',
  'src/test/x.js', 'test', 'tests.js', 'latest/x.js', 'a/node_modules/b', 'node_modules', 'x.test.ts', 'a/b.spec.js',
  'id_rsa', 'a/id_ed25519.pub', 'id_rsa_old', 'id_rsax', 'config/production.json', 'config/prod.yml', 'config-prod.yml',
  'vite.config.ts', 'a/webpack.prod.js', 'scripts/build-all.mjs', 'scripts/builds.ts', 'build.ts', 'rebuild.ts',
  'docs/a.md', 'mydocs/a.md', 'types.d.ts', 'a.d.mts', 'tsconfig.build.json', 'tsconfig-base.json', 'Dockerfile.prod',
]

const ruleGlobs = new Set([...rules.values()].flatMap((r) => [...(r.files ?? []), ...(r.excludeFiles ?? [])]));

test('fast matchers agree with micromatch (dot: true) on every rule glob they take', () => {
  let fast = 0;
  for (const glob of ruleGlobs) {
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

test('compiled globs, with their required text checked first, agree with micromatch on every rule glob', () => {
  let screened = 0;
  for (const glob of ruleGlobs) {
    if (requiredTexts(glob)) screened++;
    const m = compileGlobs([glob]);
    for (const path of PATHS) assert.is(m(path), micromatch.isMatch(path, glob, { dot: true }), `${glob} on ${path}`);
  }
  assert.ok(screened >= 20, `most regex globs are screened by their required text (${screened})`);
});

test('required texts: per brace alternative, the longest literal run outside wildcards and groups', () => {
  const table: Array<[string, string[] | undefined]> = [
    ['**/node_modules/**', ['node_modules']],
    ['**/*.d.{ts,cts,mts}', ['.d.ts', '.d.cts', '.d.mts']],
    ['**/id_{rsa,dsa}{,_*,-*,.*}', ['id_rsa', 'id_dsa']],
    ['**/{build,bundle}.{js,ts}', ['build.js', 'build.ts', 'bundle.js', 'bundle.ts']],
    ['**/x{a,{b,c}}yz/**', ['xayz', 'xbyz', 'xcyz']],
    ['**/[abc]onfig.*', ['onfig.']],
    ['**/+(foo|bar).js', ['.js']],
    ['**/*.{p12,pfx}', ['.p12', '.pfx']],
    ['**/*.{p,pfx}', ['.p']],
    ['**/{a,bc}', undefined],
    ['**/file{1..3}.txt', undefined],
    ['**/{a}.txt', undefined],
    ['**/{a,b', undefined],
    ['!**/secret.txt', undefined],
    ['**/a\\*b.txt', undefined],
    ['**/?', undefined],
    [`**/${'{a,b}'.repeat(7)}`, undefined],
  ];
  for (const [glob, texts] of table) assert.equal(requiredTexts(glob), texts, glob);
});

test('other globs go through micromatch', () => {
  assert.is(fastMatcher('src/**/*.ts'), undefined);
  assert.is(fastMatcher('**/{a,b}.json'), undefined);
  const m = compileGlobs(['**/{a,b}.json', 'test/**']);
  assert.ok(m('x/a.json'));
  assert.ok(m('test/fixtures/leak.js'));
  assert.not.ok(m('src/c.json'));
  // Globs without required texts (a range, a one-letter alternative) still match.
  assert.ok(compileGlobs(['**/file{1..3}.txt'])('a/file2.txt'));
  assert.ok(compileGlobs(['**/{a,bc}'])('x/a'));
});

test.run();
