// The WebAssembly loops of a whole-repository scan (src/wasm/text-scan.wat): one instance per
// thread, holding one text at a time as a byte per UTF-16 unit. Used once an engine has read
// 64 KB of text in a whole-repository scan, 1 MB otherwise (src/prefilter.ts
// FAST_PASS_AFTER_CHARS): every large scan, and a commit that adds that much.
//
// Unavailable (null) where WebAssembly is not (node --jitless), on big-endian machines (the hits
// are read in the machine's order), or with SHIPGATE_WASM=0: the
// JavaScript loops it stands for give the same answers.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastTables } from '../prefilter.js';
import { BASE64_ALPHABET, BYTE_CLASS, LOWER, SEXTET } from '../text-bytes.js';
import type { WideRuns } from '../wide-text.js';

/** The compiled module, base64, put in each bundle by scripts/build.ts. */
declare const __SHIPGATE_WASM__: string | undefined;

// The memory layout of text-scan.wat.
const LOWER_AT = 0;
const CLASS_AT = 256;
const SEXTET_AT = 512;
const LETTERS_AT = 768;
const NEXT_AT = 1024;
const BUCKETS_AT = 66560;
const HITS_AT = 131072;
const PREFIX_AT = 655360;
const TEXT_AT = 9043968;
/** Bytes per keyword, its length first. */
const KEYWORD_BYTES = 32;
const PAGE = 65536;
/** Hits returned by one call of `keywords`, at most. */
export const HIT_CAP = 65536;
/**
 * Runs of characters beyond ASCII up to which `decodeInPlace` reads a text by its parts; a text
 * with more is decoded whole by Buffer (and not cut in chunks: src/scan/file-chunks.ts).
 */
export const WIDE_RUN_CAP = 256;

interface Exports {
  memory: WebAssembly.Memory;
  keywords(n: number, start: number, gram: number, lists: number, keywords: number): number;
  resume: WebAssembly.Global;
  base64Runs(n: number, out: number): number;
  textRuns(runs: number, count: number): number;
  newlines(start: number, n: number): number;
  narrow(from: number, n: number): void;
  wideRuns(n: number, out: number, cap: number): number;
}

/** What textRuns tells runs of only letters of one case, or only hex digits, by (see text-scan.wat). */
function letterClasses(): Uint8Array {
  const letters = new Uint8Array(256);
  for (const ch of BASE64_ALPHABET) {
    letters[ch.charCodeAt(0)] = /[a-z]/.test(ch) ? 1 | (ch > 'f' ? 8 : 0) : /[A-Z]/.test(ch) ? 2 | (ch > 'F' ? 8 : 0) : /[0-9]/.test(ch) ? 4 : 16;
  }
  letters['='.charCodeAt(0)] = 32;
  return letters;
}

/** Where the tables of a FastTables are in memory, or null if they do not fit. */
interface Placed {
  lists: number;
  keywords: number;
}

export class TextScan {
  private text: string | undefined;
  private n = 0;
  private tables: FastTables | undefined;
  private placed: Placed | null = null;
  /** The PREFIX entries the tables placed last wrote, cleared before others are placed. */
  private prefixKeys: number[] = [];
  private buffer!: Buffer;
  private words!: Int32Array;

  constructor(private readonly wasm: Exports) {
    this.views();
    this.buffer.set(LOWER, LOWER_AT);
    this.buffer.set(BYTE_CLASS, CLASS_AT);
    this.buffer.set(SEXTET, SEXTET_AT);
    this.buffer.set(letterClasses(), LETTERS_AT);
  }

  /**
   * Puts `text` in memory, a byte per UTF-16 unit (its Latin-1 byte, 0xff beyond Latin-1), then
   * a 0; returns those bytes, valid until the next text.
   */
  load(text: string): Uint8Array {
    if (text !== this.text) {
      const n = text.length;
      // The units go after the text's bytes, with room for narrow's 16-unit steps; the base64
      // runs are written there afterwards.
      const units = TEXT_AT + align16(n + 16);
      this.reserve(units + 2 * n + 64);
      this.buffer.write(text, units, 'utf16le');
      this.wasm.narrow(units, n);
      this.buffer[TEXT_AT + n] = 0;
      this.text = text;
      this.n = n;
    }
    return this.buffer.subarray(TEXT_AT, TEXT_AT + this.n + 1);
  }

