// Before/after of the changed files that change rules apply to, read from git objects by blob
// id (the index and HEAD for a commit, a commit and its parent for a push). Only those blobs
// are read: a commit that touches no config costs nothing here.

import { wantsChange, type Engine } from '../engine.js';
import { readBlobs } from '../git.js';
import type { FileChange, ScanFile } from '../types.js';

const ZERO = /^0+$/;

export async function collectChanges(engine: Engine, files: readonly ScanFile[], cwd: string): Promise<FileChange[]> {
  if (engine.changes.length === 0) return [];
  const wanted = files.filter((f) => f.kind === 'file' && wantsChange(engine, f.path));
  if (wanted.length === 0) return [];
  const present = (id: string | undefined): id is string => id !== undefined && !ZERO.test(id);
  const ids = wanted.flatMap((f) => [f.oldBlob, f.blob].filter(present));
  const blobs = await readBlobs(ids, cwd);
  const text = (id: string | undefined): string | null => {
    if (!present(id)) return null;
    const bytes = blobs.get(id);
    return bytes === undefined || bytes.subarray(0, 8000).includes(0) ? null : bytes.toString('utf8');
  };
  return wanted.map((f) => ({
    path: f.path,
    status: f.status,
    before: f.status === 'A' ? null : text(f.oldBlob),
    after: f.status === 'D' ? null : text(f.blob),
  }));
}
