// Whole files through the rules, for `shipgate scan` (tracked files, given paths) and
// `shipgate scan --ref` (a commit's tree from git objects): the cache answers for what has not
// changed, the rest is cut into jobs for the pool, and the results are merged in path order,
// whatever thread finished first. Contents stream through: the main thread holds paths and
// results, workers read the files themselves, and blobs from git are handed on as they arrive,
// with git paused while too many bytes wait.

import { UsageError } from '../args.js';
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ruleCount, runEngine } from '../engine.js';
import type { GitFeed } from '../git.js';
import { skippedRuleIds } from '../skip.js';
import { CatFileBatchParser } from '../cat-file-parse.js';
import type { IndexEntry, TreeEntry } from '../tree-parse.js';
import type { Finding, ScanFile, ScanStats as EngineStats } from '../types.js';
import type { RunContext } from '../commands/context.js';
import { ScanCache, type StatKey } from './cache.js';
import { tooLargeNote, type EngineInit, type FileResult, type FsJob, type BlobJob } from './jobs.js';
import { bytesSettlingThreads, createRunner, MIN_WORKER_BYTES, prestartWorkers, ScanInterrupted, type Runner } from './pool.js';
import { createProgress, type Progress } from './progress.js';
import { nowMs } from '../clock.js';

/** A job carries about this many bytes of files (fewer, larger messages; still even shares). */
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 256;
/** What an unsized file counts as in a batch when no file has a size: a typical source file. */
const UNSIZED_GUESS = 16 * 1024;
/** Blob bytes from git waiting for a worker before git is paused, and resumed. */
const HIGH_WATER = 48 * 1024 * 1024;
const LOW_WATER = 16 * 1024 * 1024;

/** The engine's stats plus what `shipgate scan` adds to its JSON report. */
export interface ScanStats extends EngineStats {
  /** Files whose findings came from the scan cache, unread. */
  cached?: number;
  /** Files not read: over scan.maxFileBytes, unreadable, missing objects. */
  notScanned?: number;
  /** --history: commits read. */
  commits?: number;
}

export interface WholeOptions {
  cache: ScanCache;
  quiet: boolean;
  signal: AbortSignal;
  /** A line for stderr (files not scanned). */
  note: (text: string) => void;
  /** When the command began the scan (nowMs()): its duration counts the listing too. */
  started?: number;
}

export interface WholeResult {
  findings: Finding[];
  stats: ScanStats;
  /** Files to scan (excluding ignored ones) and how many were done; they differ after Ctrl-C. */
  total: number;
  done: number;
  interrupted: boolean;
  /**
   * Every tracked regular file was read as exactly its index entry's blob, or answered from the
   * cache as such: the result is a function of the index (src/scan/tree-memo.ts).
   */
  exact: boolean;
}

/** Files listed for a scan, and how many the config's ignore list left out. */
export interface Listing {
  listed: ListedFile[];
  ignored: number;
  /**
   * Tracked files only, when every entry is one git vouches for (stage 0, no skip-worktree or
   * assume-unchanged flag, not differing from the index): the blob id of each regular file not
   * answered from the cache, which its read must hash to for the result to be `exact`.
   */
  expected?: Map<string, string>;
}

export function engineInit(ctx: RunContext, stage: 'scan' | 'push'): EngineInit {
  return {
    stage,
    severities: { ...ctx.config.rules },
    skipIds: [...skippedRuleIds()],
    ignore: [...ctx.config.ignore],
  };
}

/**
 * A listed path: what kind of entry it is, and for a file its stat record (for the cache); a
 * regular file of a walk without the cache may have none (walkWithStats).
 */
export interface ListedFile {
  path: string;
  kind: 'file' | 'symlink' | 'dir' | 'other';
  stat?: StatKey;
  /** Its result, already found in the cache from the index's blob id (no stat needed). */
  cached?: FileResult;
}

function toListed(path: string, stat: Stats): ListedFile {
  if (stat.isFile()) return { path, kind: 'file', stat: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino } };
  return { path, kind: stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'dir' : 'other' };
}

/**
 * Told the size of each regular file as it is listed (prestartWhenLarge starts the workers on
 * the way); answers whether it needs the sizes of more.
 */
export type SizeWatch = (size: number) => boolean;

