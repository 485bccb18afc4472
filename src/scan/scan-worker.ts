// Starting a scan's worker threads (src/scan/worker.ts), and holding those started before a
// runner takes them (src/scan/pool.ts): by the scan as it lists the files, or at once by the
// command (startEarlyWorker). Its own small module: the command loads it before the rest of the
// scan, so it imports nothing that would run with it.

import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { EngineInit } from './jobs.js';

/** Most threads a scan uses, SHIPGATE_SCAN_THREADS included. */
export const MAX_THREADS = 16;

/** The worker threads SHIPGATE_SCAN_THREADS asks for, if it is set to a number. */
export function forcedThreads(env: NodeJS.ProcessEnv): number | undefined {
  const forced = env['SHIPGATE_SCAN_THREADS']?.trim();
  return forced && /^\d+$/.test(forced) ? Math.min(Number(forced), MAX_THREADS) : undefined;
}

let os: typeof import('node:os') | undefined;

/** The cores this process may use. */
export function availableCores(): number {
  os ??= createRequire(import.meta.url)('node:os') as typeof import('node:os');
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

// The bundles (scripts/build.ts) say where their worker is, relative to themselves in dist/, and
// with what arguments; unbundled, it sits next to this module.
declare const __SHIPGATE_WORKER__: { path: string; argv?: string[] } | undefined;
const WORKER = typeof __SHIPGATE_WORKER__ === 'undefined' ? { path: './worker.js' } : __SHIPGATE_WORKER__;

/** A scan worker building its engine from `init`; without it, from the first message it gets (tellEngine). */
export function startWorker(init?: EngineInit): Worker {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return new Worker(new URL(WORKER.path, import.meta.url), { workerData: init ?? null, ...(WORKER.argv ? { argv: WORKER.argv } : {}) });
}

/** A worker started before a runner takes it. */
export interface WaitingWorker {
  worker: Worker;
  /** The engine it builds (JSON of its EngineInit); undefined until it is told one. */
  init: string | undefined;
  failed: boolean;
}

/**
 * A worker waiting for a runner: until one takes it, its failure is only noted (the runner starts
 * another instead), and it keeps nothing alive.
 */
export function waitingWorker(worker: Worker, init: string | undefined): WaitingWorker {
  const entry: WaitingWorker = { worker, init, failed: false };
  const failed = (): void => {
    entry.failed = true;
  };
  worker.once('error', failed).once('exit', failed).unref();
  return entry;
}

/** Tells a worker started without an engine which one to build. */
export function tellEngine(entry: WaitingWorker, init: EngineInit, key: string): void {
  entry.worker.postMessage({ init });
  entry.init = key;
}

let early: WaitingWorker | undefined;

/**
 * Starts a worker for a scan that reads every file (no cache), before the command has loaded and
 * listed them: it boots (~30 ms of its own thread on 2 cores) while they are, where one started
 * once the files listed add up to enough for it (src/scan/whole.ts prestartWhenLarge) is ready
 * only after the main thread has begun to scan. It learns its engine from the scan, or is
 * stopped if the scan is too small for it. Measured on 2 cores (A/B of 30): a node_modules
 * 342 -> 335 ms (CPU 620 -> 606 ms); bench/scan.ts's corpus, listed by git, unchanged; a scan of
 * 1 MB of paths, which uses no worker, 43 -> 46 ms. Not on one core, nor with
 * SHIPGATE_SCAN_THREADS=0.
 */
export function startEarlyWorker(env: NodeJS.ProcessEnv = process.env): void {
  if (early || forcedThreads(env) === 0 || availableCores() < 2) return;
  early = waitingWorker(startWorker(), undefined);
}

/** The worker startEarlyWorker started, once. */
export function takeEarlyWorker(): WaitingWorker | undefined {
  const entry = early;
  early = undefined;
  return entry;
}
