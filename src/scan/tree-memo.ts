// A warm scan of an unchanged repository, in one read. A scan of the tracked files finds what the
// files hold, and when each regular file was read as exactly its index entry's blob (no clean or
// smudge filter made other bytes of it), what they hold is named by the index: the paths, modes
// and blob ids `git ls-files --stage` lists. So the merged result of such a scan is kept, beside
// the scan cache (src/scan/cache.ts, whose key it shares: the build, the rules, the file size
// limit), under a digest of that listing and of the config; a later scan whose listing and
// config give the same digest, and for which git lists no file differing from the index
// (`git ls-files --modified`), is that result. Any other scan goes file by file, through the cache.
//
// Like the cache it holds ids, counts and the findings' metadata (redacted matches,
// fingerprints), never content; one that cannot be read or written is passed over. With the
// findings it keeps their text in the JSON report (report/json.ts renderJsonFindings), which a
// JSON report of the kept result writes as it is.

import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Finding } from '../types.js';
import type { ScanStats } from './whole.js';

/** Bumped when the format or the meaning of a kept result changes. */
const FORMAT = 5;
const HEAD = `shipgate tree result ${FORMAT} `;

/** A tracked-files scan's merged result. */
export interface TreeResult {
  findings: Finding[];
  stats: ScanStats;
  total: number;
  /** What the scan said on stderr about its files (those over the size limit), said again. */
  notes: string[];
}

/**
 * As it is kept: each distinct `data` of the findings once, and each finding as a tuple with its
 * data's index. Findings of one rule share their data (the rule's name and where to revoke),
 * which was two thirds of the file: reading one 3,515 findings long took 7.5 ms, 3 ms this way;
 * as tuples, not objects with their keys, JSON.parse takes half as long again (2.5 -> 1.2 ms).
 */
interface KeptFile {
  data: Finding['data'][];
  findings: KeptFinding[];
  stats: ScanStats;
  total: number;
  notes: string[];
}

type KeptFinding = [Finding['ruleId'], Finding['severity'], string, number, number, string, number, string, string];

function toKept(f: Finding, data: number): KeptFinding {
  return [f.ruleId, f.severity, f.file, f.line, f.column, f.messageId, data, f.match, f.fingerprint];
}

function fromKept(k: KeptFinding, data: Finding['data']): Finding {
  return { ruleId: k[0], severity: k[1], file: k[2], line: k[3], column: k[4], messageId: k[5], data, match: k[7], fingerprint: k[8] };
}

let crypto: typeof import('node:crypto') | undefined;

/** The digest a kept result is found by: the index listing (`git ls-files -z --stage -v`) and the config. */
export function treeDigest(indexListing: Buffer, config: unknown): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(JSON.stringify(config)).update('\0').update(indexListing).digest('hex');
}

/** A kept result, the digest it was kept under, and its findings' text in the JSON report (UTF-8). */
export interface KeptTreeResult {
  digest: string;
  result: TreeResult;
  jsonFindings: Uint8Array;
}

/**
 * The result kept in `file`, if any. It is read before its digest can be checked: while git lists
 * the index (scan.ts), when the main thread has nothing else to do.
 */
export function readTreeResult(file: string): KeptTreeResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // none kept
  }
  const end = bytes.indexOf(0x0a);
  const head = end === -1 ? '' : bytes.toString('latin1', 0, end);
  if (!head.startsWith(HEAD)) return undefined; // another format
  const [digest = '', length = ''] = head.slice(HEAD.length).split(' ');
  const jsonEnd = end + 1 + Number(length);
  if (!/^[0-9]+$/.test(length) || jsonEnd > bytes.length) return undefined;
  try {
    const kept = JSON.parse(bytes.toString('latin1', end + 1, jsonEnd)) as Partial<KeptFile>;
    const { data, findings, stats, total, notes } = kept;
    if (!Array.isArray(data) || !Array.isArray(findings) || typeof stats !== 'object' || stats === null || typeof total !== 'number') return undefined;
    if (!Array.isArray(notes) || !notes.every((n) => typeof n === 'string')) return undefined;
    // Each distinct data frozen, and shared by its findings: what adds to a finding's data
    // replaces it with a copy (as src/release/gate.ts does); a change in place would throw.
    const shared = data.map((d) => (typeof d === 'object' && d !== null ? Object.freeze(d) : undefined));
    const read = findings.map((k) => {
      const d = Array.isArray(k) && k.length === 9 ? shared[k[6]] : undefined;
      if (typeof d !== 'object') throw new Error('damaged');
      return fromKept(k, d);
    });
    return { digest, result: { findings: read, stats, total, notes }, jsonFindings: bytes.subarray(jsonEnd) };
  } catch {
    return undefined; // damaged: the scan goes file by file, and keeps a new one
  }
}

/**
 * Keeps `result` in `file` under `digest` (written whole, then renamed into place), with its
 * findings' text in the JSON report.
 */
export function writeTreeResult(file: string, digest: string, result: TreeResult, jsonFindings: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const data: Finding['data'][] = [];
    const indexOf = new Map<string, number>();
    const findings = result.findings.map((f) => {
      const key = JSON.stringify(f.data);
      let index = indexOf.get(key);
      if (index === undefined) indexOf.set(key, (index = data.push(f.data) - 1));
      return toKept(f, index);
    });
    const kept: KeptFile = { data, findings, stats: result.stats, total: result.total, notes: result.notes };
    // In ASCII, characters beyond it escaped (the "…" of every redacted match): read as Latin-1,
    // a copy, where Node 20 decoded the UTF-8 at ~1 ns a byte (~1 ms of a warm scan).
    const json = JSON.stringify(kept).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(temp, Buffer.concat([Buffer.from(`${HEAD}${digest} ${json.length}\n${json}`, 'latin1'), Buffer.from(jsonFindings, 'utf8')]));
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    // The scan cache's own save says when .git/shipgate cannot be written.
  }
}
