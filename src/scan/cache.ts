// The `shipgate scan` cache, under the git common dir (.git/shipgate/scan-cache/<key>.json), so a
// second scan of an unchanged repository reads nothing but the cache (and git's listing of the
// index; src/scan/tree-memo.ts keeps the merged result of the last one).
//
// - The file name is a hash of the shipgate build, the rules that run at what severity and
//   scan.maxFileBytes (unbundled, also every rule's patterns, keywords, globs and validator
//   code): another config or version, another cache.
// - Results are keyed by git's blob id of the content and the path (rules pick files by path),
//   so a file edited back, or a commit scanned with --ref, is served from the cache too.
// - For tracked files that git says match their index entry (src/git.ts listIndex),
//   the index's blob id is looked up without a stat, when the path's bytes were last hashed to it.
// - For other working-tree files a stat record (size, mtime, ctime, inode) stands for the blob
//   id, like git's index: trusted only when the file was last changed over 2 s before the scan
//   that recorded it began (a change in the same timestamp tick could otherwise go unseen).
//   Otherwise the file is read and hashed, and only scanned when its blob id is new.
//
// - Beside it, <key>.tree keeps the merged result of the last tracked-files scan whose every
//   file was its index entry's blob (src/scan/tree-memo.ts).
//
// It holds ids, stat numbers and finding metadata: rule id, severity, line, column, message
// data, the fingerprint (a sha256) and the match as already redacted. Never content, never a
// secret. A cache that cannot be read is ignored; one that cannot be written is skipped with
// one note on stderr: the scan itself never fails because of it.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../engine.js';
import type { Finding, Severity } from '../types.js';
import type { FileResult } from './jobs.js';

/** Bumped when the format or the meaning of a cached result changes. */
const FORMAT = 2;
/** Results kept that this scan did not use, at least (older ones are dropped first). */
const KEEP_UNUSED = 50_000;
/** Cache files of other rule sets kept (the newest). */
const KEEP_FILES = 4;
/** A stat record is trusted only for files changed this long before the scan that recorded it. */
const RACY_MS = 2000;

type StoredFinding = [ruleId: string, severity: Severity, line: number, column: number, messageId: string, data: Finding['data'], match: string, fingerprint: string];

export interface StatKey {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * On disk, one record per (blob, path) result, in columns so that loading makes few objects
 * (a warm scan of 10,000 files is mostly this load): `paths`, the blob ids end to end in `blobs`,
 * NUMS numbers per record in `nums`, and `findings` by record index for the few that have any.
 */
interface CacheFile {
  v: number;
  idLen: number;
  paths: string[];
  blobs: string;
  nums: number[];
  findings: Record<string, StoredFinding[]>;
}

/** size, mtimeMs, ctimeMs, ino, recordedAt (-1: no stat record), lines, text bytes, suppressed, binary (0/1). */
const NUMS = 9;

interface Added {
  path: string;
  blob: string;
  lines: number;
  bytes: number;
  suppressed: number;
  binary: boolean;
  findings: StoredFinding[];
}

function toFindings(path: string, stored: readonly StoredFinding[] | undefined): Finding[] {
  // `data` as parsed: each stored finding is turned into a Finding once per scan.
  return (stored ?? []).map(([ruleId, severity, line, column, messageId, data, match, fingerprint]) => ({
    ruleId, severity, file: path, line, column, messageId, data, match, fingerprint,
  }));
}

function storeFindings(findings: readonly Finding[]): StoredFinding[] {
  return findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.messageId, f.data, f.match, f.fingerprint]);
}

let crypto: typeof import('node:crypto') | undefined;

// Set by scripts/build.ts in the bundles: the rules are then part of the file the build stat is
// taken of, and need not be described one by one.
declare const __SHIPGATE_BUNDLED__: boolean | undefined;
const bundled = typeof __SHIPGATE_BUNDLED__ !== 'undefined';

/** The cache file's name: a hash of everything that decides what a file's scan finds. */
export function cacheKey(engine: Engine, stage: string, maxFileBytes: number): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  let build = '';
  try {
    // The running build (dist/main.cjs when bundled): a rebuilt engine is another cache.
    const self = statSync(fileURLToPath(import.meta.url));
    build = `${self.size}:${self.mtimeMs}`;
  } catch {
    // no file (an unusual loader): the rules' own code still keys the cache
  }
  // In a bundle, the build stat already stands for every rule's code: which rules run, and how
  // seriously, is all the config adds. Unbundled (tests, `tsc` alone), the rules themselves are
  // described; that also builds every lazy pattern, ~6 ms a warm scan need not spend.
  const described = bundled && build !== '';
  const rules = [
    ...engine.content.map(({ rule: r }) => described ? [r.id, r.severity] : [
      r.id, r.severity, r.pattern.source, r.pattern.flags, r.keywords, r.files, r.excludeFiles, r.multiline, r.anchored, r.fallback,
      r.secretName, r.revoke, r.validate?.toString(),
    ]),
    ...engine.files.map(({ rule: r }) => described ? [r.id, r.severity] : [r.id, r.severity, r.files, r.excludeFiles, r.check.toString()]),
  ];
  return crypto.createHash('sha256').update(JSON.stringify([FORMAT, stage, build, maxFileBytes, rules])).digest('hex').slice(0, 24);
}

