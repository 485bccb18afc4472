// Reading source maps the way the package rules need them: which original sources a map names,
// where those resolve inside the package, and which of them it carries in `sourcesContent`.
// Pure: maps come in as text (a shipped .map file, or a base64 `data:` URL in a bundle).
// https://tc39.es/ecma426/ (Source Map, ECMA-426: sources, sourceRoot, sourcesContent, sections)
//
// Cost matters: the map that started this shipped as 60 MB. A map is parsed once (JSON.parse,
// then one small object per source) and the result is kept per packed file, so the sourcemap
// and secrets rules share it. Contents are never copied or joined; only their sizes are taken.

import type { PackedFile } from '../../src/types.js';

/** What an original source is: the package's own code, a dependency's, or bundler glue. */
export type SourceKind = 'own' | 'dependency' | 'generated';

export interface MapSource {
  /** As written in the map's `sources` ('' when the entry is missing or not a string). */
  raw: string;
  /** For people: package-relative when it resolves inside the package, else as written. */
  display: string;
  /**
   * Package-relative paths it may resolve to. Bundler URLs (webpack://name/./src/x.ts) are
   * relative to the build's root, which is usually the package root and sometimes the map's
   * folder, so they get both. Empty when it points outside the package.
   */
  candidates: string[];
  kind: SourceKind;
  /** An absolute path or file: URL: the build machine's layout. */
  absolute: boolean;
  /** The embedded original text, or null. */
  content: string | null;
}

export interface SourceMapInfo {
  /** Parsed as a source map; false for invalid JSON or JSON that is no source map. */
  ok: boolean;
  /** Why it could not be read (never quotes the map's text). */
  error?: string;
  /** Every source of the map, those of index-map sections included, in order. */
  sources: MapSource[];
  /** The first absolute path or file: URL among the sources and sourceRoot values. */
  pathLeak?: string;
}

/** How many nested index-map sections are followed. */
const MAX_SECTION_DEPTH = 16;

/**
 * Parses a source map's text. `at` is the package-relative path of the file that holds the map
 * (the .map file, or the bundle for an inline map): relative sources resolve against its folder.
 */
export function parseSourceMap(text: string, at: string): SourceMapInfo {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The spec allows a `)]}'` first line against cross-site script inclusion.
  if (body.startsWith(')]}')) {
    const newline = body.indexOf('\n');
    body = newline === -1 ? '' : body.slice(newline + 1);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // V8's message quotes the text around the error, which may be a secret: only the position.
    const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
    return { ok: false, error: `not valid JSON${position ? ` (at position ${position})` : ''}`, sources: [] };
  }
  if (!isObject(value) || (!Array.isArray(value['sources']) && !Array.isArray(value['sections']))) {
    return { ok: false, error: 'not a source map (no "sources" or "sections")', sources: [] };
  }
  const info: SourceMapInfo = { ok: true, sources: [] };
  collect(value, dirOf(at), info, 0);
  return info;
}

function collect(map: Record<string, unknown>, dir: string, info: SourceMapInfo, depth: number): void {
  const sections = map['sections'];
  if (Array.isArray(sections) && depth < MAX_SECTION_DEPTH) {
    for (const section of sections) {
      // A section either holds its map or points at one by `url`: that one is not in this file.
      const inner = isObject(section) ? section['map'] : undefined;
      if (isObject(inner)) collect(inner, dir, info, depth + 1);
    }
  }
  const sources = Array.isArray(map['sources']) ? (map['sources'] as unknown[]) : [];
  const contents = Array.isArray(map['sourcesContent']) ? (map['sourcesContent'] as unknown[]) : [];
  const root = typeof map['sourceRoot'] === 'string' ? map['sourceRoot'] : '';
  if (root && isAbsoluteLocation(root)) info.pathLeak ??= root;
  const count = Math.max(sources.length, contents.length);
  for (let i = 0; i < count; i++) {
    const entry = sources[i];
    const raw = typeof entry === 'string' ? entry : '';
    const content = contents[i];
    const source = resolveSource(raw, root, dir);
    if (source.absolute) info.pathLeak ??= raw;
    info.sources.push({ ...source, content: typeof content === 'string' ? content : null });
  }
}

type Resolved = Omit<MapSource, 'content'>;

