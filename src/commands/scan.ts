// `shipgate scan`: the rules over the whole repository, or part of it, by hand or in CI.
//
//   (default)      every tracked file of the working tree, read from the filesystem
//   <paths...>     every file below the given files and folders, tracked or not
//   --ref REF      a commit's tree, from git objects only (the working tree is not read at all:
//                  the config and suppression files come from the commit too)
//   --since REF    what changed since REF: the working tree against REF (`git diff REF`), added
//                  lines and config drift, through the push-stage rules
//   --history      every commit's added lines on all branches, each finding tagged with its commit
//   --release      also the release gate on HEAD (on REF with --ref) when there is a package.json
//
// Whole-file modes go through src/scan/: a cache under .git/shipgate/scan-cache, worker threads
// for large scans, progress on a terminal. Ctrl-C stops cleanly with a partial report, exit 130.
// (`--staged` is src/commands/staged.ts, dispatched by cli.ts.)

import { join } from 'node:path';
import { UsageError, type Command, type OutputOptions } from '../args.js';
import { CatFileBatchParser } from '../cat-file-parse.js';
import { blobFeed, cleanFilterDrivers, commonGitDir, GitError, listIndex, listTrackedFiles, listTree, readFileAt, resolveCommit, showToplevel, showToplevelAndCommonDir, tagExists } from '../git.js';
import { writeFd } from '../io.js';
import { groupThousands, plural } from '../messages.js';
import { emitReport } from '../report/emit.js';
import { prepareJson, renderJsonFindings } from '../report/json.js';
import { applySuppressions } from '../suppress.js';
import { listsChanges, parseLsTree, splitIndexListing, type TreeEntry } from '../tree-parse.js';
import type { Finding, ScanResult } from '../types.js';
import { ScanCache, cacheKey } from '../scan/cache.js';
import { readTreeResult, treeDigest, writeTreeResult, type TreeResult } from '../scan/tree-memo.js';
import { listIndexed, prestartWhenLarge, scanListedFiles, scanTreeEntries, statPaths, walkWithStats, type BlobSource, type WholeOptions, type WholeResult } from '../scan/whole.js';
import { stopPrestartedWorkers } from '../scan/pool.js';
import { prepareRun, suppress, type FinishedResult, type RunContext } from './context.js';
import { nowMs } from '../clock.js';

export type ScanCommand = Extract<Command, { name: 'scan' }>;

interface Outcome {
  result: FinishedResult;
  /** Set when Ctrl-C stopped the scan: what was done of what. */
  interrupted?: { done: number; total: number; unit: string };
  /** The commit the release gate runs on (--release). */
  releaseCommit?: () => Promise<ReleaseTarget | undefined>;
}

interface ReleaseTarget {
  root: string;
  commit: string;
  /** The ref is this tag (the release gate checks the version against it). */
  tag?: string;
  hasPackage: boolean;
  /** Whether the gate may also pack the working tree (not for --ref). */
  workingTree: boolean;
}

interface Session {
  quiet: boolean;
  cache: boolean;
  signal: AbortSignal;
  notes: string[];
  /**
   * Makes a report ahead, from a kept result, while git says whether it stands (report/json.ts
   * prepareJson); `rendered`, the kept findings' text in it.
   */
  prepareReport?: (result: ScanResult, rendered: { count: number; text: Uint8Array }) => void;
}

/** The scan that `shipgate baseline` records: tracked files (or paths), suppressions applied or not. */
export async function scanFiles(
  paths: readonly string[], cwd = process.cwd(), options: { withoutBaseline?: boolean } = {},
): Promise<FinishedResult> {
  const session: Session = { quiet: false, cache: true, signal: new AbortController().signal, notes: [] };
  const outcome = await scanWorkingTree(paths, cwd, session, options.withoutBaseline === true);
  for (const note of session.notes) writeFd(2, `shipgate: ${note}\n`);
  return outcome.result;
}