  /**
   * The text of UTF-8 bytes put in memory as `load` puts it, made from the UTF-8 in memory, not
   * from a string; `slice` makes its strings. A text with characters beyond Latin-1 is read as
   * its bytes read as Latin-1, with U+00FF for each of their UTF-16 units, and those stretches
   * as they are (src/wide-text.ts): one-byte strings. A text with more than WIDE_RUN_CAP such
   * stretches comes back as Buffer decodes it, a string, and is not loaded.
   *
   * Node 20's UTF-8 decoder reads a text with any character beyond ASCII ~10x slower than an ASCII
   * one (1.1 ns a byte for a 12 MB bundle holding 4 such characters; Node 24's, 0.1): only the
   * stretches beyond ASCII are decoded as UTF-8. They are cut at ASCII bytes, which end every
   * UTF-8 sequence, valid or not, so each decodes as it does in the whole.
   */
  decodeInPlace(bytes: Uint8Array): { text: string } | { wide?: WideRuns } {
    const n = bytes.length;
    const out = TEXT_AT + align16(n + 16);
    // Room for the runs here, and for base64Runs's afterwards (under n / 21 + 1 pairs).
    this.reserve(out + n + 8 * (WIDE_RUN_CAP + 1));
    this.text = undefined; // its bytes are overwritten now, whatever happens next
    this.n = 0;
    this.buffer.set(bytes, TEXT_AT);
    const count = this.wasm.wideRuns(n, out, WIDE_RUN_CAP);
    const buffer = this.buffer;
    if (count > WIDE_RUN_CAP) return { text: buffer.toString('utf8', TEXT_AT, TEXT_AT + n) };
    // The bytes made in place (load's): each stretch of ASCII moved down to where its units
    // start, each stretch beyond ASCII written a byte per unit.
    const words = this.words;
    const at: number[] = [];
    const texts: string[] = [];
    let from = 0;
    let units = 0;
    for (let r = 0, w = out >> 2; r < count; r++, w += 2) {
      const start = words[w]!;
      const end = words[w + 1]!;
      const wide = buffer.toString('utf8', TEXT_AT + start, TEXT_AT + end);
      if (units !== from) buffer.copyWithin(TEXT_AT + units, TEXT_AT + from, TEXT_AT + start);
      units += start - from;
      let beyondLatin1 = false;
      for (let k = 0; k < wide.length; k++) {
        const code = wide.charCodeAt(k);
        if (code > 0xff) beyondLatin1 = true;
        buffer[TEXT_AT + units + k] = Math.min(code, 0xff);
      }
      if (beyondLatin1) {
        at.push(units, units + wide.length);
        texts.push(wide);
      }
      units += wide.length;
      from = end;
    }
    if (units !== from) buffer.copyWithin(TEXT_AT + units, TEXT_AT + from, TEXT_AT + n);
    units += n - from;
    buffer[TEXT_AT + units] = 0;
    this.n = units;
    return at.length ? { wide: { at, texts } } : {};
  }

  /** The loaded text's length. */
  get length(): number {
    return this.n;
  }

  /** Characters `start` to `end` of the text (loaded), as a string. */
  slice(start: number, end: number): string {
    return this.buffer.toString('latin1', TEXT_AT + start, TEXT_AT + end);
  }

  /** Where the first newline at or after `from` is in the text (loaded), or -1. */
  newlineFrom(from: number): number {
    const at = this.buffer.indexOf(0x0a, TEXT_AT + from);
    return at === -1 || at >= TEXT_AT + this.n ? -1 : at - TEXT_AT;
  }

