// Standard streams through file descriptors. On the hook path this matters: touching
// process.stdin or process.stdout builds a stream (and loads net or tty), ~3 ms of a commit.

import { readSync, writeSync } from 'node:fs';

function isAgain(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EAGAIN';
}

/** All of stdin. Falls back to the stream API when fd 0 is non-blocking. */
export async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(1 << 16);
  try {
    for (;;) {
      const n = readSync(0, buffer, 0, buffer.length, null);
      if (n === 0) return Buffer.concat(chunks);
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
  } catch (error) {
    if (!isAgain(error) && (error as NodeJS.ErrnoException).code !== 'EOF') throw error;
  }
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Its reader is gone (`shipgate scan --format json | head`): the rest has nowhere to go. */
function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * Writes all of `text` (or its UTF-8 bytes) to fd 1 or 2, finishing through the stream if the
 * pipe is non-blocking and full. A pipe whose reader has gone takes no more, as with git or
 * ripgrep: the command ends with the exit code of its verdict, not an error.
 */
export function writeFd(fd: 1 | 2, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (error) {
    if (isBrokenPipe(error)) return;
    if (!isAgain(error)) throw error;
    const stream = fd === 1 ? process.stdout : process.stderr;
    const written = new Promise<void>((resolve, reject) => {
      // A failed write calls back with its error, then the stream emits it: the listener stays
      // for that, and goes once the write is done.
      const settle = (streamError?: Error | null): void => {
        if (!streamError) stream.off('error', settle);
        if (!streamError || isBrokenPipe(streamError)) resolve();
        else reject(streamError);
      };
      stream.once('error', settle);
      stream.write(bytes.subarray(offset), settle);
    });
    pending = pending ? pending.then(() => written) : written;
  }
}

let pending: Promise<void> | undefined;

/** Resolves once what writeFd handed to a stream is written: before process.exit(), nothing is cut off. */
export function flushed(): Promise<void> {
  return pending ?? Promise.resolve();
}
