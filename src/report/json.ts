// The machine-readable report (DESIGN.md: "JSON"). `match` is already redacted in the finding.

import { formatMessage } from '../messages.js';
import type { Finding, ScanResult } from '../types.js';

/** Reports made ahead by prepareJson, and what their result held then. */
const early = new WeakMap<ScanResult, { text: string; key: string }>();
const DURATION = '"durationMs": ';

/**
 * Makes the report of `result` ahead, while the caller waits on something else: a warm scan has
 * its kept result while git lists the index, and the report is written once git says it stands
 * (~5 ms of a warm scan's 50 with 3,515 findings). formatJson of the same result, unchanged but
 * for its duration, is then this text with the duration put in.
 */
export function prepareJson(result: ScanResult): void {
  early.set(result, { text: render(result), key: keyOf(result) });
}

export function formatJson(result: ScanResult): string {
  const made = early.get(result);
  if (!made || made.key !== keyOf(result)) return render(result);
  // The duration is the last one in the text: stats come last, and a string holds `"` escaped.
  const at = made.text.lastIndexOf(DURATION) + DURATION.length;
  let end = at;
  while (made.text.charCodeAt(end) >= 48 && made.text.charCodeAt(end) <= 57) end++;
  return made.text.slice(0, at) + String(Math.round(result.stats.durationMs)) + made.text.slice(end);
}

/** What a report made ahead depends on, but for the findings' contents (which nothing changes) and the duration. */
function keyOf(result: ScanResult): string {
  return JSON.stringify([result.findings.length, result.skipped, result.releases ?? null, { ...result.stats, durationMs: 0 }]);
}

function render(result: ScanResult): string {
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
  return JSON.stringify(
    {
      version: 1,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.line,
        column: f.column,
        message: messageOf(f),
        fingerprint: f.fingerprint,
        match: f.match,
        ...(f.data['pack'] ? { pack: f.data['pack'] } : {}),
      })),
      skipped: result.skipped,
      ...(result.releases ? { releases: result.releases.map((r) => r.data) } : {}),
      stats: { ...result.stats, durationMs: Math.round(result.stats.durationMs) },
    },
    null,
    2,
  ) + '\n';
}
