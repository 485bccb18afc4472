// A pure, incremental parser of the one `git log` stream that `shipgate scan --history` reads
// (src/git.ts HISTORY_LOG_ARGS): every commit of every branch, each as
//
//   \x01 <commit id> NUL [LF]  raw records (`--raw -z`)  NUL  patch (`-p --unified=0`)
//
// Bytes go in as git writes them, in chunks of any size; whole commits come out, each as the
// files it adds lines to (the same ScanFile shape as a staged change). Table-tested in
// test/unit/history-parse.test.ts, at every possible chunk boundary.
//
// Where a commit ends: a patch line always starts with a diff character (`diff`, `index`, `+`,
// `-`, `@`, `\`, `Binary`...), and git quotes names with control characters in patch headers, so
// a line that starts with \x01 can only be the next commit's header. Raw records are read by
// their NUL-terminated fields (a name there may hold anything), never searched.

import { DiffParseError, joinStaged, parsePatch, parseRawZ } from './diff-parse.js';
import type { ScanFile } from './types.js';

export interface HistoryCommit {
  /** Full commit id. */
  commit: string;
  /** The files the commit adds or changes, with their added lines (binary files flagged, no lines). */
  files: ScanFile[];
  /** Bytes of the stream this commit took, for progress. */
  bytes: number;
}

const HEADER = 0x01;
const NUL = 0;
const LF = 0x0a;
const NEXT_HEADER = Buffer.from([LF, HEADER]);
const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Appended bytes with amortised O(1) appends and consumption from the front. */
class ByteQueue {
  private data = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Buffer): void {
    if (this.end + chunk.length > this.data.length) {
      const live = this.end - this.start;
      const next = Buffer.allocUnsafe(Math.max(2 * (live + chunk.length), 64 * 1024));
      this.data.copy(next, 0, this.start, this.end);
      this.data = next;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.data, this.end);
    this.end += chunk.length;
  }

  /** The queued bytes; valid until the next append. */
  view(): Buffer {
    return this.data.subarray(this.start, this.end);
  }

  consume(n: number): void {
    this.start += n;
    if (this.start === this.end) this.start = this.end = 0;
  }
}

export class HistoryParser {
  private readonly queue = new ByteQueue();
  /** Offsets in the current commit (relative to the queue's front), kept between pushes. */
  private headerEnd = -1;
  private rawHintFrom = -1;
  private patchStart = -1;
  private searchFrom = -1;
  private ended = false;

  /** Adds bytes of the stream; returns the commits now complete. */
  push(chunk: Buffer): HistoryCommit[] {
    if (this.ended) throw new DiffParseError('history stream: data after its end');
    if (chunk.length) this.queue.append(chunk);
    return this.drain(false);
  }

  /** The stream has ended: the last commit is complete, or the stream was cut short (an error). */
  end(): HistoryCommit[] {
    this.ended = true;
    const out = this.drain(true);
    if (this.queue.length > 0) throw new DiffParseError(`history stream: ${this.queue.length} bytes left after the last commit`);
    return out;
  }

  private drain(final: boolean): HistoryCommit[] {
    const out: HistoryCommit[] = [];
    for (let commit = this.next(final); commit; commit = this.next(final)) out.push(commit);
    return out;
  }

  private reset(consumed: number): void {
    this.queue.consume(consumed);
    this.headerEnd = this.rawHintFrom = this.patchStart = this.searchFrom = -1;
  }

  /** Parses one whole commit at the front of the queue, or returns undefined to wait for more. */
  private next(final: boolean): HistoryCommit | undefined {
    let buf = this.queue.view();
    if (buf.length === 0) return undefined;
    if (buf[0] !== HEADER) {
      // Only blank separators may sit between commits (and end the stream).
      let i = 0;
      while (i < buf.length && (buf[i] === LF || buf[i] === NUL)) i++;
      if (i < buf.length && buf[i] !== HEADER) {
        throw new DiffParseError('history stream: expected a commit header'); // what is there may be a patch line, a secret: not quoted
      }
      this.reset(i);
      buf = this.queue.view();
      if (buf.length === 0) return undefined;
    }

    if (this.headerEnd === -1) {
      const headerEnd = buf.indexOf(NUL, 1);
      if (headerEnd === -1) {
        if (final) throw new DiffParseError('history stream: a commit header is cut short');
        return undefined;
      }
      const commit = buf.toString('latin1', 1, headerEnd);
      if (!COMMIT_ID.test(commit)) throw new DiffParseError(`history stream: bad commit id "${commit.slice(0, 80)}"`);
      this.headerEnd = headerEnd;
      this.rawHintFrom = headerEnd + 1;
    }
    const headerEnd = this.headerEnd;
    const rawStart = buf[headerEnd + 1] === LF ? headerEnd + 2 : headerEnd + 1;

    if (this.patchStart === -1) {
      if (!final) {
        if (headerEnd + 1 >= buf.length) return undefined;
        // Raw fields are never empty, so NUL NUL (the separator before the patch) or NUL \x01
        // (the next commit) is where the records may end: parse only once one has arrived.
        let hint = -1;
        for (let i = buf.indexOf(NUL, Math.max(rawStart, this.rawHintFrom - 1)); i !== -1 && i + 1 < buf.length; i = buf.indexOf(NUL, i + 1)) {
          if (buf[i + 1] === NUL || buf[i + 1] === HEADER) {
            hint = i;
            break;
          }
        }
        if (hint === -1 && buf[rawStart] === 0x3a /* ':' */) {
          this.rawHintFrom = buf.length;
          return undefined;
        }
      }
      let raw;
      try {
        raw = parseRawZ(buf.subarray(rawStart));
      } catch (error) {
        // A record cut by the end of what has arrived: wait for the rest.
        if (!final && error instanceof DiffParseError) return undefined;
        throw error;
      }
      const patchStart = rawStart + raw.end;
      // The records are complete only once what follows them has arrived.
      if (patchStart >= buf.length && !final) return undefined;
      this.patchStart = patchStart;
      this.searchFrom = patchStart;
    }

    const patchStart = this.patchStart;
    let end: number;
    if (patchStart < buf.length && buf[patchStart] === HEADER) {
      end = patchStart; // no patch: the next commit follows the records
    } else {
      // From one byte back, so a header right after the previous chunk's last LF is found.
      const at = buf.indexOf(NEXT_HEADER, Math.max(patchStart, this.searchFrom - 1));
      if (at === -1) {
        if (!final) {
          this.searchFrom = buf.length;
          return undefined;
        }
        end = buf.length;
      } else {
        end = at + 1;
      }
    }
    const commit = buf.toString('latin1', 1, headerEnd);
    const { entries } = parseRawZ(buf.subarray(rawStart, patchStart));
    let patchEnd = end;
    while (patchEnd > patchStart && buf[patchEnd - 1] === NUL) patchEnd--;
    const files = joinStaged(entries, parsePatch(buf.toString('utf8', patchStart, patchEnd)));
    this.reset(end);
    return { commit, files, bytes: end };
  }
}

/** Parses a whole history stream at once. */
export function parseHistory(buf: Buffer): HistoryCommit[] {
  const parser = new HistoryParser();
  return [...parser.push(buf), ...parser.end()];
}
