import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packagePublishConfig } from '../../rules/package-publish-config.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (publishConfig?: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(
    { name: '@acme/billing', version: '3.2.0', main: 'dist/index.js', ...(publishConfig ? { publishConfig } : {}), ...extra },
    null,
    2,
  ) + '\n';

const internal = { registry: 'https://npm.acme.internal/', access: 'restricted' };

testChangeRule(packagePublishConfig, {
  valid: [
    { name: 'version bump', path: 'package.json', before: pkg(internal), after: pkg(internal).replace('3.2.0', '3.3.0') },
    { name: 'reformatted, keys reordered', path: 'package.json', before: pkg(internal), after: JSON.stringify(JSON.parse(pkg({ access: 'restricted', registry: 'https://npm.acme.internal/' })), null, '\t') },
    { name: 'other publishConfig settings', path: 'package.json', before: pkg(internal), after: pkg({ ...internal, tag: 'next', provenance: true }) },
    { name: 'no publishConfig at all', path: 'package.json', before: pkg(), after: pkg(undefined, { description: 'Billing' }) },
    { name: 'file deleted', path: 'package.json', before: pkg(internal), after: null },
    { name: 'does not parse: package-files reports it', path: 'package.json', before: pkg(internal), after: '{ "publishConfig": { "access": "public" ' },
    { name: 'inside node_modules', path: 'node_modules/@acme/billing/package.json', before: pkg(internal), after: pkg({ access: 'public' }) },
  ],
  invalid: [
    {
      name: 'access made public',
      path: 'package.json', before: pkg(internal), after: pkg({ ...internal, access: 'public' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'error', line: 7, says: ['publishConfig.access changed: restricted -> public'] }],
    },
    {
      name: 'access restricted added',
      path: 'package.json', before: pkg(), after: pkg({ access: 'restricted' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'warn', says: ['unset -> restricted'] }],
    },
    {
      name: 'registry changed',
      path: 'packages/billing/package.json', before: pkg(internal), after: pkg({ ...internal, registry: 'https://registry.npmjs.org/' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'error', line: 6, says: ['publishConfig.registry changed: https://npm.acme.internal/ -> https://registry.npmjs.org/'] }],
    },
    {
      name: 'registry removed: publishes to the public registry',
      path: 'package.json', before: pkg(internal), after: pkg({ access: 'restricted' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'error', line: 5, says: ['publishConfig.registry changed: https://npm.acme.internal/ -> unset'] }],
    },
    {
      name: 'publishConfig removed: access falls back to the default',
      path: 'package.json', before: pkg({ access: 'restricted' }), after: pkg(),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'warn', line: 0, says: ['publishConfig.access changed: restricted -> unset'] }],
    },
    {
      name: 'scoped registry with credentials in the URL',
      path: 'package.json', before: pkg(), after: pkg({ '@acme:registry': 'https://deploy:s3cr3t-t0ken@npm.example.com/' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'error', says: ['publishConfig.@acme:registry', 'https://***@npm.example.com/'] }],
    },
    {
      name: 'new package.json published publicly',
      path: 'packages/ui/package.json', before: null, after: pkg({ access: 'public' }),
      reports: [{ messageId: 'package-publish-config-changed', severity: 'error' }],
    },
  ],
});

test('package-publish-config: the report never carries a credential', () => {
  const findings = findingsForChange(packagePublishConfig, { name: 'x', path: 'package.json', before: pkg(), after: pkg({ registry: 'https://user:hunter2hunter2@npm.example.com/' }) });
  assert.is(findings.length, 1);
  assert.not.ok(JSON.stringify(findings).includes('hunter2'));
});

test('package-publish-config: adversarial input stays fast', () => {
  const inputs = [
    pkg(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`@s${i}:registry`, `https://r${i}.example.com/`]))),
    pkg({ registry: `https://${'a'.repeat(300_000)}@x` }),
  ];
  for (const text of inputs) {
    const started = performance.now();
    findingsForChange(packagePublishConfig, { name: 'adversarial', path: 'package.json', before: pkg(), after: text });
    assert.ok(performance.now() - started < 2000);
  }
});

test.run();
