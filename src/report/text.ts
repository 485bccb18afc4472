// The report a person reads in their terminal: what, where, why it matters, how to fix it and
// how to allow a false positive; one short line when all is well.

import { allowHint, formatMessage, plural } from '../messages.js';
import type { Finding, ScanResult } from '../types.js';
import type { Paint } from './colors.js';

export function formatText(result: ScanResult, paint: Paint, blocked: boolean, action: string): string {
  const out: string[] = [];
  const { stats } = result;
  const packs = result.releases?.length ? plural(result.releases.length, 'release pack') : '';
  const lines = stats.rules > 0 ? `${plural(stats.files, 'file')}, ${plural(stats.lines, 'line')} checked by ${plural(stats.rules, 'rule')}` : '';
  const scanned = [lines, packs && `${packs} screened`].filter(Boolean).join('; ');
  if (result.skipped.length > 0) {
    out.push(paint.yellow(`shipgate: skipped by SHIPGATE_SKIP: ${result.skipped.map((s) => s.ruleId).join(', ')}`));
  }
  for (const release of result.releases ?? []) out.push(...release.lines.map((l, i) => (i === 0 ? paint.bold(`shipgate: ${l}`) : l)), '');
  if (result.findings.length === 0) {
    out.push(`shipgate: ${result.label}: no problems (${scanned}, ${stats.durationMs.toFixed(0)} ms)`);
    return out.join('\n') + '\n';
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  out.push(
    paint.bold(`shipgate: ${plural(result.findings.length, 'problem')} in ${result.label}`) +
      paint.dim(` (${scanned})`),
    '',
  );
  for (const finding of result.findings) out.push(...formatFinding(finding, paint), '');
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  if (blocked) {
    out.push(paint.red(`✖ ${action} blocked: ${counts}.`) + paint.dim(' Fix them, or allow each false positive as shown.'));
  } else {
    out.push(paint.yellow(`! ${counts}; nothing blocking.`));
  }
  return out.join('\n') + '\n';
}

/** Which way to allow a false positive fits this finding (used by the SARIF help too). */
export function hintKind(finding: Finding): 'line' | 'file' | 'change' | 'release' {
  if (finding.data['pack']) return 'release';
  if (finding.messageId === 'secret') return 'line';
  if (finding.messageId === 'env-file' || finding.messageId === 'private-key-file') return 'file';
  return 'change';
}

function formatFinding(finding: Finding, paint: Paint): string[] {
  const text = formatMessage(finding);
  const where = finding.line > 0 ? `${finding.file}:${finding.line}:${finding.column}` : finding.file;
  const severity = finding.severity === 'error' ? paint.red('error') : paint.yellow('warn ');
  const origin = finding.data['pack'] ?? (finding.data['commit'] ? `commit ${String(finding.data['commit'])}` : undefined);
  const pack = origin ? paint.dim(`  [${String(origin)}]`) : '';
  const lines = [`  ${paint.bold(where)}  ${severity}  ${paint.dim(finding.ruleId)}${pack}`];
  lines.push(`    ${text.message}${finding.line > 0 ? `: ${paint.cyan(finding.match)}` : ''}`);
  lines.push(`    ${paint.dim('Why:')} ${text.why}`);
  lines.push(`    ${paint.dim('Fix:')} ${text.fix}`);
  if (finding.ruleId !== 'release-pack') lines.push(`    ${paint.dim(allowHint(finding.ruleId, hintKind(finding)))}`);
  return lines;
}
