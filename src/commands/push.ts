// The pre-push check: every commit the remote does not have yet, each commit's added lines
// through the push-stage rules, so a secret added in one commit and removed in a later one
// still blocks; and for a pushed release tag, the release gate. Reads git objects only.

import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputOptions } from '../args.js';
import { parseStagedDiff } from '../diff-parse.js';
import { commonGitDir, hasCommit, listNewCommits, readCommitDiff, resolveCommit } from '../git.js';
import { readAllStdin } from '../io.js';
import { plural } from '../messages.js';
import { parsePushInput, type RefUpdate } from '../push-input.js';
import { emitReport } from '../report/emit.js';
import { rescueBinaries } from '../sources/binary.js';
import { collectChanges } from '../sources/changes.js';
import type { Finding, ScanResult } from '../types.js';
import { check, prepareRun, type RunContext } from './context.js';

export async function checkPush(command: { remote: string } & OutputOptions): Promise<number> {
  const updates = parsePushInput(await readStdin()).filter((u) => !u.deletion);
  if (updates.length === 0) return 0;
  const root = process.cwd();
  const ctx = prepareRun(root, 'push');
  const cache = await openCache(root, ctx);

  const commits = new Set<string>();
  for (const update of updates) {
    const exclude = [`--remotes=${command.remote}`];
    if (!update.creation && (await hasCommit(update.remoteSha, root))) exclude.push(update.remoteSha);
    for (const commit of await listNewCommits(update.localSha, exclude, root)) commits.add(commit);
  }
  const findings: Finding[] = [];
  const total: ScanResult['stats'] = { files: 0, lines: 0, bytes: 0, binaryFiles: 0, ignoredFiles: 0, rules: 0, suppressed: 0, durationMs: 0 };
  let checked = 0;
  for (const commit of commits) {
    if (cache.has(commit)) continue;
    checked++;
    const files = parseStagedDiff(await readCommitDiff(commit, root));
    await rescueBinaries(files, root);
    const changes = await collectChanges(ctx.engine, files, root, { tree: commit });
    const result = check(ctx, { stage: 'push', label: '', files, changes });
    for (const f of result.findings) f.data = { ...f.data, commit: commit.slice(0, 12) };
    findings.push(...result.findings);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += key === 'rules' ? 0 : result.stats[key];
    total.rules = result.stats.rules;
    if (!result.findings.some((f) => f.severity === 'error')) cache.add(commit);
  }
  cache.save();

  const releases: NonNullable<ScanResult['releases']> = [];
  const tags = updates.filter((u) => u.remoteRef.startsWith('refs/tags/'));
  if (tags.length) {
    const released = await gateTags(root, tags);
    findings.push(...released.findings);
    releases.push(...released.releases);
  }
  const cachedNote = commits.size > checked ? ` (${commits.size - checked} already checked)` : '';
  return emitReport(
    { label: `${plural(commits.size, 'pushed commit')}${cachedNote}`, findings, skipped: ctx.skipped, stats: total, releases },
    command, 'push',
  );
}

/** Release tags among the pushed refs go through the release gate, lazily loaded. */
async function gateTags(root: string, tags: RefUpdate[]): Promise<{ findings: Finding[]; releases: NonNullable<ScanResult['releases']> }> {
  const ctx = prepareRun(root, 'release');
  const { isReleaseTag } = await import('../release/gate.js');
  const { gateCommit } = await import('../release/run.js');
  const { applySuppressions } = await import('../suppress.js');
  const out = { findings: [] as Finding[], releases: [] as NonNullable<ScanResult['releases']> };
  for (const update of tags) {
    const tag = update.remoteRef.slice('refs/tags/'.length);
    if (!isReleaseTag(tag, ctx.config.release.tagPattern)) continue;
    // Annotated tags are peeled to their commit; a tag pushed after its commit is still gated.
    const commit = await resolveCommit(update.localSha, root);
    if (!commit) continue;
    const result = await gateCommit(ctx, commit, tag, { workingTree: true });
    out.findings.push(...applySuppressions(result.findings, ctx.suppressions).kept);
    out.releases.push(...result.releases);
  }
  return out;
}

async function readStdin(): Promise<string> {
  // A require, not import(): the CommonJS bundle bin.cts loads cannot run import().
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  if (isatty(0)) return '';
  return (await readAllStdin()).toString('utf8');
}

interface CommitCache {
  has: (commit: string) => boolean;
  add: (commit: string) => void;
  save: () => void;
}

/**
 * Commits already found clean, under .git/shipgate/, keyed by a hash of the rules, their
 * severities and the suppression files, so a re-push is instant and a rule change rechecks.
 * Holds commit ids only. A cache that cannot be written is skipped.
 */
async function openCache(root: string, ctx: RunContext): Promise<CommitCache> {
  const key = createHash('sha256')
    .update(JSON.stringify([
      ctx.engine.content.map((c) => [c.rule.id, c.rule.severity, c.rule.pattern.source]),
      ctx.engine.files.map((c) => [c.rule.id, c.rule.severity]),
      ctx.engine.changes.map((c) => [c.rule.id, c.rule.severity]),
      ctx.config, [...ctx.suppressions.baseline], ctx.suppressions.ignore.map((i) => i.entry),
    ]))
    .digest('hex')
    .slice(0, 16);
  let file = '';
  let known = new Set<string>();
  const added: string[] = [];
  try {
    file = join(await commonGitDir(root), 'shipgate', `push-checked-${key}`);
    known = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    // no cache yet
  }
  return {
    has: (commit) => known.has(commit),
    add: (commit) => added.push(commit),
    save: () => {
      if (!file || added.length === 0) return;
      try {
        mkdirSync(join(file, '..'), { recursive: true });
        if (known.size === 0) writeFileSync(file, added.join('\n') + '\n');
        else appendFileSync(file, added.join('\n') + '\n');
      } catch {
        // read-only .git: no cache, same result
      }
    },
  };
}
