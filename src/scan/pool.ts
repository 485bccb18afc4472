// Where `shipgate scan` runs its jobs: the main thread and a worker thread for each other core,
// each worker with its own engine built from the registry and the config (src/scan/worker.ts);
// or, for a scan too small to repay starting workers, the main thread alone. All run the same
// job functions (src/scan/jobs.ts), so they find the same things.

import type { Engine } from '../engine.js';
import { compileGlobs } from '../globs.js';
import { runJob, type EngineInit, type Job, type JobResult } from './jobs.js';
import { availableCores, forcedThreads, MAX_THREADS, startWorker, takeEarlyWorker, tellEngine, waitingWorker, type WaitingWorker } from './scan-worker.js';
import { delayTierUp, restoreTierUp } from './tier-up.js';

export interface Runner {
  /** Worker threads (the main thread may run jobs beside them); 0 when only the main thread does. */
  readonly threads: number;
  run<J extends Job>(job: J, transfer?: ArrayBuffer[]): Promise<JobResult<J>>;
  /** Stops at once: running and queued jobs reject with ScanInterrupted, workers are terminated. */
  terminate(): Promise<void>;
  /** Done with the runner (after every job settled). */
  close(): Promise<void>;
}

export class ScanInterrupted extends Error {
  constructor() {
    super('scan interrupted');
    this.name = 'ScanInterrupted';
  }
}

/**
 * Below this many bytes to read, workers cost more than they save. Measured on 2 cores with
 * the bench/scan.ts corpus (median of 8, the main thread alone against it and a worker):
 * 8 MB 96/133 ms, 16 MB 116/133, 24 MB 145/148, 32 MB 175/168, 50 MB 237/211. A worker is
 * ready in ~50 ms, but it also warms up its own JIT and compiles every rule's regex.
 * SHIPGATE_SCAN_THREADS overrides the choice (0: the main thread only).
 */
export const MIN_WORKER_BYTES = 24 * 1024 * 1024;
/** Each worker should get at least this much, or fewer workers are started. */
const MIN_BYTES_PER_WORKER = 8 * 1024 * 1024;
/**
 * Jobs sent ahead to each worker, so it never waits for the next one: the main thread hands out
 * jobs only between its own, and one of its jobs can be a file of megabytes. 6 rather than 2:
 * bench/scan.ts's corpus 510 -> 503 ms, a node_modules 437 -> 422 ms (2 cores, median of 16,
 * with the share in pump).
 */
const AHEAD = 6;

/**
 * How many threads a scan of `bytes` should use (0: the main thread alone, no workers). Set by
 * SHIPGATE_SCAN_THREADS, it is the number of worker threads.
 */
export function chooseThreads(bytes: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = forcedThreads(env);
  if (forced !== undefined) return forced;
  if (bytes < MIN_WORKER_BYTES) return 0;
  return Math.max(1, Math.min(availableCores(), MAX_THREADS, Math.ceil(bytes / MIN_BYTES_PER_WORKER)));
}

/** The most threads any scan gets here (chooseThreads for a scan of any size). */
export function mostThreads(env: NodeJS.ProcessEnv = process.env): number {
  return chooseThreads(Number.MAX_SAFE_INTEGER, env);
}

/**
 * The bytes to read past which a scan gets no more threads (chooseThreads): the sizes of further
 * files change nothing but the progress line. 0 when SHIPGATE_SCAN_THREADS fixes the threads.
 */
export function bytesSettlingThreads(env: NodeJS.ProcessEnv = process.env): number {
  if (forcedThreads(env) !== undefined) return 0;
  return Math.max(MIN_WORKER_BYTES, (mostThreads(env) - 1) * MIN_BYTES_PER_WORKER + 1);
}

