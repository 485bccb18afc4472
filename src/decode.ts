// Secrets hide inside encodings: a base64-encoded .env in a Kubernetes Secret, a token in a
// JSON-escaped string. These find such segments and decode them, so the rules can run on the
// decoded text while findings point at the line of the encoded blob.

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
const B64 = new Uint8Array(65536);
const WORD = new Uint8Array(65536);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') B64[ch.charCodeAt(0)] = 1;
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') WORD[ch.charCodeAt(0)] = 1;
const EQUALS = 61;

/**
 * Calls `visit(offset, length)` for each base64 run: a maximal run of word characters (base64
 * alphabet, `_`, `-`) made only of the alphabet, 20 to 65536 long, followed by at most two `=`
 * and then by neither a word character nor `=`. Checks the 20th character first, so short
 * words are skipped without reading each of their characters.
 */
export function base64Runs(text: string, visit: (offset: number, length: number) => void): void {
  const n = text.length;
  let i = 0;
  // Invariant: i is 0 or follows a character that is not a word character.
  while (i + MIN_RUN <= n) {
    const first = text.charCodeAt(i);
    if (WORD[first] === 0) {
      i++;
      continue;
    }
    let skipFrom = i + 1; // where to look for the end of a word that cannot be a run
    if (B64[first] === 1) {
      const last = text.charCodeAt(i + MIN_RUN - 1);
      if (WORD[last] === 0) {
        i += MIN_RUN;
        continue;
      }
      skipFrom = i + MIN_RUN;
      if (B64[last] === 1) {
        let k = i + MIN_RUN - 2;
        while (k > i && B64[text.charCodeAt(k)] === 1) k--;
        if (k > i) {
          if (WORD[text.charCodeAt(k)] === 0) {
            i = k + 1;
            continue;
          }
        } else {
          let j = i + MIN_RUN;
          while (j < n && B64[text.charCodeAt(j)] === 1) j++;
          const after = j < n ? text.charCodeAt(j) : -1;
          if (after === -1 || WORD[after] === 0) {
            let end = j;
            while (end < n && text.charCodeAt(end) === EQUALS) end++;
            const next = end < n ? text.charCodeAt(end) : -1;
            if (j - i <= MAX_RUN && end - j <= 2 && (next === -1 || WORD[next] === 0)) visit(i, end - i);
            i = j;
            continue;
          }
          skipFrom = j;
        }
      }
    }
    // A word holding `_` or `-`, or too long: no run starts inside it.
    i = skipFrom;
    while (i < n && WORD[text.charCodeAt(i)] === 1) i++;
  }
}

/** Segments of `text` that decode to printable text: base64 runs and JSON-escaped lines. */
export function findDecodedSegments(text: string): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  base64Runs(text, (offset, length) => {
    const decoded = decodeBase64Text(text.slice(offset, offset + length));
    if (decoded !== undefined) segments.push({ offset, encoding: 'base64', decoded });
  });
  // Each line holding a JSON escape, once: find an escape, decode its whole line, go on after
  // it. Backslashes are found with indexOf (a fast native search); ESCAPED is only tried at them.
  for (let at = text.indexOf('\\'); at !== -1; ) {
    ESCAPED.lastIndex = at;
    const m = ESCAPED.exec(text);
    if (!m || m.index !== at) {
      at = text.indexOf('\\', at + 1);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const decoded = unescapeJson(line);
    if (decoded !== line) segments.push({ offset: lineStart, encoding: 'json-escaped', decoded });
    at = lineEnd + 1 < text.length ? text.indexOf('\\', lineEnd + 1) : -1;
  }
  return segments;
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
  for (const byte of bytes) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09) printable++;
  }
  if (printable / bytes.length < 0.95) return undefined;
  return bytes.toString('latin1');
}

/** JSON string escapes undone: \n \r \t \" \\ \/ and \uXXXX. */
export function unescapeJson(line: string): string {
  return line.replace(/\\(?:([nrt"\\/])|u([0-9a-fA-F]{4}))/g, (_, simple: string | undefined, hex: string | undefined) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    switch (simple) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      default: return simple!;
    }
  });
}
