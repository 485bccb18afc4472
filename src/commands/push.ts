// The pre-push check: every commit the remote does not have yet, each commit's added lines
// through the push-stage rules, so a secret added in one commit and removed in a later one
// still blocks. Reads git objects only.

import type { OutputOptions } from '../args.js';
import { loadConfig } from '../config.js';
import { parseStagedDiff } from '../diff-parse.js';
import { createEngine, runEngine, selectRules } from '../engine.js';
import { hasCommit, listNewCommits, readCommitDiff } from '../git.js';
import { compileGlobs } from '../globs.js';
import { parsePushInput } from '../push-input.js';
import { plural } from '../messages.js';
import { emitReport } from '../report/emit.js';
import { skippedRuleIds } from '../skip.js';
import type { ScanFile } from '../types.js';
import { rules } from '../../rules/index.js';

export async function checkPush(command: { remote: string } & OutputOptions): Promise<number> {
  const input = await readStdin();
  const updates = parsePushInput(input).filter((u) => !u.deletion);
  if (updates.length === 0) return 0;
  const root = process.cwd();
  const { config, warnings } = loadConfig(root, new Set(rules.keys()));
  for (const warning of warnings) process.stderr.write(`shipgate: warning: ${warning}\n`);
  const selection = selectRules(rules.values(), 'push', config.rules, skippedRuleIds());
  const engine = createEngine(selection.rules);

  const commits = new Set<string>();
  for (const update of updates) {
    const exclude = [`--remotes=${command.remote}`];
    if (!update.creation && (await hasCommit(update.remoteSha, root))) exclude.push(update.remoteSha);
    for (const commit of await listNewCommits(update.localSha, exclude, root)) commits.add(commit);
  }
  const files: ScanFile[] = [];
  for (const commit of commits) files.push(...parseStagedDiff(await readCommitDiff(commit, root)));
  const result = runEngine(
    engine,
    { stage: 'push', label: plural(commits.size, 'pushed commit'), files },
    { skipped: selection.skipped, ...(config.ignore.length ? { isIgnored: compileGlobs(config.ignore) } : {}) },
  );
  return emitReport(result, command, 'push');
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
