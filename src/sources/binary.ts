// git calls a file binary when it has a NUL in its first 8000 bytes, or when .gitattributes
// says so (`binary`, `-diff`). A secret must not slip through either way: UTF-16 text (its
// NULs) is decoded, and text that an attribute hides is read whole. Only real binaries stay
// unscanned.

import { readBlobs } from '../git.js';
import type { ScanFile } from '../types.js';

const ZERO = /^0+$/;
/** Larger "binary" blobs are taken for what git says they are: images, archives, fonts. */
const MAX_RESCUE_BYTES = 20 * 1024 * 1024;

/** Text of a blob git summarised as binary, or undefined when it really is binary. */
export function textOfBinary(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  return bytes.toString('utf8');
}

/** Re-reads files flagged binary and turns the ones that are text into whole-file chunks. */
export async function rescueBinaries(files: ScanFile[], cwd: string): Promise<void> {
  const flagged = files.filter((f) => f.binary && f.kind === 'file' && f.blob && !ZERO.test(f.blob));
  if (flagged.length === 0) return;
  const blobs = await readBlobs(flagged.map((f) => f.blob!), cwd);
  for (const file of flagged) {
    const bytes = blobs.get(file.blob!);
    if (!bytes || bytes.length > MAX_RESCUE_BYTES) continue;
    const text = textOfBinary(bytes);
    if (text === undefined) continue;
    const body = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/\n$/, '');
    file.binary = false;
    file.chunks = body ? [{ startLine: 1, text: body }] : [];
  }
}
