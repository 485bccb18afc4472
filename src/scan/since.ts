// `shipgate scan --since REF`: only what changed since REF. Deliberately simple: the working
// tree's tracked files against REF's tree, as `git diff REF` shows them (committed, staged and
// unstaged changes alike; untracked files are not part of it), through the push-stage rules:
// the added lines for secrets, and for config drift the files' before (REF's blob) and after
// (the working-tree file).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkingTreeDiff } from '../diff-parse.js';
import { readWorkingTreeDiff } from '../git.js';
import { collectChanges } from '../sources/changes.js';
import { check, type FinishedResult, type RunContext } from '../commands/context.js';

export async function scanSince(ctx: RunContext, commit: string, label: string): Promise<FinishedResult> {
  const root = ctx.root;
  const files = parseWorkingTreeDiff(await readWorkingTreeDiff(commit, root));
  const changes = await collectChanges(ctx.engine, files, root, {
    readAfter: (path) => {
      try {
        return readFileSync(join(root, path));
      } catch {
        return undefined; // deleted meanwhile, or unreadable: no after side
      }
    },
  });
  return check(ctx, { stage: 'push', label, files, changes });
}
