// A pure, incremental parser of `git cat-file --batch` output (src/git.ts blobFeed, readBlobs):
// objects come out one by one as their bytes arrive, so a whole tree's blobs can stream through
// without being held at once. Table-tested in test/unit/objects-parse.test.ts at every chunk boundary.
// https://git-scm.com/docs/git-cat-file#_batch_output
//
//   <oid> SP <type> SP <size> LF <contents> LF
//   <object> SP missing LF        (also "ambiguous")

import { DiffParseError } from './diff-parse.js';

export type BatchObject =
  | { id: string; missing: false; type: string; size: number; content: Buffer }
  | { id: string; missing: true };

export class CatFileBatchParser {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The object whose contents are being read, once its header is in. */
  private current: { id: string; type: string; size: number } | undefined;

  /** Adds output bytes; returns the objects now complete, in order. */
  push(chunk: Buffer): BatchObject[] {
    const out: BatchObject[] = [];
    let buf = chunk;
    for (;;) {
      if (!this.current) {
        const eol = buf.indexOf(10);
        if (eol === -1) {
          this.keep(buf);
          return out;
        }
        const line = this.take(buf, eol).toString('latin1');
        buf = buf.subarray(eol + 1);
        const fields = line.split(' ');
        if (fields.length === 2 && (fields[1] === 'missing' || fields[1] === 'ambiguous')) {
          out.push({ id: fields[0]!, missing: true });
          continue;
        }
        const size = Number(fields[2]);
        if (fields.length !== 3 || !Number.isSafeInteger(size) || size < 0) throw new DiffParseError(`cat-file: bad header of ${line.length} bytes`); // out of step, it may be file content: not quoted
        this.current = { id: fields[0]!, type: fields[1]!, size };
      }
      const { id, type, size } = this.current;
      // Contents and the LF after them.
      const need = size + 1 - this.pendingBytes;
      if (buf.length < need) {
        this.keep(buf);
        return out;
      }
      const whole = this.take(buf, need);
      if (whole[size] !== 10) throw new DiffParseError(`cat-file: object ${id} is not followed by a newline`);
      out.push({ id, missing: false, type, size, content: whole.subarray(0, size) });
      this.current = undefined;
      buf = buf.subarray(need);
    }
  }

  /** Output ended: anything half-read is an error (git stopped early). */
  end(): void {
    if (this.current || this.pendingBytes > 0) throw new DiffParseError('cat-file: output ended in the middle of an object');
  }

  private keep(buf: Buffer): void {
    if (buf.length === 0) return;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
  }

  /** What was kept plus buf[0, n), as one buffer; clears what was kept. */
  private take(buf: Buffer, n: number): Buffer {
    if (this.pendingBytes === 0) return buf.subarray(0, n);
    const joined = Buffer.concat([...this.pending, buf.subarray(0, n)]);
    this.pending = [];
    this.pendingBytes = 0;
    return joined;
  }
}