/** lstat of each repo-relative path under root; paths gone from the working tree are left out. */
export function statPaths(
  root: string, paths: readonly string[], isIgnored: (p: string) => boolean, watch?: SizeWatch,
): { listed: ListedFile[]; ignored: number } {
  const listed: ListedFile[] = [];
  let ignored = 0;
  let previous: string | undefined;
  for (const path of paths) {
    if (path === previous) continue; // an unmerged path is listed once per stage
    previous = path;
    if (isIgnored(path)) {
      ignored++;
      continue;
    }
    // Deleted in the working tree but still in the index: nothing to read. git's paths are
    // normalised already: path.join's normalising was 10% of a warm scan.
    const stat = lstatSync(`${root}/${path}`, { throwIfNoEntry: false });
    if (!stat) continue;
    listed.push(toListed(path, stat));
    if (watch && stat.isFile()) watch(stat.size);
  }
  return { listed, ignored };
}

/**
 * The tracked files, from the index: a regular file that git says matches its entry (`changed`
 * does not hold it) is looked up in the cache by the entry's blob id, without a stat; the rest
 * (changed, conflicted, skip-worktree or assume-unchanged entries, links, cache misses) are
 * lstat'ed as statPaths does. On a warm scan this spares ~25 ms of JavaScript lstat per 7,000
 * files: git did the stats, in C, while the rules loaded. (Not where a clean filter may hide an
 * edit from git: src/commands/scan.ts passes no lookup then.)
 */
export function listIndexed(
  root: string, entries: readonly IndexEntry[], changed: ReadonlySet<string>, isIgnored: (p: string) => boolean,
  lookup: (path: string, blob: string) => FileResult | undefined, watch?: SizeWatch,
): Listing {
  const rest: string[] = [];
  const listed: ListedFile[] = [];
  const expected = new Map<string, string>();
  let vouched = true;
  let ignored = 0;
  for (const entry of entries) {
    const { path } = entry;
    const clean = entry.tag === 'H' && entry.stage === 0 && !changed.has(path);
    if (clean && (entry.mode === '100644' || entry.mode === '100755')) {
      if (isIgnored(path)) {
        ignored++;
        continue;
      }
      const cached = lookup(path, entry.id);
      if (cached) {
        listed.push({ path, kind: 'file', cached });
        continue;
      }
      expected.set(path, entry.id);
    } else if (!clean) {
      vouched = false;
    }
    rest.push(path);
  }
  const statted = statPaths(root, rest, isIgnored, watch);
  return { listed: [...listed, ...statted.listed], ignored: ignored + statted.ignored, ...(vouched ? { expected } : {}) };
}

/**
 * Every file below the given paths (files or folders), with its lstat; .git folders left out.
 * Given `sizes` (a scan without the cache, which needs no stat records), regular files are
 * lstat'ed only while it wants their sizes; the rest are listed by their folder entry, without
 * one, and the jobs read them to their end (src/scan/jobs.ts). The lstats were 22 of the 33 ms
 * of listing a node_modules of 9,400 files, on the main thread, before it scans a file.
 */
export function walkWithStats(
  root: string, paths: readonly string[], isIgnored: (p: string) => boolean, sizes?: SizeWatch,
): { listed: ListedFile[]; ignored: number } {
  const listed: ListedFile[] = [];
  let ignored = 0;
  /** Whether regular files are still lstat'ed (always, without `sizes`). */
  let statting = true;
  const visitDir = (full: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch {
      return;
    }
    // Names joined by hand: path.join normalises each, ~0.6 µs a file of a 10,000-file walk.
    const dir = full.endsWith(sep) ? full : full + sep;
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel ? `${rel}/${name}` : name;
      if (entry.isDirectory()) {
        if (name !== '.git') visitDir(dir + name, childRel);
        continue;
      }
      if (isIgnored(childRel)) {
        ignored++;
        continue;
      }
      if (entry.isSymbolicLink()) listed.push({ path: childRel, kind: 'symlink' });
      else if (!entry.isFile()) listed.push({ path: childRel, kind: 'other' });
      else if (!statting) listed.push({ path: childRel, kind: 'file' });
      else {
        const stat = lstatSync(dir + name, { throwIfNoEntry: false });
        if (!stat) continue;
        listed.push(toListed(childRel, stat));
        if (sizes && stat.isFile()) statting = sizes(stat.size);
      }
    }
  };
  for (const path of paths) {
    // Absolute paths (lint-staged passes them) and relative ones alike.
    const full = resolve(root, path);
    const stat = lstatSync(full, { throwIfNoEntry: false });
    // A path that does not exist is a mistake to report, not an empty scan that passes.
    if (!stat) throw new UsageError(`scan: no such file or folder: ${path}`, 'Give paths that exist, relative to the current folder or absolute.');
    const rel = relative(root, full).split(sep).join('/');
    if (stat.isDirectory()) visitDir(full, rel);
    else if (isIgnored(rel)) ignored++;
    else listed.push(toListed(rel, stat));
  }
  return { listed, ignored };
}

