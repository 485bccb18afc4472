// Whole files from the filesystem, for `shipgate scan`: the tracked files of the working tree,
// or the paths given on the command line (which may be untracked, like node_modules).

import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ScanFile } from '../types.js';

/** Files larger than this are listed as skipped, not read. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadReport {
  files: ScanFile[];
  /** Paths not scanned, with why: too large, unreadable. */
  skipped: { path: string; reason: string }[];
}

/** git's rule: a NUL in the first 8000 bytes makes a file binary. */
export function looksBinary(head: Buffer): boolean {
  return head.subarray(0, 8000).includes(0);
}

/** Reads repo-relative paths under `root` as whole-file ScanFiles. */
export function readFiles(root: string, paths: readonly string[], maxBytes = DEFAULT_MAX_FILE_BYTES): ReadReport {
  const report: ReadReport = { files: [], skipped: [] };
  for (const path of paths) {
    const full = join(root, path);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      continue; // deleted in the working tree but still in the index: nothing to read
    }
    if (stat.isSymbolicLink()) {
      report.files.push({ path, status: 'A', kind: 'symlink', binary: false, chunks: [] });
      continue;
    }
    if (stat.isDirectory()) {
      // A gitlink (submodule) is a directory in the working tree.
      report.files.push({ path, status: 'A', kind: 'submodule', binary: false, chunks: [] });
      continue;
    }
    if (!stat.isFile()) continue;
    if (stat.size > maxBytes) {
      report.skipped.push({ path, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` });
      continue;
    }
    try {
      report.files.push(readOne(full, path, stat.size));
    } catch (error) {
      report.skipped.push({ path, reason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  return report;
}

function readOne(full: string, path: string, size: number): ScanFile {
  if (size > 8000) {
    const fd = openSync(full, 'r');
    try {
      const head = Buffer.alloc(8000);
      readSync(fd, head, 0, 8000, 0);
      if (looksBinary(head)) return { path, status: 'A', kind: 'file', binary: true, chunks: [] };
    } finally {
      closeSync(fd);
    }
  }
  const bytes = readFileSync(full);
  if (looksBinary(bytes)) return { path, status: 'A', kind: 'file', binary: true, chunks: [] };
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { path, status: 'A', kind: 'file', binary: false, chunks: text ? [{ startLine: 1, text }] : [] };
}

/** Every file below the given paths (files or folders), relative to `root`, .git folders left out. */
export function walkPaths(root: string, paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (full: string): void => {
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (name === '.git') continue;
        visit(join(full, name));
      }
    } else {
      out.push(relative(root, full).split(sep).join('/'));
    }
  };
  for (const path of paths) visit(join(root, path));
  return out;
}
