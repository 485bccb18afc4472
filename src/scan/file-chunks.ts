// A whole file's text for the engine, in a large scan: decoded into WebAssembly memory, where
// the keyword pass, the base64 runs and the line count run over all of it at once, then made into
// strings in chunks of about CHUNK_CHARS, cut at line ends, each with what was found in it
// (Chunk.found).
//
// Why chunks: V8 puts a string over 128 KB in its large-object space, in pages of its own that
// are mapped, faulted in and unmapped for it, and collected only by a full GC. Made from
// WebAssembly memory, such strings cost 0.2-0.35 ms a MB, smaller ones 0.03-0.05 (Node 20), and
// bench/scan.ts's corpus and a real node_modules hold 67 and 77 MB in files over 128 KB. Cut:
// - on one thread, over files already read: the corpus 443 -> 434 ms, node_modules 291 -> 278;
// - `scan --no-cache` of the corpus (2 cores, median of 16): 459 -> 453 ms, and its peak memory
//   142 -> 120 MB; of node_modules, within noise (346 -> 347 ms, median of 24), where the
//   largest files are minified bundles of one line, which stay whole.
//
// A chunk reads as the whole text does around each of its lines:
// - it holds the line end before its first line and the one after its last (the newline at a
//   cut is in both chunks): a rule tried at a keyword may read them (ContentRule.anchored);
// - a chunk holding a multi-line rule's keyword goes on for that rule's whole window
//   (MULTILINE_WINDOW from its line's start), so the rule reads what it reads in the whole text.
// Keywords, base64 runs and characters beyond ASCII never hold a newline, so each is in one chunk.

import { MULTILINE_WINDOW, type Engine } from '../engine.js';
import { fastTables, takesFastPass, type FastTables } from '../prefilter.js';
import type { Chunk } from '../types.js';
import { textScan, type TextScan } from '../wasm/text-scan.js';
import type { WideRuns } from '../wide-text.js';

/** About how many characters a chunk holds (a line is not cut, and a multi-line rule's window not). */
export const CHUNK_CHARS = 96 * 1024;

export interface FileChunks {
  chunks: Chunk[];
  /** The whole text's lines and characters, when it is cut: the chunks overlap by their line ends. */
  whole?: { lines: number; chars: number };
}

/**
 * A file's bytes decoded as UTF-8, without a byte order mark and one last newline, in chunks for
 * the engine (one, for a text of up to `chunkChars`, and wherever the keyword pass does not run
 * in WebAssembly); for the keyword pass in WebAssembly, with stand-ins for characters beyond
 * Latin-1 (src/wide-text.ts).
 */
