// The work of `shipgate scan`, cut into jobs that run the same way in a worker thread
// (src/scan/worker.ts) or in-process (src/scan/pool.ts): whole files read from the working tree,
// blobs read from git objects, or commits' added lines. A job carries paths or bytes, never a
// shared object; its result is plain data. Every file is scanned by itself, so a file's result
// does not depend on which batch or thread it went to.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runEngine, type Engine } from '../engine.js';
import { BULK_FAST_PASS_AFTER_CHARS } from '../prefilter.js';
import { fileChunks } from './file-chunks.js';
import type { PathMatcher } from '../globs.js';
import type { Finding, ScanFile } from '../types.js';

/** What the pool is told once, to build the same engine as the main thread. */
export interface EngineInit {
  stage: 'scan' | 'push';
  severities: Record<string, 'error' | 'warn' | 'off'>;
  skipIds: string[];
  ignore: string[];
}

export interface FsJob {
  kind: 'fs';
  root: string;
  /** Compute each file's git blob id (for the cache). */
  hash: boolean;
  maxBytes: number;
  /**
   * `size`: the file's size when it was listed (its lstat), which spares an fstat of each; unset
   * when it was listed without one (src/scan/whole.ts walkWithStats).
   */
  items: { path: string; size?: number; prevBlob?: string }[];
}

export interface BlobJob {
  kind: 'blobs';
  items: { path: string; blob: string; bytes: Uint8Array }[];
}

export interface CommitsJob {
  kind: 'commits';
  commits: { commit: string; files: ScanFile[] }[];
}

export type Job = FsJob | BlobJob | CommitsJob;

/** One whole file's outcome. */
export interface FileResult {
  path: string;
  /** git's blob id of the content (fs jobs with `hash`, blob jobs). */
  blob?: string;
  /** The content's blob id equals `prevBlob`: the cached result stands, nothing was scanned. */
  unchanged?: boolean;
  /** Not read: why (too large now, unreadable). */
  notScanned?: string;
  /** Gone since it was listed. */
  gone?: boolean;
  size: number;
  binary: boolean;
  lines: number;
  bytes: number;
  suppressed: number;
  findings: Finding[];
}

export interface CommitResult {
  commit: string;
  findings: Finding[];
  files: number;
  lines: number;
  bytes: number;
  binaryFiles: number;
  ignoredFiles: number;
  suppressed: number;
}

export type JobResult<J extends Job> = J extends CommitsJob ? CommitResult[] : FileResult[];

let crypto: typeof import('node:crypto') | undefined;

