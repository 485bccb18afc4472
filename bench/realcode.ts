// False positives on real code: `shipgate scan node_modules` over the dependency trees of
// typescript, webpack, @babel/core, eslint and aws-sdk (installed once into a cache folder under
// os.tmpdir() and reused), which hold no real secrets but plenty of test fixtures, hashes,
// minified bundles and documentation examples. Prints the size scanned, the time, the findings
// and findings per 100 MB of text against the target, and a redacted sample of the findings.
//
// Nothing is asserted. If the packages cannot be installed (no network), the section says so and
// is skipped. Environment: BENCH_REALCODE_SAMPLE (findings listed, default 20).

import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError, envInt, makeTempDir, mb, ms, removeTempDir, runShipgateScan, timed, type ShipgateJsonFinding } from './harness.js';

const PACKAGES = ['typescript', 'webpack', '@babel/core', 'eslint', 'aws-sdk'];
/** Where the packages are installed once and reused (bench/scan.ts scans them too). */
export const REALCODE_CACHE = join(tmpdir(), 'shipgate-bench-realcode');
const CACHE = REALCODE_CACHE;
const TARGET_PER_100MB = 5;

/** dist/bench/realcode.js -> dist/bin.cjs, the bin users run */
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin.cjs');

export async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const sampleSize = envInt('BENCH_REALCODE_SAMPLE', 20, 0);
  if (!existsSync(cli)) throw new BenchError(`${cli} is missing; build first (npm run bench does)`);

  const ready = prepareRealcode();
  if ('skipped' in ready) {
    console.log(`realcode skipped: ${ready.skipped}`);
    return;
  }
  console.log(`${PACKAGES.join(', ')} with their dependencies: ${ready.setup}`);

  const disk = walkSize(join(CACHE, 'node_modules'));
  const tmp = makeTempDir('shipgate-realcode-');
  try {
    const { ran, report } = runShipgateScan(cli, CACHE, ['node_modules'], join(tmp, 'report.json'));
    const s = report.stats;
    const textMb = s.bytes / 1e6;
    const per100 = (report.findings.length / textMb) * 100;
    const skippedLarge = ran.stderr.split('\n').filter((l) => l.includes('not scanned:')).length;
    console.log(
      `scanned node_modules: ${disk.files.toLocaleString('en-US')} files (+${disk.symlinks} symlinks), ${mb(disk.bytes)} on disk; ` +
        `${mb(s.bytes)} of text read from ${(s.files - s.binaryFiles - disk.symlinks).toLocaleString('en-US')} of them (${s.binaryFiles} binary, ${skippedLarge} over the size limit, not read), ` +
        `${s.lines.toLocaleString('en-US')} lines, ${s.rules} rules`,
    );
    console.log(`time: ${ms(ran.ms, 0)} wall (node dist/bin.cjs scan node_modules), of which the scan itself ${ms(s.durationMs, 0)} (as it reports it: listing, reading and rules); ${(textMb / (ran.ms / 1000)).toFixed(1)} MB/s`);
    console.log(`findings: ${report.findings.length} (${report.findings.filter((f) => f.line === 0).length} file-level), ${per100.toFixed(2)} per 100 MB of text`);

    const byRule = new Map<string, ShipgateJsonFinding[]>();
    for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    if (byRule.size) {
      console.log('');
      console.log('findings per rule');
      for (const [ruleId, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
        const files = new Set(list.map((f) => packageOf(f.file)));
        console.log(`  ${ruleId.padEnd(28)}${String(list.length).padStart(6)}   in ${[...files].slice(0, 6).join(', ')}${files.size > 6 ? `, +${files.size - 6} more packages` : ''}`);
      }
      // A sample that covers every rule: round-robin over the rules.
      const sample: ShipgateJsonFinding[] = [];
      const queues = [...byRule.values()].map((list) => [...list]);
      while (sample.length < sampleSize && queues.some((q) => q.length)) {
        for (const q of queues) if (q.length && sample.length < sampleSize) sample.push(q.shift()!);
      }
      console.log('');
      console.log(`sample of ${sample.length} findings (redacted)`);
      for (const f of sample) {
        const where = f.line === 0 ? `${f.file} (file)` : `${f.file}:${f.line}`;
        console.log(`  ${f.ruleId}  ${where}  ${f.line === 0 ? '' : f.match.slice(0, 4) + '…'}${f.line === 0 ? '' : `  ${context(join(CACHE, f.file), f.line, f.column)}`}`);
      }
    }
    console.log('');
    console.log('targets (from the issue):');
    console.log(`  fewer than ${TARGET_PER_100MB} findings per 100 MB of real code: ${per100.toFixed(2)}  ${per100 < TARGET_PER_100MB ? 'met' : 'missed'}`);
  } finally {
    removeTempDir(tmp);
  }
  console.log(`\nrealcode benchmark finished in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; cache ${CACHE} kept`);
}

