// Ignore files (.gitignore, .npmignore, .dockerignore) read the way their tools read them, and the
// question the ignore-entry rules ask: which protective entries did a change take away?
//
// "Taken away" is decided on what the file excludes, not on its text: an entry counts as removed
// when some path it excluded (a probe: a typical path of its kind, or the entry itself made
// concrete) is excluded before the change and no longer after it. So "*.map" -> "**/*.map",
// reordering, comments and "dist" -> "/dist/" remove nothing, while a new "!.env" negation does.
//
// Globs are matched by simulating them as automata over the path (O(pattern x path)), never by
// compiling user patterns into backtracking regular expressions.
// https://git-scm.com/docs/gitignore#_pattern_format
// https://docs.npmjs.com/cli/v10/using-npm/developers#keeping-files-out-of-your-package
// https://docs.docker.com/build/concepts/context/#dockerignore-files

/**
 * git: gitignore rules. npm: the same, lines trimmed (npm-packlist). docker: Go filepath.Match
 * patterns, all anchored at the context root, a match on a parent directory covers its contents,
 * and the last matching line wins even inside an excluded directory.
 */
export type IgnoreDialect = 'git' | 'npm' | 'docker';

type Token =
  | { k: 'char'; c: string }
  | { k: 'one' } // ?: one character other than '/'
  | { k: 'set'; neg: boolean; chars: string; ranges: string[] } // [...]: one character other than '/'
  | { k: 'star' } // *: a run of characters other than '/'
  | { k: 'any' } // a trailing /**: anything
  | { k: 'skip'; to: number }; // a leading or inner **/: an optional "(anything/)" group

export interface IgnoreEntry {
  /** The line as written, without trailing blanks: what a report shows. */
  raw: string;
  /** The pattern without negation, leading or trailing slashes. */
  pattern: string;
  negated: boolean;
  /** Matched against the whole relative path; otherwise against each path component's name. */
  anchored: boolean;
  /** A trailing slash: matches directories only. */
  dirOnly: boolean;
  /** 1-based line in the file. */
  line: number;
  tokens: Token[];
  /** The longest run of literal characters: a name without it cannot match (a cheap first test). */
  literal: string;
}

/** Longer lines are kept as text but never match: no real ignore entry is that long. */
const MAX_PATTERN = 1024;

export function parseIgnoreFile(text: string | null, dialect: IgnoreDialect): IgnoreEntry[] {
  if (!text) return [];
  const entries: IgnoreEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r$/, '');
    if (dialect === 'git') line = trimTrailingBlanks(line);
    else line = line.trim();
    if (line === '' || line.startsWith('#')) continue;
    const raw = line;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
      if (dialect !== 'git') line = line.trim();
    }
    let anchored: boolean;
    let dirOnly = false;
    if (dialect === 'docker') {
      line = cleanDockerPath(line);
      anchored = true;
    } else {
      while (line.length > 1 && line.endsWith('/') && !line.endsWith('\\/')) {
        line = line.slice(0, -1);
        dirOnly = true;
      }
      anchored = line.includes('/');
      line = line.replace(/^\/{1,64}/, '');
    }
    if (line === '' || line === '/') continue;
    const tokens = line.length > MAX_PATTERN ? [] : tokenize(line);
    entries.push({ raw, pattern: line, negated, anchored, dirOnly, line: i + 1, tokens, literal: longestLiteral(tokens) });
  }
  return entries;
}

/** gitignore: trailing spaces are ignored unless escaped with a backslash. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) {
    if (end >= 2 && line[end - 2] === '\\') break;
    end--;
  }
  return line.slice(0, end);
}

/** Docker cleans patterns like filepath.Clean: no leading "/" or "./", no trailing "/", no "//". */
function cleanDockerPath(pattern: string): string {
  let p = pattern.replace(/\/{2,64}/g, '/');
  for (let guard = 0; guard < 64; guard++) {
    if (p.startsWith('/')) p = p.slice(1);
    else if (p.startsWith('./')) p = p.slice(2);
    else break;
  }
  if (p === '.') return '';
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p.replace(/\/\.$/, '');
}

