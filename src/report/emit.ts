// Writes a report where the command was told to, and decides the exit code: never 0 with
// blocking findings, whatever the output options.

import { writeFileSync } from 'node:fs';
import type { OutputOptions } from '../args.js';
import { isBlocking } from '../engine.js';
import type { ScanResult } from '../types.js';
import { colorLevel, loadPaint } from './colors.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export async function emitReport(result: ScanResult, options: OutputOptions, action: string): Promise<0 | 1> {
  const blocked = isBlocking(result.findings);
  let report: string;
  if (options.format === 'json') report = formatJson(result);
  else {
    const level = options.output ? 0 : colorLevel(process.stdout.isTTY === true);
    report = formatText(result, await loadPaint(level), blocked, action);
  }
  if (options.output) {
    writeFileSync(options.output, report);
    if (blocked) process.stderr.write(`shipgate: ${action} blocked: ${result.findings.length} finding(s), report in ${options.output}\n`);
  } else {
    process.stdout.write(report);
  }
  return blocked ? 1 : 0;
}
