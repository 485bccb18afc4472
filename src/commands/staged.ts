// The pre-commit check, also run by hand as `shipgate scan --staged`: the staged change's added
// lines and new paths through the commit-stage rules.

import type { OutputOptions } from '../args.js';
import { parseStagedDiff } from '../diff-parse.js';
import { readStagedDiff, showToplevel } from '../git.js';
import { emitReport } from '../report/emit.js';
import { rescueBinaries } from '../sources/binary.js';
import { collectChanges } from '../sources/changes.js';
import { check, prepareRun } from './context.js';

export interface StagedSource {
  /** The repository root; asked of git when absent. */
  root?: string;
  /** The staged diff, when the caller already started reading it. */
  diff?: Promise<Buffer>;
}

export async function checkStaged(options: OutputOptions, source: StagedSource): Promise<number> {
  const root = source.root ?? (await showToplevel());
  const diff = source.diff ?? readStagedDiff(root);
  const ctx = prepareRun(root, 'commit');
  const files = parseStagedDiff(await diff);
  await rescueBinaries(files, root);
  const changes = await collectChanges(ctx.engine, files, root);
  return emitReport(check(ctx, { stage: 'commit', label: 'staged changes', files, changes }), options, 'commit');
}