function longestLiteral(tokens: readonly Token[]): string {
  let best = '';
  let run = '';
  for (const t of tokens) {
    if (t.k === 'char' && t.c !== '/') run += t.c;
    else run = '';
    if (run.length > best.length) best = run;
  }
  return best;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const segments = pattern.split('/');
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const last = s === segments.length - 1;
    if (segment === '**') {
      if (last) tokens.push({ k: 'any' });
      else {
        // (anything/)? : zero or more whole directories.
        const at = tokens.length;
        tokens.push({ k: 'skip', to: at + 3 }, { k: 'any' }, { k: 'char', c: '/' });
      }
      continue;
    }
    tokenizeSegment(segment, tokens);
    if (!last) tokens.push({ k: 'char', c: '/' });
  }
  return tokens;
}

function tokenizeSegment(segment: string, tokens: Token[]): void {
  // Once a [ has no closing ], no later one has either: they are all literal (and not rescanned).
  let unclosed = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) {
      tokens.push({ k: 'char', c: segment[++i]! });
    } else if (c === '*') {
      if (tokens[tokens.length - 1]?.k !== 'star') tokens.push({ k: 'star' });
    } else if (c === '?') {
      tokens.push({ k: 'one' });
    } else if (c === '[' && !unclosed) {
      const set = parseSet(segment, i);
      unclosed = set === null;
      if (set) {
        tokens.push(set.token);
        i = set.end;
      } else {
        tokens.push({ k: 'char', c });
      }
    } else {
      tokens.push({ k: 'char', c });
    }
  }
}

function parseSet(segment: string, open: number): { token: Token; end: number } | null {
  let j = open + 1;
  let neg = false;
  if (segment[j] === '!' || segment[j] === '^') {
    neg = true;
    j++;
  }
  let chars = '';
  const ranges: string[] = [];
  let first = true;
  while (j < segment.length) {
    let c = segment[j]!;
    if (c === ']' && !first) return { token: { k: 'set', neg, chars, ranges }, end: j };
    first = false;
    if (c === '\\' && j + 1 < segment.length) c = segment[++j]!;
    if (segment[j + 1] === '-' && j + 2 < segment.length && segment[j + 2] !== ']') {
      ranges.push(c + segment[j + 2]!);
      j += 3;
    } else {
      chars += c;
      j++;
    }
  }
  return null;
}

function inSet(token: Extract<Token, { k: 'set' }>, c: string): boolean {
  let hit = token.chars.includes(c);
  for (const r of token.ranges) if (c >= r[0]! && c <= r[1]!) hit = true;
  return hit !== token.neg;
}

/** Runs the pattern's automaton over the text: linear in text length times pattern length. */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  const n = tokens.length;
  if (n === 0) return false;
  let current = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const add = (states: Uint8Array, start: number): void => {
    const stack = [start];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (states[i]) continue;
      states[i] = 1;
      const t = tokens[i];
      if (!t) continue;
      if (t.k === 'star' || t.k === 'any') stack.push(i + 1);
      else if (t.k === 'skip') stack.push(i + 1, t.to);
    }
  };
  add(current, 0);
  for (let p = 0; p < text.length; p++) {
    const c = text[p]!;
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (!current[i]) continue;
      const t = tokens[i]!;
      let to = -1;
      if (t.k === 'char') to = t.c === c ? i + 1 : -1;
      else if (t.k === 'one') to = c !== '/' ? i + 1 : -1;
      else if (t.k === 'set') to = c !== '/' && inSet(t, c) ? i + 1 : -1;
      else if (t.k === 'star') to = c !== '/' ? i : -1;
      else if (t.k === 'any') to = i;
      if (to >= 0) {
        add(next, to);
        alive = true;
      }
    }
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[n] === 1;
}

/** Whether the entry matches this path itself (a file, or a directory when isDir). */
function matchesExactly(entry: IgnoreEntry, path: string, isDir: boolean, dialect: IgnoreDialect): boolean {
  if (entry.dirOnly && !isDir) return false;
  const subject = dialect === 'docker' || entry.anchored ? path : path.slice(path.lastIndexOf('/') + 1);
  return subject.includes(entry.literal) && matchTokens(entry.tokens, subject);
}

