// Writes a report where the command was told to, and decides the exit code: never 0 with
// blocking findings, whatever the output options.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeFd } from '../io.js';
import type { OutputOptions } from '../args.js';
import { isBlocking } from '../engine.js';
import type { ScanResult } from '../types.js';
import { colorLevel, loadPaint } from './colors.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export async function emitReport(result: ScanResult, options: OutputOptions, action: string): Promise<0 | 1> {
  const blocked = isBlocking(result.findings, options.failOn);
  let report: string | Uint8Array;
  if (options.format === 'json') report = formatJson(result);
  else if (options.format === 'sarif') report = (await import('./sarif.js')).formatSarif(result);
  else {
    // The one-line success report has no colour: asking whether stdout is a TTY costs ~1.5 ms.
    const plainEnough = result.findings.length === 0 && result.skipped.length === 0;
    const level = options.output || plainEnough ? 0 : colorLevel(isStdoutTTY());
    report = formatText(result, await loadPaint(level), blocked, action);
  }
  if (options.output) {
    writeFileSync(options.output, report);
    if (blocked) writeFd(2, `shipgate: ${action} blocked: ${result.findings.length} finding(s), report in ${options.output}\n`);
  } else {
    writeFd(1, report);
  }
  return blocked ? 1 : 0;
}

/** Loaded only for a report that may have colour; a require, not import(), so that the CommonJS hook bundle can run it. */
function isStdoutTTY(): boolean {
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(1);
}