export async function runScan(command: ScanCommand): Promise<number> {
  const options: OutputOptions = command;
  // Ctrl-C stops the long modes with a partial report; --since is short and simply exits.
  const interrupt = command.mode === 'since' ? undefined : watchInterrupt();
  const session: Session = {
    quiet: command.quiet, cache: command.cache, signal: interrupt?.signal ?? new AbortController().signal, notes: [],
    ...(command.format === 'json' && !command.release ? { prepareReport: prepareJson } : {}),
  };
  let outcome: Outcome;
  try {
    outcome = await scanMode(command, session);
  } finally {
    interrupt?.dispose();
  }
  const result: FinishedResult & { releases?: ScanResult['releases'] } = outcome.result;
  if (command.release && !outcome.interrupted && outcome.releaseCommit) {
    const gate = await runReleaseGate(result, outcome.releaseCommit, session);
    if (gate) {
      result.findings.push(...gate.findings);
      result.releases = gate.releases;
    }
  }
  if (!session.quiet) {
    for (const note of session.notes) writeFd(2, `shipgate: ${note}\n`);
    for (const entry of result.unusedIgnores) {
      writeFd(2, `shipgate: unused entry in .shipgate/ignore.json: ${entry.fingerprint.slice(0, 12)}… (${entry.rule ?? 'any rule'}: ${entry.reason}); remove it if the secret is gone\n`);
    }
    if (result.unusedIgnores.length && !outcome.interrupted) {
      writeFd(2, `shipgate: ${plural(result.unusedIgnores.length, 'ignore entry', 'ignore entries')} matched nothing\n`);
    }
  }
  if (outcome.interrupted) {
    const { done, total, unit } = outcome.interrupted;
    const summary = `interrupted after ${groupThousands(done)} of ${groupThousands(total)} ${unit}`;
    writeFd(2, `shipgate: ${summary}\n`);
    result.label = `${result.label} (${summary})`;
    await emitReport(result, options, 'scan');
    return 130;
  }
  // --quiet: only findings; a clean text report is not printed at all.
  if (command.quiet && command.format === 'text' && !command.output && result.findings.length === 0 && !result.releases?.length) {
    return 0;
  }
  return await emitReport(result, options, 'scan');
}

async function scanMode(command: ScanCommand, session: Session): Promise<Outcome> {
  switch (command.mode) {
    case 'tracked':
    case 'paths':
      return scanWorkingTree(command.paths, process.cwd(), session, false);
    case 'ref':
      return scanRef(command.ref!, session);
    case 'since':
      return scanSinceRef(command.ref!, session);
    case 'history':
      return scanAllHistory(session);
    case 'staged':
      throw new Error('scan --staged is handled by src/commands/staged.ts');
  }
}

/** Ctrl-C stops the scan (workers terminated, git killed) instead of the process; twice exits. */
function watchInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}

/** Where a repository's scan cache is: its folder and the key of this rule set. */
interface CacheLocation {
  dir: string;
  key: string;
}

/** `knownGitDir`: the common .git folder when the caller already asked git. Undefined: no cache. */
async function locateCache(ctx: RunContext, stage: string, session: Session, knownGitDir?: string): Promise<CacheLocation | undefined> {
  if (!session.cache) return undefined;
  let gitDir: string;
  try {
    gitDir = knownGitDir ?? (await commonGitDir(ctx.root));
  } catch {
    return undefined; // not a git repository: nowhere to keep it
  }
  return { dir: join(gitDir, 'shipgate', 'scan-cache'), key: cacheKey(ctx.engine, stage, ctx.config.scan.maxFileBytes) };
}

function openCache(location: CacheLocation | undefined): ScanCache {
  return location ? ScanCache.open(location.dir, location.key) : ScanCache.disabled();
}

function saveCache(cache: ScanCache, session: Session): void {
  const note = cache.save();
  if (note) session.notes.push(note);
}

