// The scan's job runners (src/scan/pool.ts): the main thread sharing the work with workers gives
// what the main thread alone gives, job by job; how many threads a scan gets.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, selectRules } from '../../src/engine.js';
import { bytesSettlingThreads, chooseThreads, createRunner, inProcessRunner, MIN_WORKER_BYTES, prestartedWorkers, prestartWorkers, stopPrestartedWorkers, workerRunner } from '../../src/scan/pool.js';
import type { EngineInit, FsJob } from '../../src/scan/jobs.js';
import { startEarlyWorker } from '../../src/scan/scan-worker.js';
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

test('the bytes past which a scan gets no more threads', () => {
  const settled = bytesSettlingThreads({});
  const most = chooseThreads(1e15, {});
  assert.ok(settled >= MIN_WORKER_BYTES);
  assert.is(chooseThreads(settled, {}), most);
  assert.ok(chooseThreads(settled - 1, {}) < most || settled === MIN_WORKER_BYTES, 'the least such number');
  assert.is(bytesSettlingThreads({ SHIPGATE_SCAN_THREADS: '2' }), 0, 'fixed by the environment: at once');
});

test('workers started while the files are listed are taken by the runner of the same engine, or stopped', async () => {
  const large = 1e12;
  const workers = chooseThreads(large, {}) - 1;
  assert.ok(workers >= 1, 'this test needs 2 cores');
  const root = tempDir('shipgate-prestart-');
  const items = Array.from({ length: 4 }, (_, i) => {
    writeFileSync(join(root, `s${i}.js`), `const token = '${tokens.githubClassic()}';\n`);
    return { path: `s${i}.js` };
  });
  // Enough jobs that the worker gets some: the main thread holds one at a time.
  const runAll = (runner: ReturnType<typeof createRunner>) =>
    Promise.all(Array.from({ length: 6 }, () => runner.run({ kind: 'fs', root, hash: false, maxBytes: 1 << 20, items } as FsJob)));
  const severities = async (runner: ReturnType<typeof createRunner>) =>
    new Set((await runAll(runner)).flat().flatMap((r) => r.findings.map((f) => f.severity)));

  // Workers made, counted where the runner and prestartWorkers get the class from.
  const threads = createRequire(import.meta.url)('node:worker_threads') as { Worker: typeof Worker };
  const Real = threads.Worker;
  let made = 0;
  threads.Worker = class extends Real {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      made++;
    }
  };
  try {
    prestartWorkers(large, init, {});
    prestartWorkers(large, init, {});
    assert.is(prestartedWorkers(), workers, 'started once');
    assert.is(made, workers);
    const taken = createRunner(large, engine(), init, {});
    assert.is(prestartedWorkers(), 0, 'taken by the runner');
    assert.is(made, workers, 'and no other worker started');
    assert.is(taken.threads, workers);
    const fromTaken = await severities(taken);
    await taken.close();
    assert.equal(fromTaken, new Set(['error']));
  } finally {
    threads.Worker = Real;
  }

  // Started for another config (a severity set): not taken, the runner starts its own.
  prestartWorkers(large, { ...init, severities: { 'github-token': 'warn' } }, {});
  const other = createRunner(large, engine(), init, {});
  const fromOther = await severities(other);
  await other.close();
  assert.is(prestartedWorkers(), 0);
  assert.equal(fromOther, new Set(['error']), 'no finding made by the other config\'s worker');

  // The scan turned out small: stopped.
  prestartWorkers(large, init, {});
  const small = createRunner(1, engine(), init, {});
  assert.is(small.threads, 0);
  assert.is(prestartedWorkers(), 0);
  await small.close();

  // SHIPGATE_SCAN_THREADS fixes the workers: none started early.
  prestartWorkers(large, init, { SHIPGATE_SCAN_THREADS: '1' });
  assert.is(prestartedWorkers(), 0);
  // A scan that ends before it makes its runner (its listing failed) stops them.
  prestartWorkers(large, init, {});
  assert.is(prestartedWorkers(), workers);
  stopPrestartedWorkers();
  assert.is(prestartedWorkers(), 0);
});

test('a worker started before the scan loads is told its engine, and taken by its runner or stopped', async () => {
  const large = 1e12;
  const root = tempDir('shipgate-early-');
  const items = Array.from({ length: 4 }, (_, i) => {
    writeFileSync(join(root, `e${i}.js`), `const token = '${tokens.githubClassic()}';\n`);
    return { path: `e${i}.js` };
  });
  const threads = createRequire(import.meta.url)('node:worker_threads') as { Worker: typeof Worker };
  const Real = threads.Worker;
  const made: Worker[] = [];
  threads.Worker = class extends Real {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      made.push(this);
    }
  };
  try {
    // Not where no worker may run.
    startEarlyWorker({ SHIPGATE_SCAN_THREADS: '0' });
    assert.is(made.length, 0);
    assert.is(prestartedWorkers(), 0);

    // Started once, without an engine; the listing's prestart tells it one (severities set to
    // warn, which it can only have learnt from that message), and the runner takes it.
    const warned: EngineInit = { ...init, severities: { 'github-token': 'warn' } };
    startEarlyWorker({});
    startEarlyWorker({});
    assert.is(made.length, 1, 'started once');
    prestartWorkers(large, warned, {});
    const extra = chooseThreads(large, {}) - 2; // more workers than the early one, on more cores
    assert.is(made.length, 1 + extra, 'the prestart starts only the workers beyond it');
    const runner = createRunner(large, createEngine(selectRules(rules.values(), 'scan', warned.severities, new Set()).rules), warned, {});
    assert.is(made.length, 1 + extra, 'taken, not started again');
    assert.is(prestartedWorkers(), 0);
    const results = await Promise.all(Array.from({ length: 6 }, () => runner.run({ kind: 'fs', root, hash: false, maxBytes: 1 << 20, items } as FsJob)));
    await runner.close();
    assert.equal(new Set(results.flat().flatMap((r) => r.findings.map((f) => f.severity))), new Set(['warn']));

    // Taken by a runner that fixes its workers (SHIPGATE_SCAN_THREADS), told its engine there.
    startEarlyWorker({});
    const forced = createRunner(1, engine(), init, { SHIPGATE_SCAN_THREADS: '1' });
    assert.is(made.length, 2 + extra, 'the early worker serves the forced runner');
    const fromForced = await forced.run({ kind: 'fs', root, hash: false, maxBytes: 1 << 20, items } as FsJob);
    await forced.close();
    assert.equal(fromForced.map((r) => r.findings.map((f) => f.ruleId)), items.map(() => ['github-token']));

    // The scan turned out small: stopped.
    startEarlyWorker({});
    const stopped = new Promise((resolve) => made.at(-1)!.once('exit', resolve));
    const small = createRunner(1, engine(), init, {});
    assert.is(small.threads, 0);
    assert.is(prestartedWorkers(), 0);
    await small.close();
    await stopped;
  } finally {
    threads.Worker = Real;
  }
});

test.after(removeTemps);
test.run();
