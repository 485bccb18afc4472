// secretlint 13 with its recommended preset, for the quality comparison. secretlint 13 needs
// Node 22, so the `node` package (a Node 22 binary from the npm registry) is installed next to
// it, in a cache folder under os.tmpdir() that later runs reuse. Anything that keeps it from
// running (no network, an install error) is a skip with its reason, not a broken benchmark.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { timed } from './harness.js';

export const SECRETLINT_CACHE = join(tmpdir(), 'shipgate-bench-secretlint');
const PACKAGES = ['node@22', 'secretlint@13', '@secretlint/secretlint-rule-preset-recommend@13'];
const PRESET = '@secretlint/secretlint-rule-preset-recommend';

export interface Secretlint {
  node: string;
  cli: string;
  version: string;
  nodeVersion: string;
  /** How it was made ready: "reused <dir>" or "installed into <dir> in 12.3 s". */
  setup: string;
}

export interface SecretlintFinding {
  ruleId: string;
  file: string;
  line: number;
  /** Offset of the reported text in the file. */
  offset: number;
}

/** secretlint ready to run, or the reason it is not. */
export function prepareSecretlint(): Secretlint | { skipped: string } {
  let setup = `reused ${SECRETLINT_CACHE}`;
  let ready = locate();
  if (typeof ready === 'string') {
    mkdirSync(SECRETLINT_CACHE, { recursive: true });
    const pkg = join(SECRETLINT_CACHE, 'package.json');
    if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name: 'shipgate-bench-secretlint', private: true }, null, 2) + '\n');
    let ran;
    try {
      ran = timed('npm', ['install', '--no-audit', '--no-fund', ...PACKAGES], { cwd: SECRETLINT_CACHE, timeout: 10 * 60_000 });
    } catch (error) {
      return { skipped: `npm could not start: ${(error as Error).message}` };
    }
    if (ran.status !== 0) {
      const why = (ran.stderr + ran.stdout).split('\n').filter((l) => /ERR!|error/i.test(l)).slice(0, 3).join(' | ');
      return { skipped: `npm install ${PACKAGES.join(' ')} failed (exit ${ran.status}${ran.status === null ? ', timed out' : ''}): ${why || 'see npm output'}` };
    }
    setup = `installed into ${SECRETLINT_CACHE} in ${(ran.ms / 1000).toFixed(1)} s`;
    ready = locate();
    if (typeof ready === 'string') return { skipped: ready };
  }
  return { ...ready, setup };
}

function locate(): Omit<Secretlint, 'setup'> | string {
  const modules = join(SECRETLINT_CACHE, 'node_modules');
  const cli = join(modules, 'secretlint', 'bin', 'secretlint.js');
  if (!existsSync(cli)) return `${cli} is missing`;
  if (!existsSync(join(modules, ...PRESET.split('/'), 'package.json'))) return `${PRESET} is missing`;
  const version = (JSON.parse(readFileSync(join(modules, 'secretlint', 'package.json'), 'utf8')) as { version: string }).version;
  if (!version.startsWith('13.')) return `secretlint ${version} installed, 13.x expected`;
  // The `node` package links bin/node to the binary its preinstall put in node-<platform>-<arch>.
  const candidates = [join(modules, 'node', 'bin', 'node')];
  const nested = join(modules, 'node', 'node_modules');
  if (existsSync(nested)) {
    for (const name of readdirSync(nested)) if (name.startsWith('node-')) candidates.push(join(nested, name, 'bin', 'node'));
  }
  for (const node of candidates) {
    if (!existsSync(node)) continue;
    try {
      const ran = timed(node, ['--version']);
      const nodeVersion = ran.stdout.trim();
      if (ran.status === 0 && /^v2[2-9]\./.test(nodeVersion)) return { node, cli, version, nodeVersion };
    } catch {
      // not executable here: try the next
    }
  }
  return `no Node >= 22 binary in ${join(modules, 'node')} (the node package's preinstall may not have run)`;
}

/** Writes a .secretlintrc.json with only the recommended preset; returns its path. */
export function writeSecretlintrc(dir: string): string {
  const path = join(dir, '.secretlintrc.json');
  writeFileSync(path, JSON.stringify({ rules: [{ id: PRESET }] }, null, 2) + '\n');
  return path;
}

interface RawResult {
  filePath: string;
  sourceContent?: string;
  messages: { type?: string; ruleId: string; loc: { start: { line: number; column: number } }; range: [number, number] }[];
}

/**
 * `secretlint "**\/*" --format json --output <file>` in `cwd`. Returns the findings (paths
 * relative to cwd, 1-based lines) and the wall time, or the reason it failed.
 */
export function runSecretlint(sl: Secretlint, cwd: string, rc: string, outFile: string): { ms: number; findings: SecretlintFinding[] } | { failed: string } {
  const ran = timed(sl.node, [sl.cli, '**/*', '--format', 'json', '--output', outFile, '--secretlintrc', rc, '--no-color', '--no-terminalLink'], { cwd });
  // With --output, 0 is "ran" whether or not it found anything; 1 is findings; 2 a fatal error.
  if (ran.status !== 0 && ran.status !== 1) return { failed: `exit ${ran.status}: ${(ran.stderr || ran.stdout).slice(0, 1500)}` };
  let results: RawResult[];
  try {
    results = JSON.parse(readFileSync(outFile, 'utf8')) as RawResult[];
  } catch (error) {
    return { failed: `no readable JSON report: ${(error as Error).message}; ${ran.stderr.slice(0, 800)}` };
  }
  const findings: SecretlintFinding[] = [];
  for (const result of results) {
    const file = relative(cwd, result.filePath).split(sep).join('/');
    for (const m of result.messages) {
      if (m.type !== undefined && m.type !== 'message') continue;
      findings.push({ ruleId: m.ruleId, file, line: m.loc.start.line, offset: m.range[0] });
    }
  }
  return { ms: ran.ms, findings };
}
