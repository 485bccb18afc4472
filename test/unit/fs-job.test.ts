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

test.after(removeTemps);
test.run();
