// Before/after of the changed files that change rules apply to, read from git objects by blob
// id (the index and HEAD for a commit, a commit and its parent for a push). Only those blobs
// are read: a commit that touches no config costs nothing here.

import { wantsChange, type Engine } from '../engine.js';
import { listTrackedFiles, listTreeFiles, readBlobs } from '../git.js';
import type { FileChange, ScanFile } from '../types.js';

const ZERO = /^0+$/;

export interface ChangeSources {
  /**
   * The tree after the change, for rules that need to know which files exist: the index
   * (undefined) for a commit, the commit itself for a push.
   */
  tree?: string;
  /** The after side from elsewhere than git objects: the working tree, for `scan --since`. */
  readAfter?: (path: string) => Uint8Array | undefined;
}

export async function collectChanges(engine: Engine, files: readonly ScanFile[], cwd: string, sources: ChangeSources = {}): Promise<FileChange[]> {
  if (engine.changes.length === 0) return [];
  const wanted = files.filter((f) => f.kind === 'file' && wantsChange(engine, f.path));
  if (wanted.length === 0) return [];
  const { tree, readAfter } = sources;
  const present = (id: string | undefined): id is string => id !== undefined && !ZERO.test(id);
  const ids = wanted.flatMap((f) => (readAfter ? [f.oldBlob] : [f.oldBlob, f.blob]).filter(present));
  const blobs = await readBlobs(ids, cwd);
  const decode = (bytes: Uint8Array | undefined): string | null =>
    bytes === undefined || bytes.subarray(0, 8000).includes(0) ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const text = (id: string | undefined): string | null => (present(id) ? decode(blobs.get(id)) : null);
  const needsFiles = engine.changes.some((c) => c.rule.needsRepoFiles && wanted.some((f) => c.applies(f.path)));
  const repoFiles = needsFiles ? new Set(tree ? await listTreeFiles(tree, cwd) : await listTrackedFiles(cwd)) : undefined;
  return wanted.map((f) => ({
    path: f.path,
    status: f.status,
    before: f.status === 'A' ? null : text(f.oldBlob),
    after: f.status === 'D' ? null : readAfter ? decode(readAfter(f.path)) : text(f.blob),
    ...(repoFiles ? { repoFiles } : {}),
  }));
}
