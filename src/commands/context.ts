// What every checking command sets up the same way: config, rules for the stage, skips,
// ignore globs and the committed suppressions; and how a raw engine result is finished.

import { loadConfig, type Config, type RepoFileReader } from '../config.js';
import { createEngine, runEngine, selectRules, type Engine } from '../engine.js';
import { compileGlobs, type PathMatcher } from '../globs.js';
import { writeFd } from '../io.js';
import { skippedRuleIds } from '../skip.js';
import { applySuppressions, loadSuppressions, type IgnoreEntry, type Suppressions } from '../suppress.js';
import type { ScanInput, ScanResult, SkippedRule, Stage } from '../types.js';
import { rules } from '../../rules/index.js';

export interface RunContext {
  root: string;
  config: Config;
  engine: Engine;
  skipped: SkippedRule[];
  suppressions: Suppressions;
  /** The config's ignore globs, compiled once per run (a push checks many commits). */
  isIgnored?: PathMatcher;
}

/** `read` takes the config and suppression files from elsewhere than the working tree (`scan --ref`). */
export function prepareRun(root: string, stage: Stage, read?: RepoFileReader): RunContext {
  const { config, warnings } = loadConfig(root, new Set(rules.keys()), read);
  for (const warning of warnings) writeFd(2, `shipgate: warning: ${warning}\n`);
  const skipIds = skippedRuleIds();
  for (const id of skipIds) {
    if (!rules.has(id)) writeFd(2, `shipgate: warning: SHIPGATE_SKIP names "${id}", which is not a rule\n`);
  }
  const selection = selectRules(rules.values(), stage, config.rules, skipIds);
  return {
    root, config, engine: createEngine(selection.rules), skipped: selection.skipped, suppressions: loadSuppressions(root, read),
    ...(config.ignore.length ? { isIgnored: compileGlobs(config.ignore) } : {}),
  };
}

export interface FinishedResult extends ScanResult {
  unusedIgnores: IgnoreEntry[];
}

/** Runs the engine, then the ignore list and the baseline. */
export function check(ctx: RunContext, input: ScanInput): FinishedResult {
  return suppress(ctx, runEngine(ctx.engine, input, { skipped: ctx.skipped, ...(ctx.isIgnored ? { isIgnored: ctx.isIgnored } : {}) }));
}

/** `result` with the ignore list and the baseline applied: the findings kept, the others counted. */
export function suppress<R extends ScanResult>(ctx: RunContext, result: R): R & FinishedResult {
  const s = applySuppressions(result.findings, ctx.suppressions);
  return {
    ...result,
    findings: s.kept,
    stats: { ...result.stats, suppressed: result.stats.suppressed + s.ignored + s.baselined },
    unusedIgnores: s.unused,
  };
}
