// The machine-readable report (DESIGN.md: "JSON"). `match` is already redacted in the finding.

import { formatMessage } from '../messages.js';
import type { ScanResult } from '../types.js';

export function formatJson(result: ScanResult): string {
  return JSON.stringify(
    {
      version: 1,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.line,
        column: f.column,
        message: formatMessage(f).message,
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