export function fileChunks(engine: Engine, bytes: Uint8Array, chunkChars = CHUNK_CHARS): FileChunks {
  let start = 0;
  let end = bytes.length;
  if (end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (end > start && bytes[end - 1] === 0x0a) end--;
  const view = bytes.subarray(start, end);
  // Decoded into WebAssembly memory where the keyword pass will read it there.
  const scan = takesFastPass(engine.keywords, view.length) ? textScan() : null;
  if (scan) {
    let decoded: ReturnType<TextScan['decodeInPlace']> | undefined;
    try {
      decoded = scan.decodeInPlace(view);
    } catch (error) {
      // Its memory cannot grow to hold the file: the JavaScript passes read the string.
      if (!(error instanceof RangeError)) throw error;
    }
    if (decoded && 'text' in decoded) return oneChunk(decoded.text);
    if (decoded) {
      const tables = fastTables(engine.keywords);
      const hits = tables && scan.keywordHits(tables);
      if (hits) return cutLoaded(engine, scan, tables!, hits, decoded.wide, chunkChars);
      // Tables WebAssembly cannot hold: findCandidates runs the other passes on the string.
      return oneChunk(scan.slice(0, scan.length), decoded.wide);
    }
  }
  return oneChunk(Buffer.from(view.buffer, view.byteOffset, view.length).toString('utf8'));
}

function oneChunk(text: string, wide?: WideRuns): FileChunks {
  return { chunks: text ? [{ startLine: 1, text, ...(wide ? { wide } : {}) }] : [] };
}

/** The text in `scan` as chunks, with the keywords (`hits`), base64 runs and lines found in each. */
function cutLoaded(engine: Engine, scan: TextScan, tables: FastTables, hits: Int32Array, wide: WideRuns | undefined, chunkChars: number): FileChunks {
  const n = scan.length;
  if (n === 0) return { chunks: [] };
  const runs = scan.textRuns();
  if (n <= chunkChars) {
    return { chunks: [{ startLine: 1, text: scan.slice(0, n), ...(wide ? { wide } : {}), found: { hits, shift: 0, runs, lines: scan.newlines() + 1 } }] };
  }
  const multiline = multilineKeywords(engine, tables);
  const windowStarts: number[] = [];
  for (let h = 0; h < hits.length; h += 2) {
    if (!multiline[hits[h + 1]!]) continue;
    const lineStart = scan.lineStartOf(hits[h]!);
    if (lineStart !== windowStarts[windowStarts.length - 1]) windowStarts.push(lineStart);
  }
  const chunks: Chunk[] = [];
  let line = 1;
  let lineAt = 0;
  let h = 0;
  let r = 0;
  let w = 0;
  for (const [start, end] of chunkRanges(n, chunkChars, (from) => scan.newlineFrom(from), windowStarts, MULTILINE_WINDOW)) {
    line += scan.newlines(lineAt, start);
    lineAt = start;
    const hitsEnd = pairsBefore(hits, end, h);
    const chunkRuns: number[] = [];
    for (; r < runs.length && runs[r]! < end; r += 2) chunkRuns.push(runs[r]! - start, runs[r + 1]!);
    const at: number[] = [];
    const texts: string[] = [];
    for (; wide && w < wide.at.length && wide.at[w]! < end; w += 2) {
      at.push(wide.at[w]! - start, wide.at[w + 1]! - start);
      texts.push(wide.texts[w >> 1]!);
    }
    chunks.push({
      startLine: line, text: scan.slice(start, end), ...(at.length ? { wide: { at, texts } } : {}),
      found: { hits: hits.subarray(h, hitsEnd), shift: start, runs: chunkRuns, lines: scan.newlines(start, end) + 1 },
    });
    h = hitsEnd;
  }
  return { chunks, whole: { lines: scan.newlines() + 1, chars: n } };
}

/** The index, from `from` on, of the first (offset, id) pair of `pairs` whose offset is `end` or more (a binary search). */
function pairsBefore(pairs: Int32Array, end: number, from: number): number {
  let lo = from >> 1;
  let hi = pairs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[2 * mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * Where to cut a text `n` characters long: [start, end) of each chunk, in order. A chunk ends
 * after the first newline at least `chunkChars` past its first line's start (`newlineFrom(from)`:
 * the first at or after `from`, -1 if none), or later, if a line in it starts a `window` (one of
 * `windowStarts`, ascending) that reaches further. Each chunk after the first starts at the
 * newline the one before ends with.
 */
export function chunkRanges(
  n: number, chunkChars: number, newlineFrom: (from: number) => number, windowStarts: readonly number[], window: number,
): [number, number][] {
  const ranges: [number, number][] = [];
  let begin = 0;
  let w = 0;
  while (n - begin > chunkChars) {
    let target = begin + chunkChars;
    let cut: number;
    for (;;) {
      while (w < windowStarts.length && windowStarts[w]! <= target) target = Math.max(target, windowStarts[w++]! + window - 1);
      cut = target < n ? newlineFrom(target) : -1;
      // The windows of the lines up to the cut are in the chunk too.
      if (cut === -1 || w >= windowStarts.length || windowStarts[w]! > cut) break;
      target = cut;
    }
    if (cut === -1) break;
    ranges.push([begin === 0 ? 0 : begin - 1, cut + 1]);
    begin = cut + 1;
  }
  ranges.push([begin === 0 ? 0 : begin - 1, n]);
  return ranges;
}

const multilineByTables = new WeakMap<FastTables, boolean[]>();

/** Keyword id -> whether a multi-line rule of `engine` has it (the tables are the engine's). */
function multilineKeywords(engine: Engine, tables: FastTables): boolean[] {
  let multiline = multilineByTables.get(tables);
  if (!multiline) {
    multiline = tables.keywords.map((k) => k.rules.some((rule) => engine.content[rule]!.rule.multiline === true));
    multilineByTables.set(tables, multiline);
  }
  return multiline;
}