  /** Where the line holding offset `at` of the text (loaded) starts. */
  lineStartOf(at: number): number {
    if (at === 0) return 0;
    const newline = this.buffer.lastIndexOf(0x0a, TEXT_AT + at - 1);
    return newline < TEXT_AT ? 0 : newline - TEXT_AT + 1;
  }

  /** Whether `text` is the one in memory. */
  holds(text: string): boolean {
    return text === this.text;
  }

  /**
   * Calls `onHit(offset, keyword id)` for each keyword of `tables` in the text (loaded), in
   * order of offset, then of the keywords in their bucket: what src/prefilter.ts findInBytes
   * visits. False if the tables do not fit in memory (over 1,900 keywords, or one over 31
   * characters), or two prefixes read alike (foldedPrefixes): the caller runs findInBytes.
   */
  keywords(tables: FastTables, onHit: (at: number, keyword: number) => void): boolean {
    const hits = this.keywordHits(tables);
    if (!hits) return false;
    for (let h = 0; h < hits.length; h += 2) onHit(hits[h]!, hits[h + 1]!);
    return true;
  }

  /** The keywords `keywords` visits, as (offset, keyword id) pairs; null where it returns false. */
  keywordHits(tables: FastTables): Int32Array | null {
    if (tables !== this.tables) {
      this.tables = tables;
      this.placed = this.place(tables);
    }
    const placed = this.placed;
    if (!placed) return null;
    let hits: Int32Array | undefined;
    for (let start = 0; start < this.n;) {
      const count = this.wasm.keywords(this.n, start, tables.gram, placed.lists, placed.keywords);
      // Copied out at once: the next text, or the next call, writes over them.
      const found = this.words.slice(HITS_AT >> 2, (HITS_AT >> 2) + 2 * count);
      hits = hits ? concatHits(hits, found) : found;
      start = this.wasm.resume.value as number;
    }
    return hits ?? new Int32Array(0);
  }

  /** Copies the tables into memory (see text-scan.wat's keywords). */
  private place(tables: FastTables): Placed | null {
    const listCount = tables.buckets.reduce((sum, bucket) => sum + bucket.length, 0);
    const lists = BUCKETS_AT + 4 * (tables.buckets.length + 1);
    const keywords = align16(lists + 2 * listCount);
    const fits = keywords + KEYWORD_BYTES * tables.keywords.length <= HITS_AT && listCount <= 0xffff &&
      tables.keywords.every((k) => k.codes.length < KEYWORD_BYTES) && tables.next.length * 2 <= BUCKETS_AT - NEXT_AT;
    if (!fits) return null;
    const groups = foldedPrefixes(tables);
    if (!groups) return null;
    const buffer = this.buffer;
    for (const key of this.prefixKeys) buffer[PREFIX_AT + key] = 0;
    this.prefixKeys = [...groups.keys()];
    for (const [key, group] of groups) buffer[PREFIX_AT + key] = group;
    // Copied as a whole (the machine is little-endian, as createTextScan checks): a write per
    // entry was ~5 ms of each thread's start, run before V8 compiles it.
    new Uint16Array(buffer.buffer, buffer.byteOffset + NEXT_AT, tables.next.length).set(tables.next);
    let entry = 0;
    tables.buckets.forEach((bucket, b) => {
      buffer.writeUInt32LE((entry | (bucket.length << 16)) >>> 0, BUCKETS_AT + 4 * (b + 1));
      for (const { id } of bucket) buffer.writeUInt16LE(id, lists + 2 * entry++);
    });
    tables.keywords.forEach(({ codes }, id) => {
      buffer[keywords + KEYWORD_BYTES * id] = codes.length;
      buffer.set(codes, keywords + KEYWORD_BYTES * id + 1);
    });
    return { lists, keywords };
  }

  /** src/decode.ts base64Runs of the text (loaded): offset and length pairs. */
  base64Runs(): number[] {
    const out = TEXT_AT + align16(this.n + 16);
    const count = this.wasm.base64Runs(this.n, out);
    return Array.from(this.words.subarray(out >> 2, (out >> 2) + 2 * count));
  }

