// Suppression that does not rot: a committed ignore list and a baseline, both keyed by the
// finding's fingerprint (sha256 of rule id and secret), so moving a line never re-opens a
// finding and no entry holds the secret itself.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type RepoFileReader } from './config.js';
import { compileGlobs, type PathMatcher } from './globs.js';
import type { Finding } from './types.js';

export const IGNORE_FILE = '.shipgate/ignore.json';
export const BASELINE_FILE = '.shipgate/baseline.json';

export interface IgnoreEntry {
  fingerprint: string;
  /** The rule the fingerprint was made for, for people reading the file. */
  rule?: string;
  /** Limits the entry to these path globs. */
  paths?: string[];
  reason: string;
}

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
}

export interface Suppressions {
  ignore: { entry: IgnoreEntry; matches: PathMatcher | undefined }[];
  baseline: Set<string>;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/** `read` takes the files from elsewhere than the working tree (a commit, for `scan --ref`). */
export function loadSuppressions(root: string, read?: RepoFileReader): Suppressions {
  return { ignore: loadIgnore(root, read), baseline: loadBaseline(root, read) };
}

function readJson(root: string, file: string, read?: RepoFileReader): unknown {
  let text: string;
  try {
    if (read) {
      const found = read(file);
      if (found === undefined) return undefined;
      text = found;
    } else {
      text = readFileSync(join(root, file), 'utf8');
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`is not valid JSON: ${(error as Error).message.slice(0, 120)}`]);
  }
}

function loadIgnore(root: string, read?: RepoFileReader): Suppressions['ignore'] {
  const value = readJson(root, IGNORE_FILE, read) as { ignore?: unknown } | undefined;
  if (value === undefined) return [];
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || !Array.isArray(value.ignore)) {
    throw new ConfigError(IGNORE_FILE, ['must be {"version": 1, "ignore": [...]}']);
  }
  const out: Suppressions['ignore'] = [];
  value.ignore.forEach((raw: unknown, i: number) => {
    const e = raw as Partial<IgnoreEntry>;
    if (typeof e !== 'object' || e === null) return void problems.push(`"ignore[${i}]" must be an object`);
    if (typeof e.fingerprint !== 'string' || !FINGERPRINT.test(e.fingerprint)) problems.push(`"ignore[${i}].fingerprint" must be 64 hex digits (from a report's "fingerprint")`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') problems.push(`"ignore[${i}].reason" must say why it is not a secret`);
    if (e.paths !== undefined && (!Array.isArray(e.paths) || e.paths.some((p) => typeof p !== 'string'))) problems.push(`"ignore[${i}].paths" must be an array of globs`);
    if (e.rule !== undefined && typeof e.rule !== 'string') problems.push(`"ignore[${i}].rule" must be a rule id`);
    out.push({ entry: e as IgnoreEntry, matches: e.paths?.length ? compileGlobs(e.paths) : undefined });
  });
  if (problems.length) throw new ConfigError(IGNORE_FILE, problems);
  return out;
}

function loadBaseline(root: string, read?: RepoFileReader): Set<string> {
  const value = readJson(root, BASELINE_FILE, read) as { findings?: unknown } | undefined;
  if (value === undefined) return new Set();
  if (typeof value !== 'object' || value === null || !Array.isArray(value.findings)) {
    throw new ConfigError(BASELINE_FILE, ['must be {"version": 1, "findings": [...]}; recreate it with `shipgate baseline`']);
  }
  const set = new Set<string>();
  value.findings.forEach((raw: unknown, i: number) => {
    const fp = (raw as { fingerprint?: unknown })?.fingerprint;
    if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) {
      throw new ConfigError(BASELINE_FILE, [`"findings[${i}].fingerprint" must be 64 hex digits; recreate the file with \`shipgate baseline\``]);
    }
    set.add(fp);
  });
  return set;
}

export interface SuppressionResult {
  kept: Finding[];
  ignored: number;
  baselined: number;
  /** Ignore entries that matched no finding in this run. */
  unused: IgnoreEntry[];
}

export function applySuppressions(findings: readonly Finding[], s: Suppressions): SuppressionResult {
  const used = new Set<IgnoreEntry>();
  const kept: Finding[] = [];
  let ignored = 0;
  let baselined = 0;
  for (const finding of findings) {
    const hit = s.ignore.find(
      ({ entry, matches }) =>
        entry.fingerprint === finding.fingerprint &&
        (entry.rule === undefined || entry.rule === finding.ruleId) &&
        (matches === undefined || matches(finding.file)),
    );
    if (hit) {
      used.add(hit.entry);
      ignored++;
    } else if (s.baseline.has(finding.fingerprint)) {
      baselined++;
    } else {
      kept.push(finding);
    }
  }
  return { kept, ignored, baselined, unused: s.ignore.map((i) => i.entry).filter((e) => !used.has(e)) };
}

export function baselineFile(findings: readonly Finding[]): string {
  const entries: BaselineEntry[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file });
  }
  return JSON.stringify({ version: 1, findings: entries }, null, 2) + '\n';
}
