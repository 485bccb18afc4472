// `shipgate scan --history`: every commit's added lines on all branches, like `gitleaks git`,
// from one `git log --all -p` stream (src/git.ts HISTORY_LOG_ARGS) parsed as it arrives
// (src/history-parse.ts). Commits go through the rules in batches: in the main thread at first,
// and on worker threads once the history proves large enough to repay starting them. Each
// finding names its commit.

import { ruleCount } from '../engine.js';
import { countHistoryCommits, streamHistory, type GitStream } from '../git.js';
import { HistoryParser, type HistoryCommit } from '../history-parse.js';
import type { RunContext } from '../commands/context.js';
import type { CommitsJob, CommitResult } from './jobs.js';
import { inProcessRunner, mostThreads, ScanInterrupted, workerRunner, type Runner } from './pool.js';
import { forcedThreads } from './scan-worker.js';
import { createProgress } from './progress.js';
import { engineInit, type ScanStats, type WholeResult } from './whole.js';
import { nowMs } from '../clock.js';

const BATCH_BYTES = 1024 * 1024;
const BATCH_COMMITS = 256;
const HIGH_WATER = 32 * 1024 * 1024;
const LOW_WATER = 8 * 1024 * 1024;
/**
 * Once this much history has streamed by, workers pay off. Lower than a tree scan's
 * MIN_WORKER_BYTES (src/scan/pool.ts): here the main thread is busy reading git's stream.
 */
const WORKER_BYTES = 12 * 1024 * 1024;

export async function scanHistory(ctx: RunContext, options: { quiet: boolean; signal: AbortSignal }): Promise<WholeResult> {
  const started = nowMs();
  const stats: ScanStats = {
    files: 0, lines: 0, bytes: 0, binaryFiles: 0, ignoredFiles: 0, suppressed: 0, durationMs: 0, commits: 0,
    rules: ruleCount(ctx.engine),
  };
  const results: CommitResult[][] = [];
  // Commits that add nothing (only deletions) do not appear in the stream; the count covers them.
  const total = await countHistoryCommits(ctx.root);
  const progress = createProgress({ enabled: !options.quiet, unit: 'commits', totalFiles: total });
  const init = engineInit(ctx, 'scan');
  const local = inProcessRunner(ctx.engine, init.ignore);
  let workers: Runner | undefined;
  const runners: Runner[] = [local];
  const stop = (): void => {
    for (const r of runners) void r.terminate();
  };
  options.signal.addEventListener('abort', stop, { once: true });

  const jobs: Promise<void>[] = [];
  let seenBytes = 0;
  let waiting = 0;
  let paused = false;
  let stream: GitStream | undefined;
  let batch: HistoryCommit[] = [];
  let batchBytes = 0;
  let commitsSeen = 0;

  const runnerFor = (): Runner => {
    if (workers) return workers;
    // Small histories stay in the main thread; once this much has streamed by, workers pay off.
    if (seenBytes < WORKER_BYTES && forcedThreads(process.env) === undefined) return local;
    const threads = mostThreads();
    if (threads === 0) return local;
    workers = workerRunner(threads, init);
    runners.push(workers);
    return workers;
  };
  const dispatch = (): void => {
    if (batch.length === 0) return;
    const job: CommitsJob = { kind: 'commits', commits: batch.map(({ commit, files }) => ({ commit, files })) };
    const bytes = batchBytes;
    const count = batch.length;
    const slot = results.length;
    results.push([]);
    batch = [];
    batchBytes = 0;
    waiting += bytes;
    jobs.push(
      runnerFor()
        .run(job)
        .then((done) => {
          results[slot] = done;
          progress.add(count, bytes);
        })
        .finally(() => {
          waiting -= bytes;
          if (paused && waiting < LOW_WATER) {
            paused = false;
            stream?.resume();
          }
        }),
    );
    if (!paused && waiting > HIGH_WATER) {
      paused = true;
      stream?.pause();
    }
  };
  const take = (commits: HistoryCommit[]): void => {
    for (const commit of commits) {
      commitsSeen++;
      seenBytes += commit.bytes;
      batch.push(commit);
      batchBytes += commit.bytes;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_COMMITS) dispatch();
    }
  };

  const parser = new HistoryParser();
  try {
    stream = streamHistory((chunk) => take(parser.push(chunk)), { cwd: ctx.root, signal: options.signal });
    try {
      await stream.done;
      take(parser.end());
      dispatch();
    } catch (error) {
      if (!options.signal.aborted) {
        stop(); // the jobs queued behind the failure are not run
        throw error;
      }
    }
    const outcomes = await Promise.allSettled(jobs);
    for (const o of outcomes) if (o.status === 'rejected' && !(o.reason instanceof ScanInterrupted)) throw o.reason;
  } finally {
    options.signal.removeEventListener('abort', stop);
    progress.done();
    await Promise.all(runners.map((r) => r.close()));
  }

  // In the order git listed the commits (newest first), whichever thread finished first.
  const findings = [];
  let scanned = 0;
  for (const batchResults of results) {
    for (const r of batchResults) {
      findings.push(...r.findings);
      scanned++;
      stats.files += r.files;
      stats.lines += r.lines;
      stats.bytes += r.bytes;
      stats.binaryFiles += r.binaryFiles;
      stats.ignoredFiles += r.ignoredFiles;
      stats.suppressed += r.suppressed;
    }
  }
  stats.durationMs = nowMs() - started;
  const interrupted = options.signal.aborted;
  stats.commits = interrupted ? scanned : Math.max(total, commitsSeen);
  return { findings, stats, total: Math.max(total, commitsSeen), done: scanned, interrupted, exact: false };
}
