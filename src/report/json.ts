// The machine-readable report (DESIGN.md: "JSON"). `match` is already redacted in the finding.

import { formatMessage } from '../messages.js';
import type { Finding, ScanResult } from '../types.js';

/** Reports made ahead by prepareJson: the text around the findings, the findings' own, and what their result held then. */
const early = new WeakMap<ScanResult, { around: string; findings: string | Uint8Array; key: string }>();
const DURATION = '"durationMs": ';
/** Where the findings go in the text made around them: the one number in it before "skipped". */
const FINDINGS = '"findings": 0';

/**
 * Makes the report of `result` ahead, while the caller waits on something else: a warm scan has
 * its kept result while git lists the index, and the report is written once git says it stands.
 * formatJson of the same result, unchanged but for its duration, is then this text with the
 * duration put in. `rendered`: its findings as renderJsonFindings made them when they were kept
 * (src/scan/tree-memo.ts), which stand for the result's if none of those was taken out since;
 * made again, they were ~5 ms of a warm scan's 45 with 3,515 findings (3 to make, 1.6 to encode).
 */
export function prepareJson(result: ScanResult, rendered?: { count: number; text: Uint8Array }): void {
  const findings = rendered && rendered.count === result.findings.length ? rendered.text : renderJsonFindings(result.findings);
  early.set(result, { around: renderAround(result), findings, key: keyOf(result) });
}

/** The report; made ahead, it is bytes, its findings as they were kept. */
export function formatJson(result: ScanResult): string | Uint8Array {
  const made = early.get(result);
  if (!made || made.key !== keyOf(result)) return joinAround(renderAround(result), renderJsonFindings(result.findings));
  // The duration is the last one in the text: stats come last, and a string holds `"` escaped.
  const at = made.around.lastIndexOf(DURATION) + DURATION.length;
  let end = at;
  while (made.around.charCodeAt(end) >= 48 && made.around.charCodeAt(end) <= 57) end++;
  return joinAround(made.around.slice(0, at) + String(Math.round(result.stats.durationMs)) + made.around.slice(end), made.findings);
}

/** What a report made ahead depends on, but for the findings' contents (which nothing changes) and the duration. */
function keyOf(result: ScanResult): string {
  return JSON.stringify([result.findings.length, result.skipped, result.releases ?? null, { ...result.stats, durationMs: 0 }]);
}

/** The report but for its findings, whose place holds a 0. */
function renderAround(result: ScanResult): string {
  return JSON.stringify(
    {
      version: 1,
      findings: 0,
      skipped: result.skipped,
      ...(result.releases ? { releases: result.releases.map((r) => r.data) } : {}),
      stats: { ...result.stats, durationMs: Math.round(result.stats.durationMs) },
    },
    null,
    2,
  ) + '\n';
}

function joinAround(around: string, findings: string | Uint8Array): string | Uint8Array {
  const at = around.indexOf(FINDINGS) + FINDINGS.length - 1;
  if (typeof findings === 'string') return around.slice(0, at) + findings + around.slice(at + 1);
  return Buffer.concat([Buffer.from(around.slice(0, at), 'latin1'), findings, Buffer.from(around.slice(at + 1), 'utf8')]);
}

/**
 * The findings as the JSON report has them: their array's text, indented for its place in the
 * report (JSON.stringify's own indentation, one level in; a string never holds a raw newline).
 */
export function renderJsonFindings(findings: readonly Finding[]): string {
  // A kept result's findings of one rule share their data (src/scan/tree-memo.ts): each message
  // is made once for them (~2 ms of a warm scan with 3,515 findings, run before V8 compiles it).
  const made = new Map<Finding['data'], { messageId: string; message: string }>();
  const messageOf = (f: Finding): string => {
    const last = made.get(f.data);
    if (last?.messageId === f.messageId) return last.message;
    const message = formatMessage(f).message;
    made.set(f.data, { messageId: f.messageId, message });
    return message;
  };
  const listed = findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    message: messageOf(f),
    fingerprint: f.fingerprint,
    match: f.match,
    ...(f.data['pack'] ? { pack: f.data['pack'] } : {}),
  }));
  return JSON.stringify(listed, null, 2).replace(/\n/g, '\n  ');
}
