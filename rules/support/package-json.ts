// package.json as the package rules see it: parsed as npm parses it (plain JSON, no comments),
// failures as values, and where in the text a key or an entry is. Pure functions, no I/O.

export type PackageJson = Record<string, unknown>;
export type PackageParse = { ok: true; value: PackageJson } | { ok: false; error: string };

/** undefined for an absent file; a parse failure (or a non-object) as a value, never a throw. */
export function parsePackageJson(text: string | null): PackageParse | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0]!.slice(0, 120) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  return { ok: true, value: value as PackageJson };
}

/**
 * The old version of a package.json for comparison: its value, or null when it was absent or
 * did not parse (the new version is then compared with nothing: everything in it is new).
 */
export function previousPackage(text: string | null): PackageJson | null {
  const parsed = parsePackageJson(text);
  return parsed?.ok ? parsed.value : null;
}

/** A field that is a plain object (scripts, dependencies, publishConfig), or undefined. */
export function objectField(pkg: PackageJson | null, name: string): Record<string, unknown> | undefined {
  const value = pkg?.[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A field's string entries (scripts, dependencies): name -> value, other values left out. */
export function stringEntries(pkg: PackageJson | null, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(objectField(pkg, name) ?? {})) {
    if (typeof value === 'string') out.set(key, value);
  }
  return out;
}

/**
 * 1-based line of `"key"` in the text: the first one after `"parent":` when a parent is given
 * (an entry of scripts, dependencies, files), else the first key `"key":` (or string). The
 * parent's line when the entry is not found after it; 0 when neither is there.
 */
export function lineOf(text: string | null, key: string, parent?: string): number {
  if (!text) return 0;
  const index = indexOf(text);
  const quoted = JSON.stringify(key);
  if (parent === undefined) {
    const at = index.keys.get(quoted)?.[0] ?? index.strings.get(quoted)?.[0];
    return at === undefined ? 0 : lineAt(index, at);
  }
  const from = index.keys.get(JSON.stringify(parent))?.[0];
  if (from === undefined) return 0;
  const at = firstAfter(index.strings.get(quoted) ?? [], from);
  return lineAt(index, at ?? from);
}

// Where every string of the last text asked about is, found in one pass: a package.json with
// thousands of reported entries costs one scan, not one per entry.
interface TextIndex {
  text: string;
  /** Offsets of each string (as written, quotes included), in text order. */
  strings: Map<string, number[]>;
  /** The same, for strings followed by a colon (object keys). */
  keys: Map<string, number[]>;
  lineStarts: number[];
}

let cached: TextIndex | undefined;

function indexOf(text: string): TextIndex {
  if (cached?.text === text) return cached;
  const strings = new Map<string, number[]>();
  const keys = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, token: string, at: number): void => {
    const list = map.get(token);
    if (list) list.push(at);
    else map.set(token, [at]);
  };
  for (let i = text.indexOf('"'); i !== -1; ) {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) break;
    const token = text.slice(i, j + 1);
    if (token.length <= 1000) {
      add(strings, token, i);
      let k = j + 1;
      while (k < text.length && k - j < 64 && /\s/.test(text[k]!)) k++;
      if (text[k] === ':') add(keys, token, i);
    }
    i = text.indexOf('"', j + 1);
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  cached = { text, strings, keys, lineStarts };
  return cached;
}

/** The first offset in an ascending list that is greater than `from`. */
function firstAfter(list: readonly number[], from: number): number | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > from) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}

function lineAt(index: TextIndex, offset: number): number {
  const starts = index.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A value for a report: strings as they are, anything else as JSON, at most `max` characters. */
export function shown(value: unknown, max = 200): string {
  const text = value === undefined ? 'unset' : typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** A URL with its credentials hidden: https://user:token@host -> https://***@host (ssh's git@ kept). */
export function redactUrl(spec: string): string {
  return spec.replace(/^([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^@/\s]{1,500})@/, (whole, scheme: string, user: string) =>
    user === 'git' ? whole : `${scheme}***@`,
  );
}