export class ScanCache {
  // What was loaded, as stored.
  private paths: string[] = [];
  private blobs = '';
  private idLen = 40;
  private nums: number[] = [];
  private findings: Record<string, StoredFinding[]> = {};
  /** Path -> the loaded record holding its stat. */
  private statIndex = new Map<string, number>();
  /** blob NUL path -> loaded record; built on first use (--ref, or a file whose stat changed). */
  private blobIndex: Map<string, number> | undefined;
  private used: Uint8Array = new Uint8Array(0);
  // What this scan adds.
  private added = new Map<string, Added>();
  private statChanges = new Map<string, { blob: string; stat: StatKey }>();
  private readonly startedAt = Date.now();

  private constructor(
    /** Where the cache file goes; undefined: a cache that keeps nothing (--no-cache, not a git repository). */
    private readonly file: string | undefined,
  ) {}

  /** A cache that finds nothing and saves nothing. */
  static disabled(): ScanCache {
    return new ScanCache(undefined);
  }

  /** Opens the cache for a rule-set key in `dir` (.git/shipgate/scan-cache). */
  static open(dir: string, key: string): ScanCache {
    const cache = new ScanCache(join(dir, `${key}.json`));
    try {
      const data = JSON.parse(readFileSync(cache.file!, 'utf8')) as CacheFile;
      const n = Array.isArray(data.paths) ? data.paths.length : -1;
      if (data.v === FORMAT && n >= 0 && Array.isArray(data.nums) && data.nums.length === n * NUMS && typeof data.blobs === 'string' && data.blobs.length === n * data.idLen) {
        cache.paths = data.paths;
        cache.blobs = data.blobs;
        cache.idLen = data.idLen;
        cache.nums = data.nums;
        cache.findings = data.findings ?? {};
        cache.used = new Uint8Array(n);
        for (let i = 0; i < n; i++) if (data.nums[i * NUMS + 4]! >= 0) cache.statIndex.set(data.paths[i]!, i);
      }
    } catch {
      // none yet, unreadable or damaged: start empty (it is rewritten on save)
    }
    return cache;
  }

  get enabled(): boolean {
    return this.file !== undefined;
  }

  private blobOf(i: number): string {
    return this.blobs.slice(i * this.idLen, (i + 1) * this.idLen);
  }

  private loadedResult(i: number, path: string, blob: string, size: number): FileResult {
    this.used[i] = 1;
    const at = i * NUMS;
    const nums = this.nums;
    return {
      path, blob, size, lines: nums[at + 5]!, bytes: nums[at + 6]!, suppressed: nums[at + 7]!, binary: nums[at + 8] === 1,
      findings: toFindings(path, this.findings[i]),
    };
  }

  /** The cached result of a working-tree file whose stat says it has not changed, if any. */
  byStat(path: string, stat: StatKey): FileResult | undefined {
    const i = this.statIndex.get(path);
    if (i === undefined || this.statChanges.has(path)) return undefined;
    const at = i * NUMS;
    const nums = this.nums;
    if (nums[at] !== stat.size || nums[at + 1] !== stat.mtimeMs || nums[at + 2] !== stat.ctimeMs || nums[at + 3] !== stat.ino) return undefined;
    if (Math.max(stat.mtimeMs, stat.ctimeMs) >= nums[at + 4]! - RACY_MS) return undefined;
    return this.loadedResult(i, path, this.blobOf(i), stat.size);
  }

  /**
   * The cached result of a working-tree file that git says still matches its index entry, staged
   * as `blob`: served only when this path's bytes were last read and hashed as that same blob.
   * A result made from git objects alone is not enough: under clean/smudge filters (Git LFS,
   * autocrlf) the working tree holds other bytes than the blob.
   */
  byWorkTreeBlob(path: string, blob: string): FileResult | undefined {
    const i = this.statIndex.get(path);
    if (i === undefined || this.statChanges.has(path) || this.blobOf(i) !== blob) return undefined;
    return this.loadedResult(i, path, blob, this.nums[i * NUMS]!);
  }