/**
 * A SizeWatch that starts the scan's workers (prestartWorkers) once the files to read, as they
 * are listed, add up to enough for them: those over scan.maxFileBytes are not read. It wants
 * sizes until they add up to as many threads as the scan can get (bytesSettlingThreads).
 */
export function prestartWhenLarge(ctx: RunContext): SizeWatch {
  const maxBytes = ctx.config.scan.maxFileBytes;
  const settled = bytesSettlingThreads();
  let bytes = 0;
  let started = false;
  return (size) => {
    if (size <= maxBytes) bytes += size;
    if (!started && bytes >= MIN_WORKER_BYTES) {
      started = true;
      prestartWorkers(bytes, engineInit(ctx, 'scan'));
    }
    return bytes < settled;
  };
}

function emptyStats(ctx: RunContext): ScanStats {
  return {
    files: 0, lines: 0, bytes: 0, binaryFiles: 0, ignoredFiles: 0, suppressed: 0, durationMs: 0, cached: 0, notScanned: 0,
    rules: ruleCount(ctx.engine),
  };
}

/** Results for symlinks and submodules: file rules only, nothing to read. */
function scanSpecial(ctx: RunContext, path: string, kind: ScanFile['kind']): FileResult {
  const r = runEngine(ctx.engine, { stage: 'scan', label: '', files: [{ path, status: 'A', kind, binary: false, chunks: [] }] });
  return { path, size: 0, binary: false, lines: 0, bytes: 0, suppressed: r.stats.suppressed, findings: r.findings };
}

class Merger {
  readonly results: FileResult[] = [];
  readonly stats: ScanStats;

  constructor(ctx: RunContext, ignored: number) {
    this.stats = emptyStats(ctx);
    this.stats.ignoredFiles = ignored;
  }

  add(result: FileResult, cached: boolean): void {
    // Only results with findings are kept (to order them); the rest are counted.
    if (result.findings.length) this.results.push(result);
    const s = this.stats;
    s.files++;
    if (result.binary) s.binaryFiles++;
    s.lines += result.lines;
    s.bytes += result.bytes;
    s.suppressed += result.suppressed;
    if (cached) s.cached!++;
  }

  finish(started: number, total: number, done: number, interrupted: boolean, exact: boolean): WholeResult {
    // Path order, then line and column, as the engine orders one file's findings: the same
    // report whichever thread finished first.
    this.results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const findings = this.results.flatMap((r) => r.findings);
    this.stats.durationMs = nowMs() - started;
    return { findings, stats: this.stats, total, done, interrupted, exact };
  }
}