/** Where a `sources` entry points, after `sourceRoot`, relative to the map's folder `dir`. */
export function resolveSource(raw: string, sourceRoot: string, dir: string): Resolved {
  if (raw === '') return { raw, display: '(unnamed source)', candidates: [], kind: 'own', absolute: false };
  const path = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(path)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    return { raw, display: raw, candidates: [], kind: classify(path), absolute: true };
  }
  if (scheme === 'http' || scheme === 'https') {
    return { raw, display: raw, candidates: [], kind: classify(path), absolute: false };
  }
  if (scheme === 'node' || scheme === 'data') {
    return { raw, display: raw, candidates: [], kind: 'generated', absolute: false };
  }
  if (scheme) {
    // Bundler namespaces: webpack:///./src/x.ts, webpack://my-cli/./src/x.ts?1a2b,
    // turbopack://[project]/src/x.ts, rollup://... The query is a loader or cache suffix.
    let rest = path.slice(scheme.length + 1);
    if (rest.startsWith('//')) {
      const slash = rest.indexOf('/', 2);
      rest = slash === -1 ? '' : rest.slice(slash + 1);
    }
    rest = rest.replace(/[?#].*$/, '');
    const absolute = /^\/|^[A-Za-z]:\/|^(?:Users|home)\/[^/]+\//.test(rest);
    const fromRoot = absolute ? null : normalize(rest);
    const fromMap = absolute ? null : normalize(joinPath(dir, rest));
    const candidates = [...new Set([fromRoot, fromMap].filter((p): p is string => p !== null && p !== ''))];
    return { raw, display: fromRoot || rest || raw, candidates, kind: classify(rest), absolute };
  }
  if (isAbsolutePath(path)) return { raw, display: raw, candidates: [], kind: classify(path), absolute: true };
  let joined = path;
  if (sourceRoot) {
    const root = sourceRoot.replace(/\\/g, '/');
    joined = `${root.endsWith('/') ? root : `${root}/`}${path}`;
    // A URL or absolute sourceRoot points outside the package (the leak is noted by the caller).
    if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(root) || isAbsolutePath(root)) {
      return { raw, display: joined, candidates: [], kind: classify(joined), absolute: false };
    }
  }
  const resolved = normalize(joinPath(dir, joined));
  return {
    raw,
    display: resolved || joined,
    candidates: resolved ? [resolved] : [],
    kind: classify(joined),
    absolute: false,
  };
}

const GENERATED =
  /^(?:\0|<|\(webpack\)|webpack\/(?:bootstrap|runtime|universalModuleDefinition|before-startup|startup|after-startup)|external |ignored\||node:|vite\/|\.?\/?__vite|__virtual__)/;

