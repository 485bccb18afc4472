// The pre-commit check, also run by hand as `shipgate scan --staged`: the staged change's added
// lines and new paths through the commit-stage rules.

import type { OutputOptions } from '../args.js';
import { loadConfig } from '../config.js';
import { parseStagedDiff } from '../diff-parse.js';
import { createEngine, runEngine, selectRules } from '../engine.js';
import { readStagedDiff, showToplevel } from '../git.js';
import { compileGlobs } from '../globs.js';
import { emitReport } from '../report/emit.js';
import { skippedRuleIds } from '../skip.js';
import { rules } from '../../rules/index.js';

export interface StagedSource {
  /** The repository root; asked of git when absent. */
  root?: string;
  /** The staged diff, when the caller already started reading it. */
  diff?: Promise<Buffer>;
}

export async function checkStaged(options: OutputOptions, source: StagedSource): Promise<number> {
  const root = source.root ?? (await showToplevel());
  const diff = source.diff ?? readStagedDiff(root);
  const { config, warnings } = loadConfig(root, new Set(rules.keys()));
  for (const warning of warnings) process.stderr.write(`shipgate: warning: ${warning}\n`);
  const skipIds = skippedRuleIds();
  const selection = selectRules(rules.values(), 'commit', config.rules, skipIds);
  for (const id of skipIds) {
    if (!rules.has(id)) process.stderr.write(`shipgate: warning: SHIPGATE_SKIP names "${id}", which is not a rule\n`);
  }
  const engine = createEngine(selection.rules);
  const files = parseStagedDiff(await diff);
  const result = runEngine(
    engine,
    { stage: 'commit', label: 'staged changes', files },
    { skipped: selection.skipped, ...(config.ignore.length ? { isIgnored: compileGlobs(config.ignore) } : {}) },
  );
  return emitReport(result, options, 'commit');
}
