// Small helpers shared by the benchmarks: timed child processes, summary statistics, number
// formatting and temp folders that are removed even when a run is interrupted.

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Ran {
  /** Wall time of the whole child process, in milliseconds. */
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and measures its wall time with process.hrtime.bigint(). */
export function timed(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Ran {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw new BenchError(`${command} ${args.join(' ')} could not start: ${child.error.message}`);
  return { ms, status: child.status, stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? '') };
}

/** Runs a setup step; anything but exit 0 breaks the benchmark. */
export function must(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Ran {
  const ran = timed(command, args, options);
  if (ran.status !== 0) {
    const where = options.cwd ? ` (in ${String(options.cwd)})` : '';
    throw new BenchError(`${command} ${args.join(' ')} failed with exit ${ran.status}${where}:\n${ran.stderr}${ran.stdout}`);
  }
  return ran;
}

/** The benchmark itself is broken (not a slow result): run.ts prints it and exits 1. */
export class BenchError extends Error {
  override name = 'BenchError';
}

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export function signedMs(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)} ms` : 'n/a';
}

/** Positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new BenchError(`${name}=${raw} is not an integer >= ${min}`);
  return value;
}

const tempDirs = new Set<string>();
let exitHooked = false;

/** A fresh folder under os.tmpdir(), removed by removeTempDir() or, at the latest, on exit/Ctrl-C. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => {
      for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`\nbench: ${signal}, removing temp folders\n`);
        process.exit(130);
      });
    }
  }
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** The environment for shipgate children: every rule runs, plain text (no SHIPGATE=0 or skips inherited). */
export function shipgateEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['SHIPGATE'];
  delete env['SHIPGATE_SKIP'];
  delete env['FORCE_COLOR'];
  return env;
}

/** One finding of `shipgate scan --format json` (src/report/json.ts). */
export interface ShipgateJsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  match: string;
}

export interface ShipgateJsonReport {
  findings: ShipgateJsonFinding[];
  stats: { files: number; lines: number; bytes: number; binaryFiles: number; ignoredFiles: number; rules: number; suppressed: number; durationMs: number };
}

/**
 * Runs the built CLI, `node dist/bin.cjs scan <paths> --format json --output <file>`, in `cwd`
 * and returns its report and wall time. Exit 0 (nothing found) and 1 (findings) are results;
 * anything else breaks the benchmark.
 */
export function runShipgateScan(cli: string, cwd: string, paths: readonly string[], outFile: string): { ran: Ran; report: ShipgateJsonReport } {
  const ran = timed(process.execPath, [cli, 'scan', ...paths, '--format', 'json', '--output', outFile], { cwd, env: shipgateEnv() });
  if (ran.status !== 0 && ran.status !== 1) {
    throw new BenchError(`shipgate scan exited ${ran.status} in ${cwd}:\n${ran.stderr.slice(0, 4000)}${ran.stdout.slice(0, 2000)}`);
  }
  let report: ShipgateJsonReport;
  try {
    report = JSON.parse(readFileSync(outFile, 'utf8')) as ShipgateJsonReport;
  } catch (error) {
    throw new BenchError(`shipgate scan wrote no readable JSON report (${(error as Error).message}):\n${ran.stderr.slice(0, 4000)}`);
  }
  return { ran, report };
}

/** "12.3 MB" */
export function mb(bytes: number, digits = 1): string {
  return `${(bytes / 1e6).toFixed(digits)} MB`;
}
