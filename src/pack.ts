// The only module that spawns npm: `npm run <build script>` and `npm pack`, each with a timeout,
// their output kept for the report and never streamed into shipgate's own.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export class NpmError extends Error {
  constructor(
    message: string,
    /** The last lines npm printed, for the report. */
    readonly tail: string,
  ) {
    super(message);
    this.name = 'NpmError';
  }
}

export interface NpmRun {
  code: number | null;
  /** stdout and stderr as they came, the last 100-200 kB. */
  output: string;
  stdout: string;
  timedOut: boolean;
}

/** The environment npm runs with: the user's, with the CA certificates the hook stub set aside restored. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // npm's own lifecycle variables from a parent npm would confuse the child.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return env;
}

/** Runs npm with a timeout; on timeout the whole process group is killed. */
export function runNpm(args: readonly string[], cwd: string, timeoutSeconds: number): Promise<NpmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let stdout = '';
    const keep = (b: Buffer): void => {
      output += b.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString('utf8');
      keep(b);
    });
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new NpmError('npm was not found on PATH', '') : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stdout, timedOut });
    });
  });
}

/** The last `lines` lines of some output, for a report. */
export function tail(output: string, lines = 20): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a package.json script; a failure or a timeout is an NpmError carrying the output's tail. */
export async function runScript(script: string, cwd: string, timeoutSeconds: number): Promise<void> {
  const run = await runNpm(['run', script], cwd, timeoutSeconds);
  if (run.timedOut) throw new NpmError(`npm run ${script} did not finish in ${timeoutSeconds} s (release.buildTimeout)`, tail(run.output));
  if (run.code !== 0) throw new NpmError(`npm run ${script} failed (exit ${run.code})`, tail(run.output));
}

/** Installs dependencies: `npm ci` from a lockfile, `npm install` without one. */
export async function installDependencies(cwd: string, timeoutSeconds: number): Promise<void> {
  const locked = ['package-lock.json', 'npm-shrinkwrap.json'].some((f) => existsSync(join(cwd, f)));
  const args = locked ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund', '--no-save'];
  const run = await runNpm(args, cwd, timeoutSeconds);
  if (run.timedOut) throw new NpmError(`npm ${args[0]} did not finish in ${timeoutSeconds} s`, tail(run.output));
  if (run.code !== 0) throw new NpmError(`npm ${args[0]} failed (exit ${run.code})`, tail(run.output));
}

export interface PackResult {
  /** Absolute path of the .tgz. */
  tarball: string;
  name: string;
  version: string;
}

/**
 * `npm pack --json` into `dest`. npm 11 prints an array of results, npm 12 an object keyed by
 * spec; both are accepted.
 */
export async function npmPack(cwd: string, dest: string, timeoutSeconds: number): Promise<PackResult> {
  const run = await runNpm(['pack', '--json', '--pack-destination', dest], cwd, timeoutSeconds);
  if (run.timedOut) throw new NpmError(`npm pack did not finish in ${timeoutSeconds} s`, tail(run.output));
  if (run.code !== 0) throw new NpmError(`npm pack failed (exit ${run.code})`, tail(run.output));
  const info = parsePackJson(run.stdout);
  if (!info) throw new NpmError('could not read the JSON npm pack printed', tail(run.output));
  return { tarball: `${dest}/${info.filename}`, name: info.name, version: info.version };
}

interface PackJsonEntry {
  filename: string;
  name: string;
  version: string;
}

/** Finds npm pack's JSON in its output (lifecycle scripts may print before it). */
export function parsePackJson(output: string): PackJsonEntry | undefined {
  const candidates: number[] = [];
  for (let i = 0; i < output.length; i++) {
    const c = output[i];
    if ((c === '[' || c === '{') && (i === 0 || output[i - 1] === '\n')) candidates.push(i);
  }
  for (const start of candidates) {
    let value: unknown;
    try {
      value = JSON.parse(output.slice(start));
    } catch {
      continue;
    }
    const entries = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
    const first = entries[0] as Partial<PackJsonEntry> | undefined;
    if (first && typeof first.filename === 'string' && typeof first.name === 'string') {
      return { filename: first.filename.replace(/^.*[\\/]/, ''), name: first.name, version: String(first.version ?? '') };
    }
  }
  return undefined;
}
