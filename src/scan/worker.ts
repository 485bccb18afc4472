// A `shipgate scan` worker thread: builds the same engine as the main thread from the rule
// registry and the settings it is given, then runs the jobs it is sent (src/scan/jobs.ts) and
// posts their results back. Bundled into one file by scripts/build.ts.

import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, selectRules } from '../engine.js';
import { compileGlobs } from '../globs.js';
import { runJob, type EngineInit, type Job } from './jobs.js';
import { rules } from '../../rules/index.js';

const init = workerData as EngineInit;
const engine = createEngine(selectRules(rules.values(), init.stage, init.severities, new Set(init.skipIds)).rules);
const isIgnored = init.ignore.length ? compileGlobs(init.ignore) : undefined;

parentPort!.on('message', (message: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runJob(engine, message.job, isIgnored) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error)?.stack ?? String(error) });
  }
});