/** git's object id of a blob: sha1 of "blob <size>\0" and the bytes. */
export function gitBlobId(bytes: Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** git's rule: a NUL in the first 8000 bytes makes a file binary. */
export function isBinary(bytes: Uint8Array): boolean {
  // A native search (a JavaScript loop here was 1.5% of a scan's time).
  return (bytes.length > 8000 ? bytes.subarray(0, 8000) : bytes).indexOf(0) !== -1;
}

/**
 * The rules over one whole file's bytes (file rules see its path; binary content is not read as
 * text), its text in chunks of `chunkChars` (src/scan/file-chunks.ts).
 */
export function scanBytes(engine: Engine, path: string, bytes: Uint8Array, chunkChars?: number): Omit<FileResult, 'path'> {
  const binary = isBinary(bytes);
  const text = binary ? undefined : fileChunks(engine, bytes, chunkChars);
  const file: ScanFile = { path, status: 'A', kind: 'file', binary, chunks: text?.chunks ?? [] };
  const r = runEngine(engine, { stage: 'scan', label: '', files: [file] });
  // A text in chunks counts as a whole: its chunks overlap by a line end.
  return {
    size: bytes.length, binary, lines: text?.whole?.lines ?? r.stats.lines, bytes: text?.whole?.chars ?? r.stats.bytes,
    suppressed: r.stats.suppressed, findings: r.findings,
  };
}

const EMPTY = { size: 0, binary: false, lines: 0, bytes: 0, suppressed: 0, findings: [] as Finding[] };

/**
 * One read buffer per thread, grown as needed up to READ_BUFFER_MAX (a larger file gets a buffer
 * of its own): a file's bytes are hashed and decoded before the next file is read, and a new
 * buffer per file was garbage for the collector to chase.
 */
let readBuffer = Buffer.alloc(0);
const READ_BUFFER_MAX = 16 * 1024 * 1024;

function grow(size: number): void {
  readBuffer = Buffer.allocUnsafe(Math.min(READ_BUFFER_MAX, Math.max(size, 2 * readBuffer.length, 1024 * 1024)));
}

/**
 * A file's bytes, in the read buffer (valid until the next call). Given the size it was listed
 * with, one byte more than that is asked for: a regular file's read stops short at its end, so
 * exactly the listed size is the whole file, read without an fstat (~2 µs of each file, with the
 * Stats object it makes). Listed without a size, it is read into the buffer as it is: a read that
 * stops short of filling it, then one that finds nothing more, is the whole file. Any other count
 * (the file changed since, a file system that reads short, a file the buffer cannot hold) and the
 * file is measured and read to its end.
 */
function readWhole(full: string, maxBytes: number, listedSize?: number): Buffer | { tooLarge: number } {
  const fd = openSync(full, 'r');
  try {
    if (listedSize !== undefined && listedSize < maxBytes && listedSize < READ_BUFFER_MAX) {
      if (readBuffer.length <= listedSize) grow(listedSize + 1);
      if (readSync(fd, readBuffer, 0, listedSize + 1, 0) === listedSize) return readBuffer.subarray(0, listedSize);
    } else if (listedSize === undefined) {
      if (readBuffer.length === 0) grow(0);
      const n = readSync(fd, readBuffer, 0, readBuffer.length, 0);
      if (n < readBuffer.length && n <= maxBytes && readSync(fd, readBuffer, n, 1, n) === 0) return readBuffer.subarray(0, n);
    }
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    if (readBuffer.length < size && size <= READ_BUFFER_MAX) grow(size);
    const buffer = size <= readBuffer.length ? readBuffer.subarray(0, size) : Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? buffer : buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function runFsJob(engine: Engine, job: FsJob): FileResult[] {
  return job.items.map(({ path, size, prevBlob }) => {
    let bytes;
    try {
      // Listed paths are relative and normalised already: path.join's normalising cost ~0.6 µs a file.
      bytes = readWhole(`${job.root}/${path}`, job.maxBytes, size);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { path, gone: true, ...EMPTY };
      return { path, notScanned: `unreadable: ${code ?? (error as Error).message}`, ...EMPTY };
    }
    if ('tooLarge' in bytes) return { path, notScanned: tooLargeNote(job.maxBytes), ...EMPTY, size: bytes.tooLarge };
    const blob = job.hash ? gitBlobId(bytes) : undefined;
    if (blob !== undefined && blob === prevBlob) return { path, blob, unchanged: true, ...EMPTY, size: bytes.length };
    return { path, ...(blob ? { blob } : {}), ...scanBytes(engine, path, bytes) };
  });
}

export function runBlobJob(engine: Engine, job: BlobJob): FileResult[] {
  return job.items.map(({ path, blob, bytes }) => ({ path, blob, ...scanBytes(engine, path, bytes) }));
}

export function runCommitsJob(engine: Engine, job: CommitsJob, isIgnored?: PathMatcher): CommitResult[] {
  return job.commits.map(({ commit, files }) => {
    const r = runEngine(engine, { stage: 'scan', label: '', files }, isIgnored ? { isIgnored } : {});
    const tag = commit.slice(0, 12);
    for (const f of r.findings) f.data = { ...f.data, commit: tag };
    return {
      commit, findings: r.findings, files: r.stats.files, lines: r.stats.lines, bytes: r.stats.bytes,
      binaryFiles: r.stats.binaryFiles, ignoredFiles: r.stats.ignoredFiles, suppressed: r.stats.suppressed,
    };
  });
}

export function runJob<J extends Job>(engine: Engine, job: J, isIgnored?: PathMatcher): JobResult<J> {
  engine.keywords.fastAfter = BULK_FAST_PASS_AFTER_CHARS;
  switch (job.kind) {
    case 'fs':
      return runFsJob(engine, job) as JobResult<J>;
    case 'blobs':
      return runBlobJob(engine, job) as JobResult<J>;
    case 'commits':
      return runCommitsJob(engine, job, isIgnored) as JobResult<J>;
  }
  throw new Error(`unknown scan job ${(job as Job).kind}`);
}

/** Why a file over the size limit was not scanned. */
export function tooLargeNote(maxBytes: number): string {
  return `larger than ${describeBytes(maxBytes)}; scan.maxFileBytes in the config`;
}

/** "10 MB", "512 KB", "300 bytes" */
function describeBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
