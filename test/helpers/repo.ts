// Real git repositories in temp dirs for end-to-end tests: real `git commit`, real hooks,
// the real CLI from dist/. Identity and config come from the environment, never the user's.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (dist/test/helpers -> ../../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
/** The package's bin, which the hooks run too: pre-commit through its own bundle, the rest through CLI. */
export const BIN = join(ROOT, 'dist', 'bin.cjs');

const temps: string[] = [];

/** An environment that makes git and the CLI behave the same on every machine. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // NODE_OPTIONS too: the bin names its code cache after node's flags.
    if (key.startsWith('GIT_') || key.startsWith('SHIPGATE') || key === 'FORCE_COLOR' || key === 'NO_COLOR' || key === 'CI' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

export function tempDir(prefix = 'shipgate-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
}

function toRun(r: SpawnSyncReturns<string>): Run {
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

export class Repo {
  constructor(readonly dir: string, readonly env: NodeJS.ProcessEnv = cleanEnv()) {}

  static init(options: { bare?: boolean; dir?: string; sha256?: boolean } = {}): Repo {
    const dir = options.dir ?? tempDir();
    const repo = new Repo(dir);
    repo.git('init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []), ...(options.sha256 ? ['--object-format=sha256'] : []));
    return repo;
  }

  git(...args: string[]): string {
    const r = this.run('git', args);
    if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.out}`);
    return r.stdout;
  }

  /** Runs a command in the repo; never throws on a non-zero exit. */
  run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Run {
    return toRun(
      spawnSync(cmd, args, {
        cwd: options.cwd ?? this.dir,
        env: { ...this.env, ...options.env },
        encoding: 'utf8',
        input: options.input ?? '',
        maxBuffer: 256 * 1024 * 1024,
      }),
    );
  }

  /** The real CLI, as a user would run it. */
  shipgate(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Run {
    return this.run(process.execPath, [BIN, ...args], options);
  }

  /** `git commit`, returning the hook's verdict instead of throwing. */
  commit(message: string, ...args: string[]): Run {
    return this.run('git', ['commit', '-q', '-m', message, ...args]);
  }

  write(path: string, content: string | Buffer): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  /** A hash of the working tree (files and modes, .git excluded), the index and the refs. */
  snapshot(): string {
    const hash = createHash('sha256');
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        if (name === '.git' && dir === this.dir) continue;
        const path = join(dir, name);
        const st = statSync(path);
        hash.update(`${path}\0${st.mode}\0`);
        if (st.isDirectory()) walk(path);
        else hash.update(readFileSync(path));
      }
    };
    walk(this.dir);
    hash.update(this.git('ls-files', '-s'));
    hash.update(this.git('for-each-ref'));
    return hash.digest('hex');
  }
}
