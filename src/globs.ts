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

/** A predicate for repo-relative POSIX paths; dotfiles match like any other file. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((glob) => {
    const fast = fastMatcher(glob);
    if (fast) return fast;
    let re: RegExp | undefined;
    return (path: string) => (re ??= makeRe(glob)).test(path);
  });
  return (path) => matchers.some((m) => m(path));
}