/** Applies the ignore list and the baseline, as check() does for the other commands. */
function finish(ctx: RunContext, label: string, whole: WholeResult, withoutBaseline = false): FinishedResult {
  if (withoutBaseline) ctx.suppressions.baseline.clear();
  const result = suppress(ctx, { label, findings: whole.findings, skipped: ctx.skipped, stats: whole.stats });
  // An interrupted scan did not see every file: an entry it did not use may still be needed.
  return whole.interrupted ? { ...result, unusedIgnores: [] } : result;
}

function interruption(whole: WholeResult, unit: string): Outcome['interrupted'] {
  return whole.interrupted ? { done: whole.done, total: whole.total, unit } : undefined;
}

async function scanWorkingTree(paths: readonly string[], cwd: string, session: Session, withoutBaseline: boolean): Promise<Outcome> {
  try {
    return await scanWorkingTreeFiles(paths, cwd, session, withoutBaseline);
  } finally {
    // Workers started while the files were listed, if the listing failed before a runner took them.
    stopPrestartedWorkers();
  }
}

async function scanWorkingTreeFiles(paths: readonly string[], cwd: string, session: Session, withoutBaseline: boolean): Promise<Outcome> {
  const started = nowMs();
  // For tracked files, git lists the index and checks the working tree against it from the
  // start, while the rules load; then a result kept for that index answers, or the cache is read.
  // The listing first: a warm scan waits for it (~15 ms for 7,000 files), and each spawn is ~1 ms.
  const fromIndex = !paths.length && session.cache ? listIndex(cwd) : undefined;
  const asking = paths.length ? undefined : showToplevelAndCommonDir(cwd);
  const filters = fromIndex && cleanFilterDrivers(cwd);
  // Awaited below, after the failure that matters most: not a repository.
  fromIndex?.catch(() => undefined);
  filters?.catch(() => undefined);
  const repo = await asking;
  const root = repo?.top ?? cwd;
  const ctx = prepareRun(root, 'scan');
  const isIgnored = ctx.isIgnored ?? (() => false);
  const locating = locateCache(ctx, 'scan', session, repo?.commonDir);
  let cache: ScanCache;
  let whole: WholeResult;
  if (paths.length) {
    // A cached scan reads what the cache does not answer for: known only after the walk.
    const listing = walkWithStats(root, paths, isIgnored, session.cache ? undefined : prestartWhenLarge(ctx));
    cache = openCache(await locating);
    whole = await scanListedFiles(ctx, listing, wholeOptions(cache, session, started));
  } else if (fromIndex) {
    const location = await locating;
    // The tracked files as the last scan of an index left them (src/scan/tree-memo.ts), read while
    // git lists this one: whether it is the same index is known once git is done.
    const keptFile = location && join(location.dir, `${location.key}.tree`);
    const previous = keptFile ? readTreeResult(keptFile) : undefined;
    // Its outcome, and its report, made while git lists the index too.
    const early = previous && trackedOutcome(ctx, root, fromKept(previous.result, started), withoutBaseline);
    if (early) session.prepareReport?.(early.result, { count: previous.result.findings.length, text: previous.jsonFindings });
    const index = await fromIndex;
    // git finds a file unchanged when its contents, through the clean filter, give the indexed
    // blob: with a filter that strips secrets, an edit that adds one is not listed. Then neither
    // the kept result nor the blob ids answer, and each file's stat is checked (the cache by
    // stat). git-lfs's filter names the content by its hash, so any edit changes what it gives.
    const trustIndex = (await filters!).every((driver) => driver === 'lfs');
    const kept = keptFile && { file: keptFile, digest: treeDigest(index, ctx.config) };
    if (early && kept && trustIndex && !listsChanges(index) && previous.digest === kept.digest) {
      early.result.stats.durationMs = nowMs() - started;
      session.notes.push(...previous.result.notes); // files over the size limit, said again
      return early;
    }
    cache = openCache(location);
    const { entries, changed } = splitIndexListing(index);
    // Files the cache answers for from their index entry are not stat'ed, nor counted.
    const byBlob = trustIndex ? (path: string, blob: string) => cache.byWorkTreeBlob(path, blob) : () => undefined;
    const listing = listIndexed(root, entries, changed, isIgnored, byBlob, prestartWhenLarge(ctx));
    const notes: string[] = [];
    const note = (n: string): void => {
      notes.push(n);
      session.notes.push(n);
    };
    whole = await scanListedFiles(ctx, listing, { ...wholeOptions(cache, session, started), note });
    if (kept && whole.exact && !whole.interrupted) {
      writeTreeResult(kept.file, kept.digest, { findings: whole.findings, stats: whole.stats, total: whole.total, notes }, renderJsonFindings(whole.findings));
    }
  } else {
    const listing = statPaths(root, await listTrackedFiles(root), isIgnored, prestartWhenLarge(ctx));
    cache = openCache(await locating);
    whole = await scanListedFiles(ctx, listing, wholeOptions(cache, session, started));
  }
  if (!whole.interrupted) saveCache(cache, session);
  return paths.length ? workingTreeOutcome(ctx, paths.join(', '), paths, cwd, root, whole, withoutBaseline) : trackedOutcome(ctx, root, whole, withoutBaseline);
}

