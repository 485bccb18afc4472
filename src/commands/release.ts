// `shipgate release check [REF] | --tarball FILE` and `shipgate release approve [REF]`.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError, type OutputOptions } from '../args.js';
import { resolveCommit, showToplevel, tagExists } from '../git.js';
import { writeFd } from '../io.js';
import { plural } from '../messages.js';
import { writeApproved, readApproved, APPROVED_FILE } from '../release/approved.js';
import { screenPackage } from '../release/gate.js';
import { packageFromTarball } from '../release/package.js';
import { gateCommit, type GateResult } from '../release/run.js';
import { formatSummary, summarize } from '../release/summary.js';
import { emitReport } from '../report/emit.js';
import { applySuppressions } from '../suppress.js';
import { prepareRun, type RunContext } from './context.js';

export interface ReleaseCheck extends OutputOptions {
  ref?: string;
  tarball?: string;
}

/** A ref that names a tag, for the version check and the monorepo lookup. */
async function tagName(ref: string, root: string): Promise<string | undefined> {
  const name = ref.replace(/^refs\/tags\//, '');
  return (await tagExists(name, root)) ? name : undefined;
}

async function gateTarball(ctx: RunContext, file: string): Promise<GateResult> {
  const pkg = packageFromTarball(readFileSync(file), `tarball ${basename(file)}`);
  const t = performance.now();
  const baseline = readApproved(ctx.root, pkg.name);
  const findings = screenPackage(ctx.engine, ctx.engine, pkg, baseline, ctx.config, undefined);
  const summary = summarize(pkg, baseline, { screen: performance.now() - t });
  return { findings, releases: [{ lines: formatSummary(summary), data: summary }], packs: [pkg] };
}

async function gate(ctx: RunContext, ref: string | undefined, tarball: string | undefined): Promise<GateResult> {
  if (tarball) return gateTarball(ctx, tarball);
  const target = ref ?? 'HEAD';
  const commit = await resolveCommit(target, ctx.root);
  if (!commit) throw new UsageError(`release: "${target}" names no commit`, 'Give a tag, branch or commit, or --tarball FILE.');
  return gateCommit(ctx, commit, await tagName(target, ctx.root), { workingTree: true });
}

export async function releaseCheck(command: ReleaseCheck): Promise<number> {
  const root = await showToplevel();
  const ctx = prepareRun(root, 'release');
  const result = await gate(ctx, command.ref, command.tarball);
  const s = applySuppressions(result.findings, ctx.suppressions);
  const stats = { files: 0, lines: 0, bytes: 0, binaryFiles: 0, ignoredFiles: 0, rules: 0, suppressed: s.ignored + s.baselined, durationMs: 0 };
  return emitReport({ label: 'the release', findings: s.kept, skipped: ctx.skipped, stats, releases: result.releases }, command, 'release');
}

export async function releaseApprove(command: { ref?: string; tarball?: string }): Promise<number> {
  const root = await showToplevel();
  const ctx = prepareRun(root, 'release');
  const result = await gate(ctx, command.ref, command.tarball);
  const pkg = result.packs[0];
  if (!pkg) {
    for (const f of result.findings) writeFd(2, `shipgate: ${String(f.data['step'] ?? f.ruleId)}: ${String(f.data['error'] ?? '')}\n${String(f.data['tail'] ?? '')}\n`);
    writeFd(2, 'shipgate: nothing approved: the package could not be packed.\n');
    return 2;
  }
  writeApproved(root, pkg);
  const maps = pkg.files.filter((f) => f.path.endsWith('.map')).length;
  writeFd(1, [
    ...formatSummary(summarize(pkg, undefined, {})).slice(0, 1).map((l) => `shipgate: ${l}`),
    `shipgate: wrote ${APPROVED_FILE}: ${plural(pkg.files.length, 'file')}${maps ? `, ${plural(maps, 'source map')} approved as expected` : ''}.`,
    'Commit it: later release checks compare with it (new files, size growth, removed entry points).',
    '',
  ].join('\n'));
  return 0;
}
