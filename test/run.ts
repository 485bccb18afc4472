// `npm test` runs this after the build: uvu over every compiled test file (or those whose path
// matches the first argument), then one closing line "N passed, M failed" for CI.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const uvu = join(dirname(dirname(createRequire(import.meta.url).resolve('uvu/parse'))), 'bin.js');
const pattern = process.argv[2] ? `${process.argv[2]}.*\\.test\\.js$` : '\\.test\\.js$';

const child = spawn(process.execPath, [uvu, here, pattern, '--no-color'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, FORCE_COLOR: '0' },
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString('utf8');
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    process.stdout.write(`\n0 passed, 1 failed (the test run ended before uvu printed its totals: exit ${code})\n`);
    process.exitCode = 1;
    return;
  }
  const failed = total - passed - skipped;
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
});
