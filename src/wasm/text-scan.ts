// The WebAssembly loops of a whole-repository scan (src/wasm/text-scan.wat): one instance per
// thread, holding one text at a time as a byte per UTF-16 unit. Used once a scan is past a few
// kilobytes (src/prefilter.ts findFast); a commit's added lines never load it.
//
// Unavailable (null) where WebAssembly is (node --jitless), on big-endian machines (the tables
// are written and the hits read in the machine's order), or with SHIPGATE_WASM=0: the
// JavaScript loops it stands for give the same answers.

import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { BYTE_CLASS, LOWER } from '../text-bytes.js';

/** The compiled module, base64, put in each bundle by scripts/build.ts. */
declare const __SHIPGATE_WASM__: string | undefined;

// The memory layout of text-scan.wat.
const LOWER_AT = 0;
const CLASS_AT = 256;
const NEXT_AT = 1024;
const PREFIX_AT = 131072;
const PREFIX_BYTES = 1 << 21;
const HITS_AT = 2228224;
const TEXT_AT = 2752512;
const PAGE = 65536;
/** Hits returned by one call of `keywords`, at most. */
export const HIT_CAP = 65536;

interface Exports {
  memory: WebAssembly.Memory;
  keywords(n: number, start: number, gram: number): number;
  base64Runs(n: number, out: number): number;
  newlines(n: number): number;
  narrow(from: number, n: number): void;
}

/** The prefilter's rolling-hash tables (src/prefilter.ts FastTables). */
export interface KeywordTables {
  gram: number;
  prefixes: Uint8Array;
  next: Uint16Array;
}

export class TextScan {
  private text: string | undefined;
  private n = 0;
  private tables: KeywordTables | undefined;
  private buffer!: Buffer;
  private words!: Int32Array;

  constructor(private readonly wasm: Exports) {
    this.views();
    this.buffer.set(LOWER, LOWER_AT);
    this.buffer.set(BYTE_CLASS, CLASS_AT);
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

  /** Whether `text` is the one in memory. */
  holds(text: string): boolean {
    return text === this.text;
  }

  /**
   * Calls `onHit(offset, bucket)` for each place the text (loaded) holds a keyword prefix and
   * the character after it, in order: what src/prefilter.ts findInBytes visits.
   */
  keywords(tables: KeywordTables, onHit: (at: number, bucket: number) => void): void {
    if (tables !== this.tables) {
      this.buffer.set(tables.prefixes.subarray(0, PREFIX_BYTES), PREFIX_AT);
      const next = tables.next;
      for (let i = 0; i < next.length; i++) {
        this.buffer[NEXT_AT + 2 * i] = next[i]! & 0xff;
        this.buffer[NEXT_AT + 2 * i + 1] = next[i]! >>> 8;
      }
      this.tables = tables;
    }
    const words = this.words;
    for (let start = 0; ;) {
      const count = this.wasm.keywords(this.n, start, tables.gram);
      for (let k = 0, w = HITS_AT >> 2; k < count; k++, w += 2) onHit(words[w]!, words[w + 1]!);
      if (count < HIT_CAP) return;
      start = words[(HITS_AT >> 2) + 2 * (count - 1)]! + 1;
    }
  }

  /** src/decode.ts base64Runs of the text (loaded): offset and length pairs. */
  base64Runs(): number[] {
    const out = TEXT_AT + align16(this.n + 16);
    const count = this.wasm.base64Runs(this.n, out);
    return Array.from(this.words.subarray(out >> 2, (out >> 2) + 2 * count));
  }

  /** Newlines in the text (loaded). */
  newlines(): number {
    return this.wasm.newlines(this.n);
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

let instance: TextScan | null | undefined;

/** This thread's TextScan, made on first use; null where WebAssembly cannot run it. */
export function textScan(): TextScan | null {
  if (instance === undefined) instance = createTextScan();
  return instance;
}

/** This thread's TextScan if it holds `text`, without making one (the commit check never does). */
export function textScanHolding(text: string): TextScan | null {
  return instance?.holds(text) ? instance : null;
}

function createTextScan(): TextScan | null {
  if (process.env['SHIPGATE_WASM'] === '0' || endianness() !== 'LE' || typeof WebAssembly !== 'object') return null;
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
