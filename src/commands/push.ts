// The pre-push check: every commit the remote does not have yet, each commit's added lines
// through the push-stage rules, so a secret added in one commit and removed in a later one
// still blocks. Reads git objects only.

import type { OutputOptions } from '../args.js';
import { parseStagedDiff } from '../diff-parse.js';
import { hasCommit, listNewCommits, readCommitDiff } from '../git.js';
import { parsePushInput } from '../push-input.js';
import { plural } from '../messages.js';
import { emitReport } from '../report/emit.js';
import { readAllStdin } from '../io.js';
import type { FileChange, ScanFile } from '../types.js';
import { collectChanges } from '../sources/changes.js';
import { check, prepareRun } from './context.js';

export async function checkPush(command: { remote: string } & OutputOptions): Promise<number> {
  const input = await readStdin();
  const updates = parsePushInput(input).filter((u) => !u.deletion);
  if (updates.length === 0) return 0;
  const root = process.cwd();
  const ctx = prepareRun(root, 'push');

  const commits = new Set<string>();
  for (const update of updates) {
    const exclude = [`--remotes=${command.remote}`];
    if (!update.creation && (await hasCommit(update.remoteSha, root))) exclude.push(update.remoteSha);
    for (const commit of await listNewCommits(update.localSha, exclude, root)) commits.add(commit);
  }
  const files: ScanFile[] = [];
  const changes: FileChange[] = [];
  for (const commit of commits) {
    const commitFiles = parseStagedDiff(await readCommitDiff(commit, root));
    files.push(...commitFiles);
    changes.push(...(await collectChanges(ctx.engine, commitFiles, root, commit)));
  }
  const result = check(ctx, { stage: 'push', label: plural(commits.size, 'pushed commit'), files, changes });
  return emitReport(result, command, 'push');
}

async function readStdin(): Promise<string> {
  const { isatty } = await import('node:tty');
  if (isatty(0)) return '';
  return (await readAllStdin()).toString('utf8');
}