function classify(path: string): SourceKind {
  const clean = path.replace(/^(?:\.\/)+/, '');
  if (GENERATED.test(clean) || clean.includes('\0')) return 'generated';
  if (/(?:^|\/)node_modules\//.test(clean)) return 'dependency';
  return 'own';
}

function isAbsolutePath(path: string): boolean {
  return /^\/|^[A-Za-z]:[\\/]|^\\\\/.test(path);
}

/** An absolute path or file: URL (a sourceRoot or source naming the build machine's folders). */
function isAbsoluteLocation(path: string): boolean {
  return isAbsolutePath(path) || /^file:/i.test(path);
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function joinPath(dir: string, path: string): string {
  return dir ? `${dir}/${path}` : path;
}

/** "dist/../src/./x.ts" -> "src/x.ts"; null when it climbs above the package root. */
export function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return out.join('/');
}

/** How a map's sources stand against the packed file list. */
export interface MapRating {
  /** Entries in `sources` (all sections). */
  sources: number;
  /** Entries whose sourcesContent holds real text (not null, not blank). */
  embedded: number;
  /** UTF-8 bytes of that text. */
  bytes: number;
  /** Embedded sources of the package's own that the package does not ship. */
  unshipped: number;
  /** The first of those, for the report. */
  example?: string;
  /** Embedded sources the package ships anyway. */
  shipped: number;
  /** Embedded sources from node_modules. */
  dependencies: number;
  /** Embedded bundler glue (webpack/bootstrap, \0 virtual modules). */
  generated: number;
}

export function hasContent(source: MapSource): source is MapSource & { content: string } {
  return source.content !== null && /\S/.test(source.content);
}

export function rateSources(sources: readonly MapSource[], packed: ReadonlySet<string>): MapRating {
  const rating: MapRating = { sources: sources.length, embedded: 0, bytes: 0, unshipped: 0, shipped: 0, dependencies: 0, generated: 0 };
  for (const source of sources) {
    if (!hasContent(source)) continue;
    rating.embedded++;
    rating.bytes += Buffer.byteLength(source.content, 'utf8');
    if (source.kind === 'generated') rating.generated++;
    else if (source.kind === 'dependency') rating.dependencies++;
    else if (source.candidates.some((path) => packed.has(path))) rating.shipped++;
    else {
      rating.unshipped++;
      rating.example ??= source.display;
    }
  }
  return rating;
}

/** A `sourceMappingURL=` comment in a script or stylesheet. */
export interface SourceMappingRef {
  /** Offsets of the URL in the text. */
  start: number;
  end: number;
  /** data: (an inline map), external (http/https), absolute (file: or a root path), relative. */
  kind: 'data' | 'external' | 'absolute' | 'relative';
  /** The URL, except for data: URLs, which are summarised ("data:application/json;base64,…"). */
  url: string;
}

const MARKER = 'sourceMappingURL=';
// The comment forms: `//# `, `/*# ` and the older `//@ `.
const COMMENT_START = /(?:\/\/|\/\*)[#@][ \t]{0,4}$/;
// The URL runs to whitespace, a quote (the marker inside a string literal) or a comment end.
const URL_RUN = /[^\s'"`*]*/y;

export function findSourceMappingRefs(text: string): SourceMappingRef[] {
  const refs: SourceMappingRef[] = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    if (!COMMENT_START.test(text.slice(Math.max(0, at - 8), at))) continue;
    const start = at + MARKER.length;
    URL_RUN.lastIndex = start;
    const url = URL_RUN.exec(text)?.[0] ?? '';
    if (!url) continue;
    const end = start + url.length;
    if (/^data:/i.test(url)) {
      const comma = url.indexOf(',');
      // Code that writes such comments (`"...;base64," + payload`) leaves an empty payload.
      if (comma === -1 || url.length - comma < 9) continue;
      refs.push({ start, end, kind: 'data', url: `${url.slice(0, Math.min(comma + 1, 80))}…` });
    } else if (/^https?:/i.test(url)) {
      refs.push({ start, end, kind: 'external', url: copy(url) });
    } else if (/^file:/i.test(url) || isAbsolutePath(url)) {
      refs.push({ start, end, kind: 'absolute', url: copy(url) });
    } else {
      refs.push({ start, end, kind: 'relative', url: copy(url) });
    }
  }
  return refs;
}

/** A detached copy, so that a kept URL does not keep a whole bundle's text alive. */
function copy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The text of a data: URL (base64 or percent-encoded), or null when it does not decode. */
export function decodeDataUrl(url: string): string | null {
  const comma = url.indexOf(',');
  if (!/^data:/i.test(url) || comma === -1) return null;
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  if (/;base64$/i.test(meta)) return Buffer.from(payload, 'base64').toString('utf8');
  try {
    return decodeURIComponent(payload);
  } catch {
    return null;
  }
}

/** An inline map found in a file: where its URL sits, how big it is, and what it holds. */
export interface InlineMap {
  ref: SourceMappingRef;
  info: SourceMapInfo;
}

export interface FileMapRefs {
  refs: SourceMappingRef[];
  inline: InlineMap[];
}

const mapFiles = new WeakMap<PackedFile, SourceMapInfo>();
const scriptRefs = new WeakMap<PackedFile, FileMapRefs>();
const NONE: FileMapRefs = { refs: [], inline: [] };

/** Scripts and stylesheets whose sourceMappingURL comments are read. */
export const MAP_REFERRERS = /\.(?:js|mjs|cjs|jsx|css)$/i;

export function isMapFile(path: string): boolean {
  return path.toLowerCase().endsWith('.map');
}

export function isDeclarationMap(path: string): boolean {
  return /\.d\.[mc]?ts\.map$/i.test(path);
}

/** A shipped .map file, parsed once per packed file whichever rule asks first. */
export function readMapFile(file: PackedFile): SourceMapInfo {
  let info = mapFiles.get(file);
  if (!info) {
    const text = file.text();
    info = text === null ? { ok: false, error: 'binary content', sources: [] } : parseSourceMap(text, file.path);
    mapFiles.set(file, info);
  }
  return info;
}

/**
 * The sourceMappingURL comments of a script or stylesheet and its inline maps, parsed, once per
 * packed file. Pass the text when the caller has it already.
 */
export function readMapRefs(file: PackedFile, text?: string | null): FileMapRefs {
  let found = scriptRefs.get(file);
  if (found) return found;
  found = NONE;
  const has = text != null ? text.includes(MARKER) : file.bytes().includes(MARKER);
  const body = has ? (text ?? file.text()) : null;
  if (body) {
    const refs = findSourceMappingRefs(body);
    const inline: InlineMap[] = [];
    for (const ref of refs) {
      if (ref.kind !== 'data') continue;
      const decoded = decodeDataUrl(body.slice(ref.start, ref.end));
      const info = decoded === null
        ? { ok: false, error: 'the data: URL does not decode', sources: [] }
        : parseSourceMap(decoded, file.path);
      inline.push({ ref, info });
    }
    if (refs.length) found = { refs, inline };
  }
  scriptRefs.set(file, found);
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