/** The packages installed in the cache folder, or why they could not be. */
export function prepareRealcode(): { setup: string } | { skipped: string } {
  const modules = join(CACHE, 'node_modules');
  const present = () => PACKAGES.every((p) => existsSync(join(modules, ...p.split('/'), 'package.json')));
  if (present()) return { setup: `reused ${CACHE}` };
  mkdirSync(CACHE, { recursive: true });
  const pkg = join(CACHE, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name: 'shipgate-bench-realcode', private: true }, null, 2) + '\n');
  let ran;
  try {
    ran = timed('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], { cwd: CACHE, timeout: 10 * 60_000 });
  } catch (error) {
    return { skipped: `npm could not start: ${(error as Error).message}` };
  }
  if (ran.status !== 0 || !present()) {
    const why = (ran.stderr + ran.stdout).split('\n').filter((l) => /ERR!|error/i.test(l)).slice(0, 3).join(' | ');
    return { skipped: `npm install ${PACKAGES.join(' ')} failed (exit ${ran.status}${ran.status === null ? ', timed out' : ''}): ${why || 'see npm output'}` };
  }
  return { setup: `installed into ${CACHE} in ${(ran.ms / 1000).toFixed(1)} s` };
}

function walkSize(dir: string): { files: number; symlinks: number; bytes: number } {
  let files = 0;
  let symlinks = 0;
  let bytes = 0;
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stat.isFile()) {
      files++;
      bytes += stat.size;
    } else if (stat.isSymbolicLink()) symlinks++;
  };
  visit(dir);
  return { files, symlinks, bytes };
}

/** node_modules/@scope/name/... -> @scope/name */
function packageOf(file: string): string {
  const parts = file.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i === -1 || i + 1 >= parts.length) return file;
  return parts[i + 1]!.startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1]!;
}

/**
 * What surrounds the match, redacted: up to 24 characters before it on the line (long runs cut
 * to 4 characters) and the shape of the match itself (letters a, digits 9, others kept), so a reader can
 * tell a hash from a token without seeing either.
 */
function context(path: string, line: number, column: number): string {
  try {
    const text = readFileSync(path, 'utf8').split('\n')[line - 1] ?? '';
    const before = text.slice(Math.max(0, column - 1 - 24), column - 1).replace(/\s+/g, ' ').replace(/[A-Za-z0-9+/_-]{12,}/g, (m) => `${m.slice(0, 4)}…`);
    const token = /^[^\s"'`,;)]{0,80}/.exec(text.slice(column - 1))?.[0] ?? '';
    const shape = token.slice(4).replace(/[A-Za-z]/g, 'a').replace(/[0-9]/g, '9').replace(/a{4,}/g, (m) => `a{${m.length}}`).replace(/9{4,}/g, (m) => `9{${m.length}}`);
    return `[...${JSON.stringify(before)} + "${token.slice(0, 4)}${shape}"]`;
  } catch {
    return '';
  }
}
