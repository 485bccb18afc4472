// The scanning loops that look at every character (the keyword prefilter, the base64 run finder)
// read a text as bytes, one per UTF-16 unit: a Uint8Array is one kind of object to V8, where a
// string is one of several (flat or sliced, one- or two-byte, or a concatenation read through a
// runtime call per character, which made an earlier string-reading prefilter ~1,000x slower on a
// 1 MB line). Optimised code that sees one kind is compiled once, and stays fast; each new kind
// of string costs a deoptimisation and a recompilation, per worker thread.

/** Lower-case ASCII code of a byte; 0 for anything outside ASCII (no keyword has it). */
export const LOWER = new Uint8Array(256);
for (let c = 1; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * What a byte is to the base64 run finder (src/decode.ts): 3 for the base64 alphabet, 2 for
 * the other characters of a word a run may not touch (`_`, `-`), 0 for the rest.
 */
export const BYTE_CLASS = new Uint8Array(256);
for (const ch of BASE64_ALPHABET) BYTE_CLASS[ch.charCodeAt(0)] = 3;
BYTE_CLASS['_'.charCodeAt(0)] = 2;
BYTE_CLASS['-'.charCodeAt(0)] = 2;

/** 6-bit value of each base64 alphabet character. */
export const SEXTET = new Uint8Array(256);
[...BASE64_ALPHABET].forEach((ch, i) => (SEXTET[ch.charCodeAt(0)] = i));

/** Characters beyond Latin-1 (code units: a surrogate pair is two). */
const ALL_WIDE = /[^\0-\xff]/g;
/** Above this many, narrowing the whole text is faster than patching character by character. */
const MAX_PATCHED = 64;

/**
 * A reusable buffer holding the last text given to `of`: each UTF-16 unit as its Latin-1 byte,
 * 0xff (neither ASCII, which keywords are made of, nor base64) for a unit beyond Latin-1, then
 * a 0 (so a loop may look one byte past the text).
 */
class TextBytes {
  private buffer = Buffer.alloc(0);
  private text: string | undefined;

  /** The bytes of `text`; valid until the next call with another text. */
  of(text: string): Uint8Array {
    // The prefilter and the base64 run finder read the same text one after the other.
    if (text === this.text) return this.buffer;
    const n = text.length;
    if (this.buffer.length <= n) this.buffer = Buffer.allocUnsafe(Math.max(n + 1, 2 * this.buffer.length, 64 * 1024));
    const bytes = this.buffer;
    // Written natively (a wider character leaves its low byte), then the few wider characters
    // of a text are patched; a text with many is narrowed as a whole instead.
    bytes.write(text, 0, 'latin1');
    ALL_WIDE.lastIndex = 0;
    for (let m = ALL_WIDE.exec(text), patched = 0; m; m = ALL_WIDE.exec(text)) {
      if (++patched > MAX_PATCHED) {
        bytes.write(text.replace(ALL_WIDE, '\xff'), 0, 'latin1');
        break;
      }
      bytes[m.index] = 0xff;
    }
    bytes[n] = 0;
    this.text = text;
    return bytes;
  }
}

/** The one buffer of this thread: each caller is done with the bytes before it returns. */
export const textBytes = new TextBytes();
