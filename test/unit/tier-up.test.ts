// The V8 flag a large scan sets while its workers run (src/scan/tier-up.ts): chosen by V8
// version, one the running node's V8 knows (V8 prints an error for a flag it does not), and set
// back to its default after, so that the code cache the bin writes stays valid.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { lateTierUpFlags } from '../../src/scan/tier-up.js';

test('the flags are chosen by the V8 version they were measured on', () => {
  const table: [string, string | undefined][] = [
    ['11.3.244.8-node.33', '--interrupt-budget=3000000 --interrupt-budget=67584'],
    ['12.4.254.21-node.33', '--invocation-count-for-turbofan=30000 --invocation-count-for-turbofan=3000'],
    ['11.8.172.17-node.19', undefined],
    ['12.9.202.28-node.13', undefined],
    ['13.6.233.10-node.27', undefined],
    ['', undefined],
  ];
  for (const [version, flags] of table) {
    const chosen = lateTierUpFlags(version);
    assert.is(chosen && `${chosen.delay} ${chosen.restore}`, flags, version);
  }
});

test("the running node's V8 takes the flags without a word, and the restored one is its default", () => {
  const flags = lateTierUpFlags();
  if (!flags) return; // nothing is set on this V8
  const name = flags.delay.slice(2, flags.delay.indexOf('='));
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  assert.ok(options.stdout.includes(`default: ${flags.restore}\n`), `--v8-options lists ${flags.restore} as the default of --${name}`);
  // A code cache made before the flag is set is taken after it is restored.
  const code = `
    const v8 = require('node:v8'), vm = require('node:vm');
    const source = '(function () { return [1, 2, 3].map((x) => x * 2); })';
    const made = new vm.Script(source); made.runInThisContext()();
    const cachedData = made.createCachedData();
    v8.setFlagsFromString(${JSON.stringify(flags.delay)});
    v8.setFlagsFromString(${JSON.stringify(flags.restore)});
    process.stdout.write(String(new vm.Script(source, { cachedData }).cachedDataRejected));`;
  const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.is(run.stderr, '');
  assert.is(run.stdout, 'false', 'the cache is taken');
});

test.run();
