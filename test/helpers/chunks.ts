// A text as src/scan/file-chunks.ts cuts it, put back together.

import type { Chunk } from '../../src/types.js';
import { sliceExact } from '../../src/wide-text.js';

/** The real text of a file's chunks: each after the first starts with the newline the one before ends with. */
export function textOfChunks(chunks: readonly Chunk[]): string {
  return chunks.map((c, i) => sliceExact(c.text, c.wide, i === 0 ? 0 : 1, c.text.length)).join('');
}
