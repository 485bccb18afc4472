import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packagePrivate } from '../../rules/package-private.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (extra: Record<string, unknown>): string =>
  JSON.stringify({ name: 'acme-monorepo', ...extra, workspaces: ['packages/*'], scripts: { build: 'turbo run build' } }, null, 2) + '\n';

testChangeRule(packagePrivate, {
  valid: [
    { name: 'still private, scripts changed', path: 'package.json', before: pkg({ private: true }), after: pkg({ private: true }).replace('turbo run build', 'turbo run build --filter=./packages/*') },
    { name: 'reformatted', path: 'package.json', before: pkg({ private: true }), after: JSON.stringify(JSON.parse(pkg({ private: true }))) },
    { name: 'was never private', path: 'packages/sdk/package.json', before: pkg({ version: '1.0.0' }), after: pkg({ version: '1.1.0' }) },
    { name: 'made private', path: 'package.json', before: pkg({}), after: pkg({ private: true }) },
    { name: 'a truthy string stays private to npm', path: 'package.json', before: pkg({ private: true }), after: pkg({ private: 'true' }) },
    { name: 'new package.json', path: 'packages/new/package.json', before: null, after: pkg({ version: '0.1.0' }) },
    { name: 'file deleted', path: 'package.json', before: pkg({ private: true }), after: null },
    { name: 'does not parse: package-files reports it', path: 'package.json', before: pkg({ private: true }), after: '{ "name": "acme-monorepo", ' },
    { name: 'old version did not parse', path: 'package.json', before: '{ "private": true, ', after: pkg({}) },
    { name: 'inside node_modules', path: 'node_modules/x/package.json', before: pkg({ private: true }), after: pkg({}) },
  ],
  invalid: [
    {
      name: 'private removed',
      path: 'package.json', before: pkg({ private: true }), after: pkg({ version: '1.0.0' }),
      reports: [{ messageId: 'package-private-removed', severity: 'error', line: 0, says: ['"private": true removed'] }],
    },
    {
      name: 'private set to false in a workspace package',
      path: 'packages/internal-utils/package.json', before: pkg({ private: true }), after: pkg({ private: false }),
      reports: [{ messageId: 'package-private-removed', severity: 'error', line: 3 }],
    },
  ],
});

test('package-private: adversarial input stays fast', () => {
  for (const text of ['{'.repeat(200_000), `{"private": ${'['.repeat(5_000)}`, `{"a": "${'\\"'.repeat(300_000)}"}`]) {
    const started = performance.now();
    findingsForChange(packagePrivate, { name: 'adversarial', path: 'package.json', before: pkg({ private: true }), after: text });
    assert.ok(performance.now() - started < 2000);
  }
});

test.run();
