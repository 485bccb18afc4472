// A scan job's reads (src/scan/jobs.ts runFsJob): each file is read whole, whether or not it
// still has the size it was listed with, and the secret at its very end is found.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, selectRules } from '../../src/engine.js';
import { runFsJob, type FsJob } from '../../src/scan/jobs.js';
import { rules } from '../../rules/index.js';
import { tokens } from '../helpers/tokens.js';
import { removeTemps, tempDir } from '../helpers/repo.js';

const engine = () => createEngine(selectRules(rules.values(), 'scan', {}, new Set()).rules);

test('runFsJob: a file is read whole whatever size it was listed with', () => {
  const root = tempDir('shipgate-fsjob-');
  const token = tokens.githubClassic();
  const body = `${'const x = 1;\n'.repeat(500)}const key = "${token}";\n`;
  writeFileSync(join(root, 'a.js'), body);
  writeFileSync(join(root, 'empty.js'), '');
  const size = Buffer.byteLength(body);
  // As listed; grown since (listed smaller, by one byte and by much); shrunk since; no size.
  const listed = [size, size - 1, 10, size + 1, size + 5000, 0, undefined];
  const job: FsJob = { kind: 'fs', root, hash: true, maxBytes: 1 << 20, items: listed.map((s) => ({ path: 'a.js', ...(s === undefined ? {} : { size: s }) })) };
  const results = runFsJob(engine(), job);
  for (const [i, r] of results.entries()) {
    assert.is(r.size, size, `listed as ${listed[i]}`);
    assert.equal(r.findings.map((f) => [f.ruleId, f.line]), [['github-token', 501]], `listed as ${listed[i]}`);
    assert.is(r.blob, results[0]!.blob);
  }
  const empty = runFsJob(engine(), { ...job, items: [{ path: 'empty.js', size: 0 }, { path: 'empty.js', size: 7 }] });
  assert.equal(empty.map((r) => [r.size, r.lines]), [[0, 0], [0, 0]]);
});

test('runFsJob: a file grown past the size limit since it was listed is not read', () => {
  const root = tempDir('shipgate-fsjob-');
  writeFileSync(join(root, 'big.txt'), 'x'.repeat(5000));
  const [r] = runFsJob(engine(), { kind: 'fs', root, hash: false, maxBytes: 4096, items: [{ path: 'big.txt', size: 100 }] });
  assert.is(r!.size, 5000);
  assert.match(r!.notScanned ?? '', /larger than/);
});

test('runFsJob: a file listed without a size is read to its end, at the read buffer\'s size and around it', () => {
  const root = tempDir('shipgate-fsjob-');
  const token = tokens.githubClassic();
  // The read buffer starts at 1 MB: a file that fills it exactly, and one byte either side.
  const sizes = [1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024];
  for (const size of sizes) {
    const tail = `\nconst key = "${token}";`;
    writeFileSync(join(root, `f${size}.js`), `${'x'.repeat(size - tail.length)}${tail}`);
  }
  const results = runFsJob(engine(), { kind: 'fs', root, hash: true, maxBytes: 10 << 20, items: sizes.map((size) => ({ path: `f${size}.js` })) });
  for (const [i, r] of results.entries()) {
    assert.is(r.size, sizes[i]);
    assert.equal(r.findings.map((f) => [f.ruleId, f.line]), [['github-token', 2]], `${sizes[i]} bytes`);
  }
  // Over the limit: not scanned, with its size, whether it fits in the buffer or not.
  writeFileSync(join(root, 'over.txt'), 'y'.repeat(5000));
  const [over, overBuffer] = runFsJob(engine(), {
    kind: 'fs', root, hash: false, maxBytes: 4096, items: [{ path: 'over.txt' }, { path: `f${3 * 1024 * 1024}.js` }],
  });
  assert.equal([over!.size, over!.notScanned], [5000, 'larger than 4 KB; scan.maxFileBytes in the config']);
  assert.equal([overBuffer!.size, overBuffer!.findings.length], [3 * 1024 * 1024, 0]);
  assert.match(overBuffer!.notScanned ?? '', 'larger than 4 KB');
});

test.after(removeTemps);
test.run();
