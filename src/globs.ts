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
declare const __SHIPGATE_GLOBS__: Record<string, { source: string; flags: string }> | undefined;
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
 * Text every path a glob matches contains: the longest run of literal characters outside
 * wildcards, braces, brackets and extglobs. A path without it is a miss, told without compiling
 * micromatch's regex, which costs ~25 us per glob, most of a commit's glob work. undefined when
 * the glob has no such run of 2+ characters, or is negated or escaped.
 */
export function requiredText(glob: string): string | undefined {
  if (glob.startsWith('!') || glob.includes('\\')) return undefined;
  let longest = '';
  for (const run of stripGroups(glob).split(/[*?/()|+@!]+/)) if (run.length > longest.length) longest = run;
  return longest.length >= 2 ? longest : undefined;
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** The glob with every {...}, [...] and extglob (...) group, nested too, replaced by a wildcard. */
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
    const needle = requiredText(glob);
    if (needle) return (path) => path.includes(needle) && (re ??= makeRe(glob)).test(path);
    return (path) => (re ??= makeRe(glob)).test(path);
  });
  return (path) => matchers.some((m) => m(path));
}
