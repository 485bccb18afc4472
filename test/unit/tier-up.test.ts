// The V8 flag a large scan sets before its workers start (src/scan/tier-up.ts): chosen by V8
// version, and one the running node's V8 knows (V8 prints an error for a flag it does not).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { lateTierUpFlag } from '../../src/scan/tier-up.js';

test('the flag is chosen by the V8 version it was measured on', () => {
  const table: [string, string | undefined][] = [
    ['11.3.244.8-node.33', '--interrupt-budget=1200000'],
    ['12.4.254.21-node.33', '--invocation-count-for-turbofan=30000'],
    ['11.8.172.17-node.19', undefined],
    ['12.9.202.28-node.13', undefined],
    ['13.6.233.10-node.27', undefined],
    ['', undefined],
  ];
  for (const [version, flag] of table) assert.is(lateTierUpFlag(version), flag, version);
});

test("the running node's V8 takes its flag without a word", () => {
  const flag = lateTierUpFlag();
  if (!flag) return; // nothing is set on this V8
  const name = flag.slice(2, flag.indexOf('='));
  const code = `const v8 = require('node:v8'); v8.setFlagsFromString(${JSON.stringify(flag)});`;
  const set = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.is(set.status, 0);
  assert.is(set.stderr, '');
  // The flag exists under that name (an unknown one is also reported here, on stderr).
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  assert.ok(options.stdout.includes(`--${name} `), `--v8-options lists --${name}`);
});

test.run();