interface Pending {
  job: Job;
  transfer: ArrayBuffer[];
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * Jobs in the main thread, one per event-loop turn: immediates queued by a running immediate
 * wait for the next turn, so progress redraws and Ctrl-C get theirs between jobs.
 */
export function inProcessRunner(engine: Engine, ignore: readonly string[] = []): Runner {
  const isIgnored = ignore.length ? compileGlobs(ignore) : undefined;
  const queue: Pending[] = [];
  let scheduled = false;
  let stopped = false;
  const step = (): void => {
    scheduled = false;
    const p = queue.shift();
    if (!p) return;
    try {
      p.resolve(runJob(engine, p.job, isIgnored) as never);
    } catch (error) {
      p.reject(error as Error);
    }
    schedule();
  };
  const schedule = (): void => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(step);
  };
  return {
    threads: 0,
    run: <J extends Job>(job: J) =>
      new Promise<JobResult<J>>((resolve, reject) => {
        if (stopped) return reject(new ScanInterrupted());
        queue.push({ job, transfer: [], resolve: resolve as (value: never) => void, reject });
        schedule();
      }),
    terminate: async () => {
      stopped = true;
      const interrupted = new ScanInterrupted();
      for (const p of queue.splice(0)) p.reject(interrupted);
    },
    close: async () => undefined,
  };
}

/**
 * Jobs spread over `threads` worker threads and, given `engine`, the main thread as well: it
 * would otherwise sit idle while the workers scan, and it can start at once, while the workers
 * start (~50 ms on 2 cores). It runs one job per event-loop turn, so the workers' results,
 * progress redraws and Ctrl-C get their turns between its jobs.
 */
export function workerRunner(threads: number, init: EngineInit, engine?: Engine): Runner {
  const isIgnored = engine && init.ignore.length ? compileGlobs(init.ignore) : undefined;
  const queue: Pending[] = [];
  const running = new Map<number, Pending & { slot: Slot }>();
  let nextId = 0;
  let failure: Error | undefined;
  let stopped = false;

  interface Slot {
    /** Undefined: the main thread. */
    worker?: import('node:worker_threads').Worker;
    busy: number;
    /** Jobs it may hold at once: a worker's next ones wait in its message queue. */
    ahead: number;
  }
  const fail = (error: Error): void => {
    failure ??= error;
    for (const p of [...queue.splice(0), ...running.values()]) p.reject(error);
    running.clear();
  };
  const settle = (id: number, slot: Slot, error: Error | undefined, result: unknown): void => {
    const p = running.get(id);
    if (!p) return;
    running.delete(id);
    slot.busy--;
    if (error) {
      p.reject(error);
      fail(error);
    } else {
      p.resolve(result as never);
    }
    pump();
  };
  const slots: Slot[] = [];
  if (engine) slots.push({ busy: 0, ahead: 1 });
  for (let i = 0; i < threads; i++) {
    const worker = adoptPrestarted(init) ?? startWorker(init);
    const slot: Slot = { worker, busy: 0, ahead: AHEAD };
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      settle(message.id, slot, message.error === undefined ? undefined : new Error(`scan worker: ${message.error}`), message.result);
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (!stopped) fail(new Error(`scan worker exited with code ${code}`));
    });
    slots.push(slot);
  }
  const runHere = (id: number, slot: Slot, job: Job): void => {
    setImmediate(() => {
      if (!running.has(id)) return; // rejected meanwhile (a failure elsewhere, Ctrl-C)
      let result: unknown;
      try {
        result = runJob(engine!, job, isIgnored);
      } catch (error) {
        return settle(id, slot, error as Error, undefined);
      }
      settle(id, slot, undefined, result);
    });
  };
  const pump = (): void => {
    while (queue.length && !failure && !stopped) {
      let best: Slot | undefined;
      // Near the end, a worker holds no more than its share of what is left: jobs waiting in a
      // worker's queue while the main thread has none would leave it idle.
      const share = 1 + Math.floor(queue.length / slots.length);
      for (const s of slots) if (s.busy < Math.min(s.ahead, share) && (!best || s.busy < best.busy)) best = s;
      if (!best) return;
      const p = queue.shift()!;
      const id = nextId++;
      best.busy++;
      running.set(id, { ...p, slot: best });
      if (best.worker) best.worker.postMessage({ id, job: p.job }, p.transfer);
      else runHere(id, best, p.job);
    }
  };
  // Done with the workers: they are stopped, but not waited for (~4 ms at the end of every
  // large scan), and no longer keep the process alive.
  const stopAll = async (): Promise<void> => {
    stopped = true;
    for (const { worker } of slots) {
      if (!worker) continue;
      worker.unref();
      void worker.terminate();
    }
  };
  return {
    threads,
    run: <J extends Job>(job: J, transfer: ArrayBuffer[] = []) =>
      new Promise<JobResult<J>>((resolve, reject) => {
        if (failure) return reject(failure);
        if (stopped) return reject(new ScanInterrupted());
        queue.push({ job, transfer, resolve: resolve as (value: never) => void, reject });
        pump();
      }),
    terminate: async () => {
      const interrupted = new ScanInterrupted();
      for (const p of [...queue.splice(0), ...running.values()]) p.reject(interrupted);
      running.clear();
      await stopAll();
    },
    close: stopAll,
  };
}

