import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageDependencySource, specKind } from '../../rules/package-dependency-source.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (dependencies: Record<string, string>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      name: '@acme/api',
      version: '0.9.0',
      ...extra,
      dependencies,
      devDependencies: { typescript: '^5.6.0', vitest: '^2.1.0' },
    },
    null,
    2,
  ) + '\n';

const deps = { express: '^4.21.0', zod: '3.23.8', '@acme/shared': 'workspace:^' };

testChangeRule(packageDependencySource, {
  valid: [
    { name: 'registry version bumped', path: 'package.json', before: pkg(deps), after: pkg({ ...deps, express: '^4.21.2' }) },
    { name: 'workspace, npm alias and catalog specs', path: 'package.json', before: pkg(deps), after: pkg({ ...deps, '@acme/ui': 'workspace:*', 'string-width-cjs': 'npm:string-width@^4.2.0', react: 'catalog:', lodash: 'latest', '@types/node': '*' }) },
    { name: 'git dependency already there, reformatted', path: 'package.json', before: pkg({ ...deps, 'left-pad': 'github:acme/left-pad#v1.3.0' }), after: JSON.stringify(JSON.parse(pkg({ ...deps, 'left-pad': 'github:acme/left-pad#v1.3.0' }))) },
    { name: 'git dependency moved to devDependencies', path: 'package.json', before: pkg({ ...deps, 'left-pad': 'github:acme/left-pad#v1.3.0' }), after: pkg(deps).replace('"typescript"', '"left-pad": "github:acme/left-pad#v1.3.0",\n    "typescript"') },
    { name: 'git dependency replaced by a registry version', path: 'package.json', before: pkg({ ...deps, 'left-pad': 'github:acme/left-pad' }), after: pkg({ ...deps, 'left-pad': '^1.3.0' }) },
    { name: 'file deleted', path: 'package.json', before: pkg(deps), after: null },
    { name: 'does not parse: package-files reports it', path: 'package.json', before: pkg(deps), after: '{ "dependencies": { "x": "github:a/b" ' },
    { name: 'inside node_modules', path: 'node_modules/x/package.json', before: null, after: pkg({ y: 'file:../y' }) },
  ],
  invalid: [
    {
      name: 'git+https dependency',
      path: 'package.json', before: pkg(deps), after: pkg({ ...deps, 'left-pad': 'git+https://github.com/acme/left-pad.git#v1.3.0' }),
      reports: [{ messageId: 'package-dependency-source', severity: 'error', line: 8, says: ['dependency left-pad points at a git repository: git+https://github.com/acme/left-pad.git#v1.3.0'] }],
    },
    {
      name: 'user/repo shorthand and github: in devDependencies',
      path: 'package.json', before: pkg(deps), after: pkg(deps).replace('"vitest": "^2.1.0"', '"vitest": "vitest-dev/vitest#main",\n    "tsx": "github:privatenumber/tsx"'),
      reports: [
        { messageId: 'package-dependency-source', line: 11, says: ['vitest points at a git repository'] },
        { messageId: 'package-dependency-source', line: 12, says: ['tsx points at a git repository'] },
      ],
    },
    {
      name: 'git ref changed',
      path: 'package.json', before: pkg({ ...deps, 'left-pad': 'github:acme/left-pad#v1.3.0' }), after: pkg({ ...deps, 'left-pad': 'github:acme/left-pad#main' }),
      reports: [{ messageId: 'package-dependency-source', severity: 'error', says: ['github:acme/left-pad#main'] }],
    },
    {
      name: 'tarball URL',
      path: 'packages/api/package.json', before: pkg(deps), after: pkg({ ...deps, sharp: 'https://cdn.example.com/sharp-0.33.5.tgz' }),
      reports: [{ messageId: 'package-dependency-source', severity: 'error', says: ['points at a tarball URL: https://cdn.example.com/sharp-0.33.5.tgz'] }],
    },
    {
      name: 'credentials in a git URL are hidden',
      path: 'package.json', before: pkg(deps), after: pkg({ ...deps, internal: 'git+https://x-access-token:ghs_abcdefghijklmnop@github.com/acme/internal.git' }),
      reports: [{ messageId: 'package-dependency-source', says: ['git+https://***@github.com/acme/internal.git'] }],
    },
    {
      name: 'file: in a published package',
      path: 'package.json', before: pkg(deps), after: pkg({ ...deps, '@acme/shared': 'file:../shared' }),
      reports: [{ messageId: 'package-dependency-source', severity: 'error', says: ['points at a local path: file:../shared'] }],
    },
    {
      name: 'link: in a private package is a warning',
      path: 'apps/web/package.json', before: pkg(deps, { private: true }), after: pkg({ ...deps, '@acme/shared': 'link:../../packages/shared' }, { private: true }),
      reports: [{ messageId: 'package-dependency-source', severity: 'warn', says: ['local path'] }],
    },
    {
      name: 'new package.json with a git dependency',
      path: 'tools/release/package.json', before: null, after: pkg({ 'conventional-changelog': 'git@github.com:acme/conventional-changelog.git' }),
      reports: [{ messageId: 'package-dependency-source', severity: 'error' }],
    },
  ],
});

test('package-dependency-source: spec kinds', () => {
  const cases: [string, string | undefined][] = [
    ['^1.2.3', undefined], ['1.x || >=2.5.0', undefined], ['latest', undefined], ['', undefined], ['workspace:~', undefined],
    ['npm:@scope/pkg@^2', undefined], ['catalog:react18', undefined],
    ['git://github.com/npm/cli.git#v1.0.27', 'git repository'], ['git+ssh://git@github.com:npm/cli.git#semver:^5.0', 'git repository'],
    ['gitlab:acme/tool', 'git repository'], ['bitbucket:acme/tool', 'git repository'], ['expressjs/express', 'git repository'],
    ['https://github.com/acme/tool', 'git repository'], ['https://gitlab.com/acme/tool.git#v2', 'git repository'],
    ['http://example.com/tool-1.0.0.tgz', 'tarball URL'], ['https://registry.example.com/tool/-/tool-1.0.0.tar.gz', 'tarball URL'],
    ['file:vendor/tool-1.0.0.tgz', 'local path'], ['../tool', 'local path'], ['./vendor/tool', 'local path'], ['portal:../tool', 'local path'],
  ];
  for (const [spec, kind] of cases) assert.is(specKind(spec), kind, spec);
});

test('package-dependency-source: adversarial input stays fast', () => {
  const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, `github:acme/p${i}`]));
  const inputs = [
    pkg(many),
    pkg({ a: 'a/'.repeat(200_000) }, {}),
    pkg({ a: `https://${'@'.repeat(200_000)}` }),
    pkg({ a: `${'a.'.repeat(100_000)}@${'b'.repeat(100_000)}` }),
    pkg({ a: `https://github.com/${'a/'.repeat(200_000)}` }),
  ];
  for (const text of inputs) {
    const started = performance.now();
    findingsForChange(packageDependencySource, { name: 'adversarial', path: 'package.json', before: pkg(deps), after: text });
    const ms = performance.now() - started;
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(60, 120))}...`);
  }
});

test.run();
