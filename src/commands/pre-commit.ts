// The pre-commit hook's command: the staged diff, piped in by the hook stub or read from git,
// through the commit-stage rules. Shared by the full CLI and the hook's fast bundle (precommit.ts).

import type { OutputOptions } from '../args.js';
import { splitPipedDiff } from '../diff-parse.js';
import { GitError, readStagedDiff } from '../git.js';
import { readAllStdin } from '../io.js';
import { hooksDisabled, reportHookSkipped } from '../skip.js';
import { checkStaged } from './staged.js';

export async function runPreCommit(command: { diffStdin: boolean } & OutputOptions): Promise<number> {
  if (hooksDisabled()) return reportHookSkipped('pre-commit');
  // git runs hooks from the top of the working tree (githooks(5)). Start reading the staged
  // diff first, so git works while the rules load.
  const root = process.cwd();
  const diff = command.diffStdin ? readPipedDiff() : readStagedDiff(root);
  diff.catch(() => undefined); // awaited, and reported, by checkStaged
  return checkStaged(command, { root, diff });
}

/** The diff the hook stub pipes in, checked for git's exit status at its end. */
async function readPipedDiff(): Promise<Buffer> {
  const { diff, status } = splitPipedDiff(await readAllStdin());
  if (status === 0) return diff;
  throw new GitError(['diff', '--cached'], status ?? null, status === undefined ? 'the staged diff piped in by the hook was cut short' : 'see its message above');
}