/** Batches of items holding about BATCH_BYTES each; an unsized item counts as `guess` bytes. */
function batches<T extends { size?: number }>(items: readonly T[], guess: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    current.push(item);
    bytes += item.size ?? guess;
    if (bytes >= BATCH_BYTES || current.length >= BATCH_FILES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Runs the jobs that `work` hands `runner` and settles every one; a failure other than an
 * interruption is rethrown once all have settled. Ctrl-C (`signal`) stops the runner, also when
 * it came before (while the files were listed); the progress line and the runner are closed
 * whatever happens.
 */
async function runJobs(runner: Runner, signal: AbortSignal, progress: Progress, work: () => Promise<Promise<unknown>[]>): Promise<void> {
  const stop = (): void => void runner.terminate();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  try {
    const outcomes = await Promise.allSettled(await work());
    for (const o of outcomes) {
      if (o.status === 'rejected' && !(o.reason instanceof ScanInterrupted)) throw o.reason;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    progress.done();
    await runner.close();
  }
}

/** Working-tree files (tracked, or below given paths), read by the workers themselves. */
export async function scanListedFiles(ctx: RunContext, listing: Listing, options: WholeOptions): Promise<WholeResult> {
  const started = options.started ?? nowMs();
  const merger = new Merger(ctx, listing.ignored);
  const maxBytes = ctx.config.scan.maxFileBytes;
  const cache = options.cache;
  /** `size` and `stat` unset: a file of a walk listed without an lstat (walkWithStats). */
  const toScan: { path: string; size?: number; stat?: StatKey; prevBlob?: string }[] = [];
  let total = 0;
  const expected = listing.expected;
  let exact = expected !== undefined;
  /** A regular file's result stands for its index entry only if it was made from that blob. */
  const check = (path: string, blob: string | undefined): void => {
    if (blob === undefined || expected?.get(path) !== blob) exact = false;
  };
  for (const listedFile of listing.listed) {
    const { path, kind, stat } = listedFile;
    if (kind === 'symlink' || kind === 'dir') {
      // A gitlink (submodule) is a directory in the working tree.
      merger.add(scanSpecial(ctx, path, kind === 'symlink' ? 'symlink' : 'submodule'), false);
      total++;
      continue;
    }
    if (kind !== 'file') {
      exact = false;
      continue;
    }
    // Found in the cache from the index already, or a file with its stat, or unsized.
    const size = listedFile.cached?.size ?? stat?.size;
    if (size !== undefined && size > maxBytes) {
      // A file git finds unchanged has its entry's blob, whose size this is: as much a function
      // of the index as a file read, and the result kept for it says so with this note.
      if (!expected?.has(path)) exact = false;
      merger.stats.notScanned!++;
      options.note(`not scanned: ${path} (${tooLargeNote(maxBytes)})`);
      continue;
    }
    total++;
    if (listedFile.cached) {
      merger.add(listedFile.cached, true); // by its index entry's blob (listIndexed)
      continue;
    }
    const cached = cache.enabled && stat ? cache.byStat(path, stat) : undefined;
    if (cached) {
      check(path, cached.blob);
      merger.add(cached, true);
      continue;
    }
    if (!stat) {
      exact = false;
      // Only a walk without the cache lists files unsized; no cache, nothing to look up.
      toScan.push({ path });
      continue;
    }
    const prevBlob = cache.enabled ? cache.knownBlob(path) : undefined;
    toScan.push({ path, size: stat.size, stat, ...(prevBlob ? { prevBlob } : {}) });
  }
  let bytesToScan = 0;
  let sized = 0;
  for (const f of toScan) if (f.size !== undefined) (bytesToScan += f.size), sized++;
  // The threads are chosen by the sizes known: the walk stops asking for sizes only once they
  // add up to as many threads as the scan can get (prestartWhenLarge).
  const progress = createProgress({
    enabled: !options.quiet, totalFiles: total, ...(sized === toScan.length ? { totalBytes: bytesToScan } : {}),
  });
  progress.add(total - toScan.length, 0);
  const runner = createRunner(bytesToScan, ctx.engine, engineInit(ctx, 'scan'));
  const byPath = new Map(toScan.map((f) => [f.path, f]));
  const root = ctx.root;
  await runJobs(runner, options.signal, progress, async () =>
    batches(toScan, sized ? bytesToScan / sized : UNSIZED_GUESS).map(async (batch) => {
      const job: FsJob = {
        kind: 'fs', root, hash: cache.enabled, maxBytes,
        items: batch.map((f) => ({
          path: f.path, ...(f.size !== undefined ? { size: f.size } : {}), ...(f.prevBlob ? { prevBlob: f.prevBlob } : {}),
        })),
      };
      const results = await runner.run(job);
      let bytes = 0;
      for (const r of results) {
        const item = byPath.get(r.path)!;
        bytes += item.size ?? r.size;
        check(r.path, r.blob);
        if (r.gone) continue;
        if (r.notScanned) {
          merger.stats.notScanned!++;
          options.note(`not scanned: ${r.path} (${r.notScanned})`);
          continue;
        }
        if (r.unchanged && r.blob) {
          // Its bytes hash to the blob this path's cached result was made from (the job's
          // prevBlob, cache.knownBlob): that result stands, for the stat the file has now.
          merger.add(cache.byKnownBlob(r.path, r.blob, r.size)!, true);
          cache.store(r.path, r.blob, item.stat);
          continue;
        }
        if (r.blob) cache.store(r.path, r.blob, item.stat, r);
        merger.add(r, false);
      }
      progress.add(batch.length, bytes);
    }),
  );
  return merger.finish(started, total, Math.min(total, progress.filesDone), options.signal.aborted, exact);
}

/** Where a tree's blobs come from: a running `git cat-file --batch` and its output's parser. */
export interface BlobSource {
  feed: GitFeed;
  parser: CatFileBatchParser;
}

/**
 * A commit's tree, from git objects only: the blobs the cache does not answer for are asked of
 * the `git cat-file --batch` in `source` (the one that read the config), streamed as they come.
 * Ends the feed.
 */
export async function scanTreeEntries(ctx: RunContext, entries: readonly TreeEntry[], options: WholeOptions, source: BlobSource): Promise<WholeResult> {
  const started = options.started ?? nowMs();
  const isIgnored = ctx.isIgnored ?? (() => false);
  let ignored = 0;
  const merger = new Merger(ctx, 0);
  const maxBytes = ctx.config.scan.maxFileBytes;
  const cache = options.cache;
  /** Blob id -> the paths that hold it. */
  const wanted = new Map<string, { path: string; size: number }[]>();
  let total = 0;
  for (const entry of entries) {
    if (isIgnored(entry.path)) {
      ignored++;
      continue;
    }
    if (entry.mode === '120000' || entry.mode === '160000') {
      merger.add(scanSpecial(ctx, entry.path, entry.mode === '120000' ? 'symlink' : 'submodule'), false);
      total++;
      continue;
    }
    if (entry.type !== 'blob') continue;
    const size = entry.size ?? 0;
    if (size > maxBytes) {
      merger.stats.notScanned!++;
      options.note(`not scanned: ${entry.path} (${tooLargeNote(maxBytes)})`);
      continue;
    }
    total++;
    const cached = cache.enabled ? cache.byBlob(entry.path, entry.id, size) : undefined;
    if (cached) {
      merger.add(cached, true);
      continue;
    }
    const list = wanted.get(entry.id) ?? [];
    list.push({ path: entry.path, size });
    wanted.set(entry.id, list);
  }
  merger.stats.ignoredFiles = ignored;
  let bytesToScan = 0;
  let filesToScan = 0;
  for (const [, paths] of wanted) for (const p of paths) (bytesToScan += p.size), filesToScan++;
  const progress = createProgress({ enabled: !options.quiet, totalFiles: total, totalBytes: bytesToScan });
  progress.add(total - filesToScan, 0);
  const runner = createRunner(bytesToScan, ctx.engine, engineInit(ctx, 'scan'));
  const jobs: Promise<void>[] = [];
  let waiting = 0;
  let paused = false;
  const stream = source.feed;
  let batch: BlobJob['items'] = [];
  let batchBytes = 0;
  const dispatch = (): void => {
    if (batch.length === 0) return;
    const items = batch;
    const bytes = batchBytes;
    batch = [];
    batchBytes = 0;
    waiting += bytes;
    const transfer = runner.threads > 0 ? items.map((i) => i.bytes.buffer as ArrayBuffer) : [];
    jobs.push(
      runner.run({ kind: 'blobs', items }, transfer).then(
        (results) => {
          for (const r of results) {
            if (r.blob) cache.store(r.path, r.blob, undefined, r);
            merger.add(r, false);
          }
          progress.add(items.length, bytes);
        },
      ).finally(() => {
        waiting -= bytes;
        if (paused && waiting < LOW_WATER) {
          paused = false;
          stream.resume();
        }
      }),
    );
    if (!paused && waiting > HIGH_WATER) {
      paused = true;
      stream.pause();
    }
  };
  const parser = source.parser;
  const onObject = (id: string, content: Buffer | undefined): void => {
    for (const { path, size } of wanted.get(id) ?? []) {
      if (!content) {
        merger.stats.notScanned!++;
        options.note(`not scanned: ${path} (object ${id.slice(0, 12)} is missing from the repository)`);
        continue;
      }
      // A worker gets its own copy, transferred rather than cloned.
      const bytes = runner.threads > 0 ? new Uint8Array(content) : content;
      batch.push({ path, blob: id, bytes });
      batchBytes += size;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) dispatch();
    }
  };
  await runJobs(runner, options.signal, progress, async () => {
    stream.onData = (chunk) => {
      for (const object of parser.push(chunk)) onObject(object.id, object.missing ? undefined : object.content);
    };
    if (wanted.size > 0 && !options.signal.aborted) stream.write([...wanted.keys()].join('\n') + '\n');
    stream.end();
    try {
      await stream.done;
      parser.end();
    } catch (error) {
      if (!options.signal.aborted) throw error;
    }
    if (!options.signal.aborted) dispatch();
    return jobs;
  });
  return merger.finish(started, total, Math.min(total, progress.filesDone), options.signal.aborted, false);
}
