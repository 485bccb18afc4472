// `shipgate scan`: the rules over whole files — the tracked files of the working tree, or the
// paths given (which need not be tracked: a node_modules folder, a build output).

import { UsageError, type Command, type OutputOptions } from '../args.js';
import { listTrackedFiles, showToplevel } from '../git.js';
import { writeFd } from '../io.js';
import { plural } from '../messages.js';
import { emitReport } from '../report/emit.js';
import { readFiles, walkPaths } from '../sources/files.js';
import { check, prepareRun, type FinishedResult } from './context.js';

export async function scanFiles(
  paths: readonly string[], cwd = process.cwd(), options: { withoutBaseline?: boolean } = {},
): Promise<FinishedResult> {
  const root = paths.length ? cwd : await showToplevel(cwd);
  const ctx = prepareRun(root, 'scan');
  if (options.withoutBaseline) ctx.suppressions.baseline.clear();
  const list = paths.length ? walkPaths(root, paths) : await listTrackedFiles(root);
  const { files, skipped } = readFiles(root, list);
  for (const s of skipped) writeFd(2, `shipgate: not scanned: ${s.path} (${s.reason})\n`);
  const label = paths.length ? paths.join(', ') : 'tracked files';
  return check(ctx, { stage: 'scan', label, files });
}

export type ScanCommand = Extract<Command, { name: 'scan' }>;

export async function runScan(command: ScanCommand): Promise<number> {
  if (command.mode !== 'tracked' && command.mode !== 'paths') {
    throw new UsageError(`scan --${command.mode} is not available yet`, "Run 'shipgate scan --help'.");
  }
  const options: OutputOptions = command;
  const result = await scanFiles(command.paths);
  for (const entry of result.unusedIgnores) {
    writeFd(2, `shipgate: unused entry in .shipgate/ignore.json: ${entry.fingerprint.slice(0, 12)}… (${entry.rule ?? 'any rule'}: ${entry.reason}); remove it if the secret is gone\n`);
  }
  if (result.unusedIgnores.length) writeFd(2, `shipgate: ${plural(result.unusedIgnores.length, 'ignore entry', 'ignore entries')} matched nothing\n`);
  return emitReport(result, options, 'scan');
}