/** The path and its parent directories, shortest first: "a", "a/b", "a/b/c". */
function prefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Whether this entry on its own excludes the file at path (directly or through a parent directory). */
export function entryExcludes(entry: IgnoreEntry, path: string, dialect: IgnoreDialect): boolean {
  const all = prefixes(path);
  return all.some((candidate, i) => matchesExactly(entry, candidate, i < all.length - 1, dialect));
}

/** Whether the file at path (relative to the ignore file's folder) is excluded by the whole file. */
export function isIgnored(entries: readonly IgnoreEntry[], path: string, dialect: IgnoreDialect): boolean {
  const all = prefixes(path);
  if (dialect === 'docker') {
    let ignored = false;
    for (const entry of entries) {
      if (all.some((candidate, i) => matchesExactly(entry, candidate, i < all.length - 1, dialect))) ignored = !entry.negated;
    }
    return ignored;
  }
  // git: a directory that is excluded is not descended into; nothing below it can be re-included.
  for (let i = 0; i < all.length; i++) {
    const isDir = i < all.length - 1;
    let last: IgnoreEntry | undefined;
    for (const entry of entries) if (matchesExactly(entry, all[i]!, isDir, dialect)) last = entry;
    if (last && !last.negated) return true;
    if (!isDir) return false;
  }
  return false;
}

/** A kind of path an ignore entry keeps out, and how to recognise such entries. */
export interface ProtectedKind {
  /** What the entry protects, as the report says it: "environment files". */
  protects: string;
  severity: 'error' | 'warn';
  /** Tested against the entry's last path component (and, for directories, its other components). */
  names: RegExp;
  /** Entries of this kind name directories (dist, .claude): their probes are files inside. */
  dir: boolean;
  /** Typical paths of this kind, relative to the ignore file's folder. */
  probes: readonly string[];
}

export interface RemovedEntry {
  entry: string;
  kind: ProtectedKind;
}

/** The component of a pattern that says what it is about: "dist/**\/*.map" -> "*.map". */
function kindOf(entry: IgnoreEntry, kinds: readonly ProtectedKind[]): ProtectedKind | undefined {
  const segments = entry.pattern.split('/').filter((s) => s !== '' && s !== '**' && s !== '*');
  if (segments.length === 0) return undefined;
  const last = segments[segments.length - 1]!.replace(/\\(.)/g, '$1');
  const byLast = kinds.find((k) => k.names.test(last));
  if (byLast) return byLast;
  for (const segment of segments.slice(0, -1)) {
    const hit = kinds.find((k) => k.dir && k.names.test(segment.replace(/\\(.)/g, '$1')));
    if (hit) return hit;
  }
  return undefined;
}

/** The entry made concrete: wildcards dropped, ranges replaced by a member. "/.env*" -> ".env". */
function concretePath(entry: IgnoreEntry, kind: ProtectedKind): string | undefined {
  let out = '';
  const p = entry.pattern.replace(/(^|\/)\*\*\//g, '$1').replace(/\/\*\*$/, '');
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) out += p[++i];
    else if (c === '*') continue;
    else if (c === '?') out += 'x';
    else if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end === -1) out += c;
      else {
        const body = p.slice(i + 1, end);
        out += body.startsWith('!') || body.startsWith('^') ? 'x' : body[0];
        i = end;
      }
    } else out += c;
  }
  out = out.replace(/\/{2,64}/g, '/').replace(/^\/{1,64}/, '').replace(/\/{1,64}$/, '');
  if (out === '') return undefined;
  return kind.dir || entry.dirOnly ? `${out}/x` : out;
}

/** Protective entries checked path by path at most; a change that removes more is reported up to here. */
const MAX_CHECKED = 300;

