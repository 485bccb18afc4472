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

/** A predicate for repo-relative POSIX paths; dotfiles match like any other file. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const regexes = globs.map(makeRe);
  return (path) => regexes.some((re) => re.test(path));
}
