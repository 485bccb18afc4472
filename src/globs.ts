// Glob matching for rule `files` and config `ignore`. micromatch is loaded on first use only,
// synchronously through require: it is CommonJS, and a dynamic import costs more on the hook path.

import { createRequire } from 'node:module';
import type micromatchType from 'micromatch';

let micromatch: typeof micromatchType | undefined;

function load(): typeof micromatchType {
  micromatch ??= createRequire(import.meta.url)('micromatch') as typeof micromatchType;
  return micromatch;
}

export type PathMatcher = (path: string) => boolean;

// The bundled CLI carries the built-in rules' globs as micromatch compiled them at build time
// (scripts/build.ts); unbundled, the global is absent and micromatch compiles them here.
/** A built-in glob as the build compiled it: micromatch's regex and its requiredTexts (null for none). */
export interface PrecompiledGlob {
  source: string;
  flags: string;
  texts: string[] | null;
}
declare const __SHIPGATE_GLOBS__: Record<string, PrecompiledGlob> | undefined;
const precompiled = typeof __SHIPGATE_GLOBS__ === 'undefined' ? undefined : __SHIPGATE_GLOBS__;

function makeRe(glob: string): RegExp {
  const known = precompiled?.[glob];
  return known ? new RegExp(known.source, known.flags) : load().makeRe(glob, { dot: true });
}

const PLAIN = /^[^*?[\]{}()!+@\\]+$/;

/**
 * The two shapes most rule globs have, `**\/name` and `**\/*suffix`, as string tests: every
 * commit tests each changed path against dozens of globs, and compiling micromatch's regexes
 * costs more than the tests. test/unit/globs.test.ts checks they agree with micromatch.
 */
export function fastMatcher(glob: string): PathMatcher | undefined {
  if (!glob.startsWith('**/')) return undefined;
  const rest = glob.slice(3);
  if (PLAIN.test(rest)) {
    if (rest.includes('/')) return undefined;
    return (path) => path === rest || path.endsWith(`/${rest}`);
  }
  if (rest.startsWith('*') && PLAIN.test(rest.slice(1)) && !rest.includes('/')) {
    const suffix = rest.slice(1);
    return (path) => path.slice(path.lastIndexOf('/') + 1).endsWith(suffix);
  }
  return undefined;
}

/**
 * Texts of which every path a glob matches contains at least one: for each alternative of its
 * braces, the longest run of literal characters outside wildcards, brackets and extglobs. A path
 * with none of them is a miss, told without compiling micromatch's regex (~25 us per glob, most
 * of a commit's glob work); a path with one still goes through the regex, so matching is
 * micromatch's exactly. undefined when some alternative has no literal run of 2+ characters, or
 * the glob is negated, escaped or has too many alternatives.
 */
export function requiredTexts(glob: string): string[] | undefined {
  if (glob.startsWith('!') || glob.includes('\\')) return undefined;
  const alternatives = expandBraces(glob);
  if (!alternatives) return undefined;
  const texts = new Set<string>();
  for (const alternative of alternatives) {
    let longest = '';
    for (const run of stripGroups(alternative).split(/[*?/()|+@!{}]+/)) if (run.length > longest.length) longest = run;
    if (longest.length < 2) return undefined;
    texts.add(longest);
  }
  // A text holding another is redundant in the "contains one of them" test.
  const all = [...texts];
  return all.filter((t) => !all.some((u) => u !== t && t.includes(u)));
}

const MAX_ALTERNATIVES = 64;

/** `a{b,c{d,e}}f` -> abf, acdf, acef; undefined for unbalanced braces, ranges ({1..3}) and {x}. */
function expandBraces(glob: string): string[] | undefined {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  const cuts: number[] = [open];
  let depth = 0;
  let close = -1;
  for (let i = open; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === ',' && depth === 1) cuts.push(i);
    else if (c === '}' && --depth === 0) close = i;
  }
  if (close < 0 || cuts.length === 1) return undefined;
  cuts.push(close);
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const expanded = expandBraces(glob.slice(0, open) + glob.slice(cuts[k]! + 1, cuts[k + 1]) + glob.slice(close + 1));
    if (!expanded || out.length + expanded.length > MAX_ALTERNATIVES) return undefined;
    out.push(...expanded);
  }
  return out;
}

const CLOSER: Record<string, string> = { '[': ']', '(': ')' };

/** The glob with every [...] and extglob (...) group, nested too, replaced by a wildcard. */
function stripGroups(glob: string): string {
  let out = '';
  const closers: string[] = [];
  for (const c of glob) {
    const closer = CLOSER[c];
    if (closer) {
      closers.push(closer);
      if (closers.length === 1) out += '*';
    } else if (closers.length && c === closers[closers.length - 1]) {
      closers.pop();
    } else if (!closers.length) {
      out += c;
    }
  }
  return out;
}

/** A predicate for repo-relative POSIX paths; dotfiles match like any other file. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((glob): PathMatcher => {
    const fast = fastMatcher(glob);
    if (fast) return fast;
    let re: RegExp | undefined;
    const known = precompiled?.[glob];
    const needles = known ? (known.texts ?? undefined) : requiredTexts(glob);
    if (needles) return (path) => needles.some((n) => path.includes(n)) && (re ??= makeRe(glob)).test(path);
    return (path) => (re ??= makeRe(glob)).test(path);
  });
  return (path) => matchers.some((m) => m(path));
}
