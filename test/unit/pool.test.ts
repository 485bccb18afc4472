// The scan's job runners (src/scan/pool.ts): the main thread sharing the work with workers gives
// what the main thread alone gives, job by job; how many threads a scan gets.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, selectRules } from '../../src/engine.js';
import { chooseThreads, createRunner, inProcessRunner, MIN_WORKER_BYTES, workerRunner } from '../../src/scan/pool.js';
import type { EngineInit, FsJob } from '../../src/scan/jobs.js';
import { rules } from '../../rules/index.js';
import { tokens } from '../helpers/tokens.js';
import { removeTemps, tempDir } from '../helpers/repo.js';

const init: EngineInit = { stage: 'scan', severities: {}, skipIds: [], ignore: ['skipped/**'] };
const engine = () => createEngine(selectRules(rules.values(), init.stage, init.severities, new Set(init.skipIds)).rules);

test('the main thread and a worker, sharing jobs, find what the main thread alone finds', async () => {
  const root = tempDir('shipgate-pool-');
  const jobs: FsJob[] = [];
  for (let j = 0; j < 12; j++) {
    const items = [];
    for (let f = 0; f < 5; f++) {
      const path = `f${j}-${f}.js`;
      const secret = (j + f) % 3 === 0 ? `const token = '${tokens.githubClassic()}';\n` : '';
      writeFileSync(join(root, path), `// file ${path}\n${'const x = 1;\n'.repeat(j * 10)}${secret}`);
      items.push({ path });
    }
    jobs.push({ kind: 'fs', root, hash: true, maxBytes: 1 << 20, items });
  }
  const alone = inProcessRunner(engine(), init.ignore);
  const shared = workerRunner(1, init, engine());
  const expected = await Promise.all(jobs.map((job) => alone.run(job)));
  const got = await Promise.all(jobs.map((job) => shared.run(job)));
  await Promise.all([alone.close(), shared.close()]);
  assert.equal(got, expected);
  assert.ok(expected.flat().filter((r) => r.findings.length).length >= 20, 'the files hold findings');
});

test('a job that fails in the main thread fails the jobs sent with it, and those sent after', async () => {
  const shared = workerRunner(1, init, engine());
  // An fs job's items must be an array: this one throws in runJob. The main thread takes the
  // first job; the good ones wait for the worker, which is still starting.
  const broken = { kind: 'fs', root: tmpdir(), hash: false, maxBytes: 1, items: null } as unknown as FsJob;
  const good: FsJob = { kind: 'fs', root: tmpdir(), hash: false, maxBytes: 1, items: [] };
  const outcomes = await Promise.allSettled([shared.run(broken), shared.run(good), shared.run(good)]);
  const later = await shared.run(good).then(() => 'resolved', (e: Error) => e);
  await shared.close();
  assert.equal(outcomes.map((o) => o.status), ['rejected', 'rejected', 'rejected']);
  const reason = (outcomes[0] as PromiseRejectedResult).reason as Error;
  assert.instance(reason, TypeError);
  assert.ok(outcomes.every((o) => (o as PromiseRejectedResult).reason === reason), 'one failure, for all of them');
  assert.is(later, reason, 'and for a job sent after it');
});

test('how many threads a scan gets', async () => {
  assert.is(chooseThreads(MIN_WORKER_BYTES - 1, {}), 0);
  assert.ok(chooseThreads(MIN_WORKER_BYTES, {}) >= 1);
  assert.is(chooseThreads(1, { SHIPGATE_SCAN_THREADS: '3' }), 3);
  assert.is(chooseThreads(1e12, { SHIPGATE_SCAN_THREADS: '0' }), 0);
  assert.is(chooseThreads(1e12, { SHIPGATE_SCAN_THREADS: 'many' }), chooseThreads(1e12, {}), 'not a number: chosen as if unset');
  // Forced: that many workers; chosen: the main thread is one of them.
  const forced = createRunner(1, engine(), init, { SHIPGATE_SCAN_THREADS: '2' });
  assert.is(forced.threads, 2);
  await forced.close();
  const small = createRunner(1, engine(), init, {});
  assert.is(small.threads, 0);
  await small.close();
  const large = createRunner(1e12, engine(), init, {});
  assert.is(large.threads, chooseThreads(1e12, {}) - 1);
  await large.close();
});

test.after(removeTemps);
test.run();
