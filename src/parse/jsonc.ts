// JSON with comments and trailing commas (tsconfig.json, .swcrc, VS Code style files), parsed
// without executing anything. Failures are values, not exceptions: a change rule reports a
// file it cannot parse as a warning and carries on.

export type JsoncResult = { ok: true; value: unknown } | { ok: false; error: string };

// What may follow a trailing comma before its closing bracket: white space and comments.
const TRAILING = /^(?:\s|\/\/[^\n]*\n|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*[}\]]/;

/** Removes // and /* *\/ comments and trailing commas outside strings, keeping line breaks. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === ',' && TRAILING.test(text.slice(i + 1, i + 400))) {
      i++; // a trailing comma
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function parseJsonc(text: string | null): JsoncResult | undefined {
  if (text === null) return undefined;
  try {
    return { ok: true, value: JSON.parse(stripJsonc(text.replace(/^\uFEFF/, ''))) };
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0]!.slice(0, 120) };
  }
}

/** The value at a dotted path of plain objects, or undefined. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** 1-based line of the first `"key"` in the text, or 0. */
export function lineOfKey(text: string | null, key: string): number {
  if (!text) return 0;
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? 0 : text.slice(0, at).split('\n').length;
}