  /** The base64 runs of the text (loaded) that src/decode.ts decodeBase64Text does not surely reject. */
  textRuns(): number[] {
    const out = TEXT_AT + align16(this.n + 16);
    const count = this.wasm.textRuns(out, this.wasm.base64Runs(this.n, out));
    return Array.from(this.words.subarray(out >> 2, (out >> 2) + 2 * count));
  }

  /** Newlines in the text (loaded), from `start` to `end` (its end). */
  newlines(start = 0, end = this.n): number {
    return this.wasm.newlines(start, end);
  }

  private reserve(bytes: number): void {
    const have = this.wasm.memory.buffer.byteLength;
    if (bytes <= have) return;
    this.wasm.memory.grow(Math.ceil((bytes - have) / PAGE));
    this.views();
  }

  private views(): void {
    const memory = this.wasm.memory.buffer;
    this.buffer = Buffer.from(memory, 0, memory.byteLength);
    this.words = new Int32Array(memory);
  }
}

const align16 = (n: number): number => (n + 15) & ~15;

function concatHits(a: Int32Array, b: Int32Array): Int32Array {
  const both = new Int32Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/**
 * PREFIX's entries: the last three characters before a keyword's prefix ends, as text-scan.wat's
 * keywords reads them (bit 5 set, 7 bits each, the last at bits 16-22) -> 1 + the prefix's group
 * (the tables' `prefixes`). A prefix under three characters (`gram`) fills an entry for each
 * character before it could be. Null if two prefixes read the same (say "a@b" and "a`b"), which
 * one entry cannot tell apart: the JavaScript pass then does the work.
 */
function foldedPrefixes(tables: FastTables): Map<number, number> | null {
  const { gram, prefixes } = tables;
  const groups = new Map<number, number>();
  for (const { codes } of tables.keywords) {
    let key = 0;
    let hash = 0;
    for (let j = 0; j < gram; j++) {
      key |= fold(codes[j]!) << (8 * (3 - gram + j));
      hash = (hash << 7) | codes[j]!;
    }
    const group = prefixes[hash]!;
    if ((groups.get(key) ?? group) !== group) return null;
    groups.set(key, group);
  }
  if (gram === 3) return groups;
  // What a byte folds to: 0x20-0x3f or 0x60-0x7f.
  const folds = Array.from({ length: 64 }, (_, c) => c + (c < 32 ? 0x20 : 0x40));
  const before = gram === 2 ? folds : folds.flatMap((a) => folds.map((b) => a | (b << 8)));
  const filled = new Map<number, number>();
  for (const [key, group] of groups) for (const prior of before) filled.set(key | prior, group);
  return filled;
}

/** A byte as text-scan.wat's keywords reads it: ASCII letters lower-cased (and others paired up), in 7 bits. */
const fold = (byte: number): number => (byte | 0x20) & 0x7f;

let instance: TextScan | null | undefined;

/** This thread's TextScan, made on first use; null where WebAssembly cannot run it. */
export function textScan(): TextScan | null {
  if (instance === undefined) instance = createTextScan();
  return instance;
}

/** This thread's TextScan if it holds `text`, without making one (a small commit never has one). */
export function textScanHolding(text: string): TextScan | null {
  return instance?.holds(text) ? instance : null;
}

function createTextScan(): TextScan | null {
  if (process.env['SHIPGATE_WASM'] === '0' || typeof WebAssembly !== 'object') return null;
  const { endianness } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  if (endianness() !== 'LE') return null;
  try {
    const code = typeof __SHIPGATE_WASM__ === 'string'
      ? Buffer.from(__SHIPGATE_WASM__, 'base64')
      : readFileSync(new URL('./text-scan.wasm', import.meta.url));
    const module = new WebAssembly.Module(code);
    return new TextScan(new WebAssembly.Instance(module).exports as unknown as Exports);
  } catch {
    // No WebAssembly compiler (node --jitless), or no SIMD: the JavaScript loops do the work.
    return null;
  }
}
