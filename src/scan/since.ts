// `shipgate scan --since REF`: only what changed since REF. Deliberately simple: the working
// tree's tracked files against REF's tree, as `git diff REF` shows them (committed, staged and
// unstaged changes alike; untracked files are not part of it), through the push-stage rules:
// the added lines for secrets, and for config drift the files' before (REF's blob) and after
// (the working-tree file).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkingTreeDiff } from '../diff-parse.js';
import { wantsChange } from '../engine.js';
import { listTrackedFiles, readBlobs, readWorkingTreeDiff } from '../git.js';
import type { FileChange } from '../types.js';
import { check, type FinishedResult, type RunContext } from '../commands/context.js';
import { isBinary } from './jobs.js';

const ZERO = /^0+$/;

export async function scanSince(ctx: RunContext, commit: string, label: string): Promise<FinishedResult> {
  const root = ctx.root;
  const files = parseWorkingTreeDiff(await readWorkingTreeDiff(commit, root));
  const engine = ctx.engine;
  const wanted = engine.changes.length ? files.filter((f) => f.kind === 'file' && wantsChange(engine, f.path)) : [];
  let changes: FileChange[] = [];
  if (wanted.length) {
    const before = await readBlobs(wanted.map((f) => f.oldBlob).filter((id): id is string => id !== undefined && !ZERO.test(id)), root);
    const text = (bytes: Uint8Array | undefined): string | null => (bytes === undefined || isBinary(bytes) ? null : Buffer.from(bytes).toString('utf8'));
    const working = (path: string): string | null => {
      try {
        return text(readFileSync(join(root, path)));
      } catch {
        return null;
      }
    };
    const needsFiles = engine.changes.some((c) => c.rule.needsRepoFiles && wanted.some((f) => c.applies(f.path)));
    const repoFiles = needsFiles ? new Set(await listTrackedFiles(root)) : undefined;
    changes = wanted.map((f) => ({
      path: f.path,
      status: f.status,
      before: f.status === 'A' || !f.oldBlob || ZERO.test(f.oldBlob) ? null : text(before.get(f.oldBlob)),
      after: f.status === 'D' ? null : working(f.path),
      ...(repoFiles ? { repoFiles } : {}),
    }));
  }
  return check(ctx, { stage: 'push', label, files, changes });
}
