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

/** A predicate for repo-relative POSIX paths; dotfiles match like any other file. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const regexes = globs.map((glob) => load().makeRe(glob, { dot: true }));
  return (path) => regexes.some((re) => re.test(path));
}
