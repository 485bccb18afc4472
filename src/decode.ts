// Secrets hide inside encodings: a base64-encoded .env in a Kubernetes Secret, a token in a
// JSON-escaped string. These find such segments and decode them, so the rules can run on the
// decoded text while findings point at the line of the encoded blob.

export interface DecodedSegment {
  /** Offset of the encoded segment in the text. */
  offset: number;
  encoding: 'base64' | 'json-escaped';
  decoded: string;
}

// Long enough to hold a secret; bounded so a megabyte of base64 alphabet stays linear.
const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{20,65536}={0,2}(?![A-Za-z0-9+/=_-])/g;
const ESCAPED = /\\(?:[nrt"\\/]|u[0-9a-fA-F]{4})/;

/** Segments of `text` that decode to printable text: base64 runs and JSON-escaped lines. */
export function findDecodedSegments(text: string): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  BASE64_RUN.lastIndex = 0;
  for (let m = BASE64_RUN.exec(text); m; m = BASE64_RUN.exec(text)) {
    const decoded = decodeBase64Text(m[0]);
    if (decoded !== undefined) segments.push({ offset: m.index, encoding: 'base64', decoded });
  }
  if (text.includes('\\')) {
    let lineStart = 0;
    for (const line of text.split('\n')) {
      if (ESCAPED.test(line)) {
        const decoded = unescapeJson(line);
        if (decoded !== line) segments.push({ offset: lineStart, encoding: 'json-escaped', decoded });
      }
      lineStart += line.length + 1;
    }
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