  /** The cached result for this content at this path, if any. */
  byBlob(path: string, blob: string, size: number): FileResult | undefined {
    const key = `${blob}\0${path}`;
    const a = this.added.get(key);
    if (a) return { path, blob, size, lines: a.lines, bytes: a.bytes, suppressed: a.suppressed, binary: a.binary, findings: toFindings(path, a.findings) };
    if (!this.blobIndex) {
      this.blobIndex = new Map();
      for (let i = 0; i < this.paths.length; i++) this.blobIndex.set(`${this.blobOf(i)}\0${this.paths[i]}`, i);
    }
    const i = this.blobIndex.get(key);
    return i === undefined ? undefined : this.loadedResult(i, path, blob, size);
  }

  /** The blob id last seen at this path (its result is cached): a worker that hashes the same id need not scan. */
  knownBlob(path: string): string | undefined {
    const i = this.statIndex.get(path);
    return i === undefined ? undefined : this.blobOf(i);
  }

  /** The result knownBlob stands for, when the file's bytes hashed to that blob after all (a touched file). */
  byKnownBlob(path: string, blob: string, size: number): FileResult | undefined {
    const i = this.statIndex.get(path);
    return i !== undefined && this.blobOf(i) === blob ? this.loadedResult(i, path, blob, size) : undefined;
  }

  /** Records a scanned file's result, and for a working-tree file the stat it had. */
  store(path: string, blob: string, stat: StatKey | undefined, result?: FileResult): void {
    if (!this.file) return;
    if (result) {
      this.added.set(`${blob}\0${path}`, {
        path, blob, lines: result.lines, bytes: result.bytes, suppressed: result.suppressed, binary: result.binary,
        findings: storeFindings(result.findings),
      });
    }
    if (stat) this.statChanges.set(path, { blob, stat });
  }

  /** Writes the cache when this scan changed it; returns a note when it could not. */
  save(): string | undefined {
    if (!this.file || (this.added.size === 0 && this.statChanges.size === 0)) return undefined;
    const dir = join(this.file, '..');
    const out: CacheFile = { v: FORMAT, idLen: this.idLen, paths: [], blobs: '', nums: [], findings: {} };
    const blobParts: string[] = [];
    const push = (path: string, blob: string, counts: number[], findings: StoredFinding[] | undefined, oldStat: number[] | undefined): void => {
      if (blob.length !== out.idLen) {
        if (out.paths.length) return; // one id length per repository
        out.idLen = blob.length;
      }
      const change = this.statChanges.get(path);
      let stat = [-1, -1, -1, -1, -1];
      if (change) {
        if (change.blob === blob) stat = [change.stat.size, change.stat.mtimeMs, change.stat.ctimeMs, change.stat.ino, this.startedAt];
      } else if (oldStat) {
        stat = oldStat;
      }
      if (findings?.length) out.findings[out.paths.length] = findings;
      out.paths.push(path);
      blobParts.push(blob);
      out.nums.push(...stat, ...counts);
    };
    for (const a of this.added.values()) push(a.path, a.blob, [a.lines, a.bytes, a.suppressed, a.binary ? 1 : 0], a.findings, undefined);
    // Loaded records: those this scan used, then the others up to a bound (the file lists the
    // most recently used first, so the oldest go).
    const unused: number[] = [];
    const loaded = (i: number): void => {
      const path = this.paths[i]!;
      const blob = this.blobOf(i);
      if (this.added.has(`${blob}\0${path}`)) return;
      const at = i * NUMS;
      const oldStat = this.statIndex.get(path) === i ? this.nums.slice(at, at + 5) : undefined;
      push(path, blob, this.nums.slice(at + 5, at + NUMS), this.findings[i], oldStat);
    };
    for (let i = 0; i < this.paths.length; i++) if (this.used[i]) loaded(i);
    else unused.push(i);
    for (const i of unused.slice(0, KEEP_UNUSED)) loaded(i);
    out.blobs = blobParts.join('');
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(out));
      renameSync(temp, this.file);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // never written
      }
      return `scan cache not saved in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next scan reads every file again`;
    }
    pruneOthers(dir);
    return undefined;
  }
}

/** Keeps the newest few cache files (other rule sets, older builds), each with its kept tree result. */
function pruneOthers(dir: string): void {
  try {
    const names = readdirSync(dir);
    const files = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    const kept = new Set(files.slice(0, KEEP_FILES).map(({ name }) => name.slice(0, -'.json'.length)));
    for (const { name } of files.slice(KEEP_FILES)) unlinkSync(join(dir, name));
    // src/scan/tree-memo.ts: <key>.tree beside <key>.json
    for (const name of names) if (name.endsWith('.tree') && !kept.has(name.slice(0, -'.tree'.length))) unlinkSync(join(dir, name));
  } catch {
    // best effort
  }
}
