// One release screened end to end: pack the commit (and the working tree when it is at that
// commit), compare with the baseline, run the package rules. A pack that cannot be made is a
// blocking finding, never a pass.

import type { RunContext } from '../commands/context.js';
import { fingerprintOf } from '../findings.js';
import { resolveCommit } from '../git.js';
import type { Finding, PackedPackage } from '../types.js';
import { findBaseline, locatePackage, packCommit, packWorkingTree, ReleaseError, screenPackage, type Phases } from './gate.js';
import { formatSummary, summarize } from './summary.js';

export interface GateResult {
  findings: Finding[];
  releases: { lines: string[]; data: object }[];
  /** The packs made, for `release approve`. */
  packs: PackedPackage[];
}

function packFailure(step: string, error: Error, origin: string): Finding {
  const tail = error instanceof ReleaseError ? error.tail : '';
  return {
    ruleId: 'release-pack', severity: 'error', file: 'package.json', line: 0, column: 0,
    messageId: 'release-pack-failed', data: { step, error: error.message, tail: tail || '(no output)', pack: origin },
    match: step, fingerprint: fingerprintOf('release-pack', `${origin}\0${step}`),
  };
}

export async function gateCommit(
  ctx: RunContext, commit: string, tag: string | undefined, options: { workingTree: boolean },
): Promise<GateResult> {
  const result: GateResult = { findings: [], releases: [], packs: [] };
  const origin = tag ? `tagged commit ${tag}` : `commit ${commit.slice(0, 12)}`;
  let location;
  try {
    location = await locatePackage(ctx.root, commit, tag);
  } catch (error) {
    result.findings.push(packFailure('finding the package', error as Error, origin));
    return result;
  }
  const screen = async (make: () => Promise<{ pkg: PackedPackage; phases: Phases }>, label: string): Promise<void> => {
    let packed;
    try {
      packed = await make();
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error;
      result.findings.push(packFailure(error.step, error, label));
      return;
    }
    const t = performance.now();
    const baseline = await findBaseline(ctx.root, packed.pkg, location, ctx.config, tag);
    const findings = screenPackage(ctx.engine, ctx.engine, packed.pkg, baseline, ctx.config, tag);
    const phases = { ...packed.phases, screen: performance.now() - t } as Record<string, number>;
    const summary = summarize(packed.pkg, baseline, phases);
    result.findings.push(...findings);
    result.releases.push({ lines: formatSummary(summary), data: summary });
    result.packs.push(packed.pkg);
  };
  await screen(() => packCommit(ctx.root, commit, location, ctx.config, origin), origin);
  if (options.workingTree && (await resolveCommit('HEAD', ctx.root)) === commit) {
    // Releases are often published by hand from this checkout: what `npm publish` here would
    // ship, untracked files included.
    await screen(() => packWorkingTree(ctx.root, location, ctx.config), 'working tree');
  }
  return result;
}
