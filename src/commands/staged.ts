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

export async function checkStaged(options: OutputOptions, inHook: boolean): Promise<number> {
  // git runs hooks from the top of the working tree (githooks(5)); by hand we ask.
  const root = inHook ? process.cwd() : await showToplevel();
  const diff = readStagedDiff(root);
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