/** For each positive entry, how many negations come before its last occurrence; and the negations in order. */
function layout(entries: readonly IgnoreEntry[]): { negations: string; before: Map<string, number> } {
  const negations: string[] = [];
  const before = new Map<string, number>();
  for (const entry of entries) {
    if (entry.negated) negations.push(entry.raw);
    else before.set(entry.raw, negations.length);
  }
  return { negations: negations.join('\n'), before };
}

/**
 * The protective entries of `before` whose paths `after` (null: the file was deleted) no longer
 * excludes, each once, in file order.
 */
export function removedEntries(
  before: string | null, after: string | null, dialect: IgnoreDialect, kinds: readonly ProtectedKind[],
): RemovedEntry[] {
  const old = parseIgnoreFile(before, dialect);
  const now = parseIgnoreFile(after, dialect);
  const oldLayout = layout(old);
  const nowLayout = layout(now);
  const sameNegations = oldLayout.negations === nowLayout.negations;
  const memo = (entries: readonly IgnoreEntry[]): ((path: string) => boolean) => {
    const cache = new Map<string, boolean>();
    return (path) => {
      let hit = cache.get(path);
      if (hit === undefined) cache.set(path, (hit = isIgnored(entries, path, dialect)));
      return hit;
    };
  };
  const ignoredBefore = memo(old);
  const ignoredAfter = memo(now);
  const removed: RemovedEntry[] = [];
  const seen = new Set<string>();
  let checked = 0;
  for (const entry of old) {
    if (entry.negated || entry.tokens.length === 0 || seen.has(entry.raw)) continue;
    seen.add(entry.raw);
    // The same line, with the same negations before and after it, excludes the same paths.
    if (sameNegations && nowLayout.before.get(entry.raw) === oldLayout.before.get(entry.raw)) continue;
    const kind = kindOf(entry, kinds);
    if (!kind) continue;
    if (++checked > MAX_CHECKED) break;
    const concrete = concretePath(entry, kind);
    const probes = concrete ? [...kind.probes, concrete] : kind.probes;
    const lost = probes.some((p) => entryExcludes(entry, p, dialect) && ignoredBefore(p) && !ignoredAfter(p));
    if (lost) removed.push({ entry: entry.raw, kind });
  }
  return removed;
}

// The kinds of entries the rules protect. Names are tested against one path component; every
// quantifier is bounded.
export const ENV_FILES: ProtectedKind = {
  protects: 'environment files', severity: 'error', dir: false,
  names: /^(?:\.env(?:rc)?(?:[._*-][\w.*-]{0,60})?|\*\.env(?:\.[\w*-]{1,30})?)$/i,
  probes: ['.env', '.env.local', '.env.production', '.env.development.local', 'prod.env', '.envrc'],
};

export const PRIVATE_KEYS: ProtectedKind = {
  protects: 'private keys', severity: 'error', dir: false,
  names: /^(?:[\w.*-]{0,80}\.(?:pem|key|p12|pfx|ppk|jks|keystore)|id_(?:rsa|dsa|ecdsa|ed25519)(?:\*|[._-][\w*-]{0,20})?)$/i,
  probes: ['server.pem', 'certs/server.pem', 'private.key', 'certs/tls.key', 'id_rsa', 'id_ed25519', '.ssh/id_rsa'],
};

export const SOURCE_MAPS: ProtectedKind = {
  protects: 'source maps', severity: 'warn', dir: false,
  names: /^[\w.*-]{0,60}\.map$/i,
  probes: ['index.js.map', 'dist/index.js.map', 'dist/index.d.ts.map', 'dist/styles.css.map', 'lib/index.js.map'],
};

export const COVERAGE: ProtectedKind = {
  protects: 'coverage reports', severity: 'warn', dir: true,
  names: /^(?:coverage|\.nyc_output|lcov-report|htmlcov)$/i,
  probes: ['coverage/lcov.info', 'coverage/lcov-report/index.html', '.nyc_output/out.json'],
};

/** Kind with another severity: the same entries can matter more for one target than another. */
export function withSeverity(kind: ProtectedKind, severity: 'error' | 'warn'): ProtectedKind {
  return { ...kind, severity };
}