function wholeOptions(cache: ScanCache, session: Session, started: number): WholeOptions {
  return { cache, quiet: session.quiet, signal: session.signal, note: (n) => session.notes.push(n), started };
}

/** A kept result as this scan's: every file answered without being read. */
function fromKept(kept: TreeResult, started: number): WholeResult {
  return {
    findings: kept.findings, stats: { ...kept.stats, cached: kept.stats.files, durationMs: nowMs() - started },
    total: kept.total, done: kept.total, interrupted: false, exact: true,
  };
}

function trackedOutcome(ctx: RunContext, root: string, whole: WholeResult, withoutBaseline: boolean): Outcome {
  return workingTreeOutcome(ctx, 'tracked files', [], root, root, whole, withoutBaseline);
}

function workingTreeOutcome(
  ctx: RunContext, label: string, paths: readonly string[], cwd: string, root: string, whole: WholeResult, withoutBaseline: boolean,
): Outcome {
  return {
    result: finish(ctx, label, whole, withoutBaseline),
    interrupted: interruption(whole, 'files'),
    releaseCommit: async () => {
      const top = paths.length ? await showToplevel(cwd).catch(() => undefined) : root;
      const commit = top && (await resolveCommit('HEAD', top));
      if (!top || !commit) return undefined;
      return { commit, hasPackage: (await readFileAt(commit, 'package.json', top)) !== undefined, workingTree: true, root: top };
    },
  };
}

/** The files of the commit's tree that the config and the suppressions come from. */
const SETTINGS_FILES = ['shipgate.config.json', 'package.json', '.shipgate/ignore.json', '.shipgate/baseline.json'];

