// Secrets hide inside encodings: a base64-encoded .env in a Kubernetes Secret, a token in a
// JSON-escaped string. These find such segments and decode them, so the rules can run on the
// decoded text while findings point at the line of the encoded blob.

import { BYTE_CLASS, SEXTET, textBytes } from './text-bytes.js';
import { textScanHolding } from './wasm/text-scan.js';
import type { TextSlicer } from './wide-text.js';

export interface DecodedSegment {
  /** Offset of the encoded segment in the text. */
  offset: number;
  encoding: 'base64' | 'json-escaped';
  decoded: string;
}

// Long enough to hold a secret; bounded so a megabyte of base64 alphabet stays linear. A run is
// what this regex matches; base64Runs below finds the same runs without a regex (2-4x faster on
// source code, where most characters are letters and most words are short):
//   /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{20,65536}={0,2}(?![A-Za-z0-9+/=_-])/g
const MIN_RUN = 20;
const MAX_RUN = 65536;
const ESCAPED = /\\(?:[nrt"\\/]|u[0-9a-fA-F]{4})/y;

/** Base64 alphabet (1) and the characters a run may not touch: the alphabet, `_` and `-` (word). */
const B64 = BYTE_CLASS.map((c) => (c === 3 ? 1 : 0));
const WORD = BYTE_CLASS.map((c) => (c === 0 ? 0 : 1));
const EQUALS = 61;

/**
 * The base64 runs of a text, as offset and length pairs: maximal runs of word characters
 * (base64 alphabet, `_`, `-`) made only of the alphabet, 20 to 65536 long, followed by at most
 * two `=` and then by neither a word character nor `=`.
 */
export function base64Runs(text: string): number[] {
  return runsIn(textBytes.of(text), text.length);
}

/**
 * base64Runs over the text's bytes (src/text-bytes.ts; bytes[n] is 0, which ends every run).
 * Checks the 20th character first, so short words are skipped without reading each of their
 * characters.
 */
function runsIn(bytes: Uint8Array, n: number): number[] {
  const runs: number[] = [];
  let i = 0;
  // Invariant: i is 0 or follows a character that is not a word character.
  while (i + MIN_RUN <= n) {
    const first = bytes[i]!;
    if (WORD[first] === 0) {
      i++;
      continue;
    }
    let skipFrom = i + 1; // where to look for the end of a word that cannot be a run
    if (B64[first] === 1) {
      const last = bytes[i + MIN_RUN - 1]!;
      if (WORD[last] === 0) {
        i += MIN_RUN;
        continue;
      }
      skipFrom = i + MIN_RUN;
      if (B64[last] === 1) {
        let k = i + MIN_RUN - 2;
        while (k > i && B64[bytes[k]!] === 1) k--;
        if (k > i) {
          if (WORD[bytes[k]!] === 0) {
            i = k + 1;
            continue;
          }
        } else {
          let j = i + MIN_RUN;
          while (B64[bytes[j]!] === 1) j++;
          if (WORD[bytes[j]!] === 0) {
            let end = j;
            while (bytes[end] === EQUALS) end++;
            if (j - i <= MAX_RUN && end - j <= 2 && WORD[bytes[end]!] === 0) runs.push(i, end - i);
            i = j;
            continue;
          }
          skipFrom = j;
        }
      }
    }
    // A word holding `_` or `-`, or too long: no run starts inside it.
    i = skipFrom;
    while (WORD[bytes[i]!] === 1) i++;
  }
  return runs;
}

/** JSON escapes that can stand for a keyword's character: `\/` and `\uXXXX`. */
const KEYWORD_ESCAPE = /\\(?:\/|u[0-9a-fA-F]{4})/;

/**
 * Segments of `text` that decode to printable text: base64 runs and JSON-escaped lines. A
 * JSON-escaped line is decoded only if `holdsKeyword(lineStart)` or it has an escape that can
 * make a keyword: the other escapes stand for characters no keyword has (a test in
 * test/unit/prefilter.test.ts), so a line with no keyword as written has none decoded either,
 * and no rule would run on it. Minified code is full of escaped lines (6% of the text of
 * bench/realcode.ts's node_modules). A line is decoded as `read` gives it: where `text` stands
 * in for some characters (src/wide-text.ts), as it really is.
 */
export function findDecodedSegments(
  text: string, holdsKeyword: (lineStart: number) => boolean = () => true, read: TextSlicer = text, textRuns?: readonly number[],
): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  // The prefilter has put a large text in WebAssembly memory (src/wasm/text-scan.ts), or its
  // runs were found there with its file's (`textRuns`).
  const scan = textRuns ? undefined : textScanHolding(text);
  // WebAssembly also leaves out the runs decodeBase64Text would reject (surelyBinary's check and
  // more): most of them.
  const bytes = textRuns || scan ? undefined : textBytes.of(text);
  const runs = bytes ? runsIn(bytes, text.length) : (textRuns ?? scan!.textRuns());
  for (let r = 0; r < runs.length; r += 2) {
    const offset = runs[r]!;
    const length = runs[r + 1]!;
    if (bytes && surelyBinary(bytes, offset, length)) continue;
    const decoded = decodeBase64Text(text.slice(offset, offset + length));
    if (decoded !== undefined) segments.push({ offset, encoding: 'base64', decoded });
  }
  // Each line holding a JSON escape, once: find an escape, decode its whole line, go on after
  // it. Backslashes are found with indexOf (a fast native search); ESCAPED is only tried at them.
  for (let at = text.indexOf('\\'); at !== -1; ) {
    ESCAPED.lastIndex = at;
    if (!ESCAPED.test(text)) { // sticky: an escape starting at the backslash
      at = text.indexOf('\\', at + 1);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    // As it is (`read`): a base64 run is ASCII, a line may not be (src/wide-text.ts).
    const line = read.slice(lineStart, lineEnd);
    if (holdsKeyword(lineStart) || KEYWORD_ESCAPE.test(line)) {
      const decoded = unescapeJson(line);
      if (decoded !== line) segments.push({ offset: lineStart, encoding: 'json-escaped', decoded });
    }
    at = lineEnd + 1 < text.length ? text.indexOf('\\', lineEnd + 1) : -1;
  }
  return segments;
}


const isPrintable = (byte: number): boolean => (byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Whether decodeBase64Text surely rejects a run (base64 alphabet, then up to two '='), told from
 * its first 8 characters: more of their 6 bytes are unprintable than it allows in the whole.
 * Most runs in source code are long identifiers and paths, which decode to bytes that are not
 * text; this spares slicing and decoding each (9x fewer runs decoded on
 * bench/sourcegen.ts's corpus).
 */
function surelyBinary(bytes: Uint8Array, offset: number, length: number): boolean {
  let end = offset + length;
  while (bytes[end - 1] === EQUALS) end--;
  const total = Math.floor(((end - offset) * 3) / 4); // what Buffer.from(run, 'base64') decodes to
  let unprintable = 0;
  for (let i = offset; i < offset + 8; i += 4) {
    const bits = (SEXTET[bytes[i]!]! << 18) | (SEXTET[bytes[i + 1]!]! << 12) | (SEXTET[bytes[i + 2]!]! << 6) | SEXTET[bytes[i + 3]!]!;
    if (!isPrintable(bits >>> 16)) unprintable++;
    if (!isPrintable((bits >>> 8) & 0xff)) unprintable++;
    if (!isPrintable(bits & 0xff)) unprintable++;
  }
  // The same comparison as decodeBase64Text's, with the most printable bytes the run can have.
  return (total - unprintable) / total < 0.95;
}

/** The decoded text if the run is base64 of mostly printable ASCII, else undefined. */
export function decodeBase64Text(run: string): string | undefined {
  // Identifiers, hex hashes and paths are base64-alphabet runs too; real encodings of text mix
  // cases and digits, and their length is a multiple of 4 once padded.
  if (/^[a-z]+$|^[A-Z]+$|^[0-9a-fA-F]+$/.test(run)) return undefined;
  const unpadded = run.replace(/=+$/, '');
  if ((unpadded.length % 4) === 1) return undefined;
  const bytes = Buffer.from(unpadded, 'base64');
  if (bytes.length < 12) return undefined;
  let printable = 0;
  for (const byte of bytes) if (isPrintable(byte)) printable++;
  if (printable / bytes.length < 0.95) return undefined;
  return bytes.toString('latin1');
}

/** JSON string escapes undone: \n \r \t \" \\ \/ and \uXXXX. */
export function unescapeJson(line: string): string {
  // A loop over the backslashes rather than replace() with a function: minified bundles hold
  // thousands of escapes on a line, and a call per escape was 3% of scanning a node_modules.
  let out = '';
  let copied = 0;
  for (let at = line.indexOf('\\'); at !== -1; at = line.indexOf('\\', at)) {
    const next = line.charCodeAt(at + 1);
    let decoded: string | undefined;
    let length = 2;
    switch (next) {
      case 0x6e: decoded = '\n'; break; // n
      case 0x72: decoded = '\r'; break; // r
      case 0x74: decoded = '\t'; break; // t
      case 0x22: case 0x5c: case 0x2f: decoded = line[at + 1]; break; // " \ /
      case 0x75: // u and four hex digits
        if (HEX4.test(line.slice(at + 2, at + 6))) {
          decoded = String.fromCharCode(parseInt(line.slice(at + 2, at + 6), 16));
          length = 6;
        }
        break;
    }
    if (decoded === undefined) {
      at++; // not an escape: the search goes on from the next character, as a regex's would
      continue;
    }
    out += line.slice(copied, at) + decoded;
    at += length;
    copied = at;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
