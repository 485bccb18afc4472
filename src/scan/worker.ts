// A `shipgate scan` worker thread: builds the same engine as the main thread from the rule
// registry and the settings it is given, then runs the jobs it is sent (src/scan/jobs.ts) and
// posts their results back. Bundled by scripts/build.ts twice: in place, an ES module that starts
// at once (what dist/cli.js and the unbundled modules start), and as dist/worker.cjs, which
// dist/bin.cjs compiles through V8's code cache and starts with serveJobs.

import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, selectRules } from '../engine.js';
import { compileGlobs } from '../globs.js';
import { runJob, type EngineInit, type Job } from './jobs.js';
import { rules } from '../../rules/index.js';

/** Defined (true) in dist/worker.cjs: its loader starts it. */
declare const __SHIPGATE_WORKER_BUNDLE__: boolean | undefined;

/**
 * Builds the engine and answers jobs. `afterFirstJob` runs once the first job is done, before its
 * result is posted: the loader writes its code cache then, so that it holds what the job
 * compiled, and a scan that has no more jobs for it may end the thread as soon as it has that one.
 * A worker started before its scan knew its engine (src/scan/scan-worker.ts startEarlyWorker) is
 * told it in its first message.
 */
export function serveJobs(afterFirstJob?: () => void): void {
  if (workerData != null) serveEngine(workerData as EngineInit, afterFirstJob);
  else parentPort!.once('message', (message: { init: EngineInit }) => serveEngine(message.init, afterFirstJob));
}

function serveEngine(init: EngineInit, afterFirstJob: (() => void) | undefined): void {
  const engine = createEngine(selectRules(rules.values(), init.stage, init.severities, new Set(init.skipIds)).rules);
  const isIgnored = init.ignore.length ? compileGlobs(init.ignore) : undefined;
  let after = afterFirstJob;
  parentPort!.on('message', (message: { id: number; job: Job }) => {
    let reply;
    try {
      reply = { id: message.id, result: runJob(engine, message.job, isIgnored) };
    } catch (error) {
      reply = { id: message.id, error: (error as Error)?.stack ?? String(error) };
    }
    if (after) {
      const run = after;
      after = undefined;
      run();
    }
    parentPort!.postMessage(reply);
  });
}

if (typeof __SHIPGATE_WORKER_BUNDLE__ === 'undefined') serveJobs();