async function scanRef(ref: string, session: Session): Promise<Outcome> {
  const started = nowMs();
  let root: string;
  try {
    root = await showToplevel();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    root = process.cwd(); // a bare repository: objects are all there is
  }
  const commit = await resolveCommit(ref, root);
  if (!commit) throw new UsageError(`--ref ${ref}: no such commit in this repository`, "Run 'shipgate scan --help'.");
  const entries = parseLsTree(await listTree(commit, root));
  // One `git cat-file --batch` for everything: first the config and suppression files, then
  // the blobs to scan.
  const source: BlobSource = { feed: blobFeed({ cwd: root, signal: session.signal }), parser: new CatFileBatchParser() };
  let ctx: RunContext;
  let cache: ScanCache;
  try {
    const settings = await readSettingsFiles(entries, source);
    ctx = prepareRun(root, 'scan', (path) => settings.get(path));
    cache = openCache(await locateCache(ctx, 'scan', session));
  } catch (error) {
    // A bad config or suppression file in the commit: git, waiting for more ids, is told to end.
    source.feed.end();
    await source.feed.done.catch(() => undefined);
    throw error;
  }
  const whole = await scanTreeEntries(ctx, entries, wholeOptions(cache, session, started), source);
  if (!whole.interrupted) saveCache(cache, session);
  const short = commit.slice(0, 12);
  const label = ref === commit || ref === short ? `commit ${short}` : `${ref} (commit ${short})`;
  const tag = ref.replace(/^refs\/tags\//, '');
  return {
    result: finish(ctx, label, whole),
    interrupted: interruption(whole, 'files'),
    releaseCommit: async () => ({
      commit,
      ...((await tagExists(tag, root)) ? { tag } : {}),
      hasPackage: entries.some((e) => e.path === 'package.json'),
      workingTree: false,
      root,
    }),
  };
}

/** The files of the commit's tree that the config and the suppressions come from, read through the feed. */
async function readSettingsFiles(entries: readonly TreeEntry[], source: BlobSource): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const e of entries) if (SETTINGS_FILES.includes(e.path) && e.type === 'blob') ids.set(e.path, e.id);
  const out = new Map<string, string>();
  if (ids.size === 0) return out;
  const wanted = new Set(ids.values());
  const byId = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    let pending = wanted.size;
    source.feed.onData = (chunk) => {
      try {
        for (const object of source.parser.push(chunk)) {
          if (!object.missing) byId.set(object.id, object.content.toString('utf8'));
          if (--pending === 0) resolve();
        }
      } catch (error) {
        reject(error as Error);
      }
    };
    source.feed.done.then(() => reject(new Error('git cat-file --batch ended early')), reject);
    source.feed.write([...wanted].join('\n') + '\n');
  });
  for (const [path, id] of ids) {
    const text = byId.get(id);
    if (text !== undefined) out.set(path, text);
  }
  return out;
}

async function scanSinceRef(ref: string, session: Session): Promise<Outcome> {
  const root = await showToplevel();
  const commit = await resolveCommit(ref, root);
  if (!commit) throw new UsageError(`--since ${ref}: no such commit in this repository`, "Run 'shipgate scan --help'.");
  const ctx = prepareRun(root, 'push');
  const { scanSince } = await import('../scan/since.js');
  const result = await scanSince(ctx, commit, `changes since ${ref}`);
  return {
    result,
    releaseCommit: async () => {
      const head = await resolveCommit('HEAD', root);
      return head ? { commit: head, hasPackage: (await readFileAt(head, 'package.json', root)) !== undefined, workingTree: true, root } : undefined;
    },
  };
}

async function scanAllHistory(session: Session): Promise<Outcome> {
  const root = await showToplevel();
  const ctx = prepareRun(root, 'scan');
  const { scanHistory } = await import('../scan/history.js');
  const whole = await scanHistory(ctx, { quiet: session.quiet, signal: session.signal });
  const label = `history: ${plural(whole.stats.commits ?? 0, 'commit')} on all branches`;
  return {
    result: finish(ctx, label, whole),
    interrupted: interruption(whole, 'commits'),
    releaseCommit: async () => {
      const head = await resolveCommit('HEAD', root);
      return head ? { commit: head, hasPackage: (await readFileAt(head, 'package.json', root)) !== undefined, workingTree: true, root } : undefined;
    },
  };
}

/** --release: the release gate on the commit, with the release rules and their suppressions. */
async function runReleaseGate(
  result: FinishedResult, target: NonNullable<Outcome['releaseCommit']>, session: Session,
): Promise<{ findings: Finding[]; releases: NonNullable<ScanResult['releases']> } | undefined> {
  const found = await target();
  if (!found) {
    session.notes.push('--release: no commit to check (not in a git repository, or no commit yet)');
    return undefined;
  }
  if (!found.hasPackage) {
    session.notes.push(`--release: no package.json at the root of commit ${found.commit.slice(0, 12)}, so there is no release to check`);
    return undefined;
  }
  const ctx = prepareRun(found.root, 'release');
  const { gateCommit } = await import('../release/run.js');
  const gate = await gateCommit(ctx, found.commit, found.tag, { workingTree: found.workingTree });
  const s = applySuppressions(gate.findings, ctx.suppressions);
  result.stats.suppressed += s.ignored + s.baselined;
  return { findings: s.kept, releases: gate.releases };
}