/** Workers started before a runner: while the files were listed (prestartWorkers), or at once (startEarlyWorker). */
const prestarted: WaitingWorker[] = [];

/** The worker startEarlyWorker started, if any, joins those waiting. */
function collectEarly(): void {
  const entry = takeEarlyWorker();
  if (entry) prestarted.push(entry);
}

/**
 * Starts the workers a scan of at least `bytes` gets, before the scan is ready for them: called
 * while the files are listed, once those to read add up to MIN_WORKER_BYTES, so a worker starts
 * (~50 ms on 2 cores) while the main thread lists and stats the rest. Measured on 2 cores (median
 * of 14): bench/scan.ts's corpus 538 -> 526 ms, a node_modules 433 -> 424 ms. One started early
 * is told its engine now. Not again while some wait; not with SHIPGATE_SCAN_THREADS, which fixes
 * the workers. createRunner takes them, or stops them (stopPrestartedWorkers, if the scan ends
 * before it).
 */
export function prestartWorkers(bytes: number, init: EngineInit, env: NodeJS.ProcessEnv = process.env): void {
  collectEarly();
  if (prestarted.some((entry) => entry.init !== undefined) || forcedThreads(env) !== undefined) return;
  const count = chooseThreads(bytes, env) - 1; // the main thread is one of the threads
  if (count < 1) return;
  delayTierUp();
  const key = JSON.stringify(init);
  for (const entry of prestarted) tellEngine(entry, init, key);
  for (let i = prestarted.length; i < count; i++) prestarted.push(waitingWorker(startWorker(init), key));
}

/** How many workers wait for a runner (for the tests). */
export function prestartedWorkers(): number {
  collectEarly();
  return prestarted.length;
}

/** A waiting worker for this engine, taken from the list (one started early is told it); failed ones are dropped. */
function adoptPrestarted(init: EngineInit): import('node:worker_threads').Worker | undefined {
  collectEarly();
  const key = JSON.stringify(init);
  for (let entry = prestarted.shift(); entry; entry = prestarted.shift()) {
    if (entry.init === undefined && !entry.failed) tellEngine(entry, init, key);
    if (entry.failed || entry.init !== key) {
      void entry.worker.terminate();
      continue;
    }
    entry.worker.removeAllListeners('error').removeAllListeners('exit').ref();
    return entry.worker;
  }
  return undefined;
}

/** Stops the prestarted workers no runner took; with `restore`, V8 optimises as usual again. */
function discardPrestarted(restore: boolean): void {
  collectEarly();
  if (prestarted.length === 0) return;
  for (const { worker } of prestarted.splice(0)) void worker.terminate();
  if (restore) restoreTierUp();
}

/** Stops the workers started for a scan that ended before it made its runner (a listing failed). */
export function stopPrestartedWorkers(): void {
  discardPrestarted(true);
}

/** The runner for a scan of `bytes`: workers when they pay off, else the main thread. */
export function createRunner(bytes: number, engine: Engine, init: EngineInit, env: NodeJS.ProcessEnv = process.env): Runner {
  const forced = forcedThreads(env);
  const threads = chooseThreads(bytes, env);
  if (threads === 0 || (forced === undefined && threads === 1)) {
    discardPrestarted(true);
    return inProcessRunner(engine, init.ignore);
  }
  delayTierUp();
  // The main thread is one of them (unless the number is forced): one worker fewer to start, and
  // it starts scanning at once. Measured on 2 cores (main thread and a worker against 2 workers):
  // the bench/scan.ts corpus 608 -> 581 ms, a node_modules 541 -> 529 ms.
  const runner = forced !== undefined ? workerRunner(threads, init) : workerRunner(threads - 1, init, engine);
  discardPrestarted(false); // more than the scan turned out to need
  return {
    threads: runner.threads,
    run: runner.run,
    terminate: () => runner.terminate().finally(restoreTierUp),
    close: () => runner.close().finally(restoreTierUp),
  };
}
