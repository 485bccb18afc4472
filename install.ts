// `shipgate install` and `shipgate uninstall`: put the hooks where git actually looks for them,
// cooperate with husky, keep and chain a hook that was already there, and wire the package's
// "prepare" script so teammates get the hooks on `npm install`.

import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configGet, hooksDir, isInsideWorkTree, showToplevel, STAGED_DIFF_ARGS } from './src/git.js';
import { hooksDisabled } from './src/skip.js';

export const HOOKS = ['pre-commit', 'pre-push'] as const;
/** Marks a stub file as ours. */
export const STUB_MARKER = '# shipgate-hook:';
/** Ends every line shipgate adds to a husky hook. */
export const HUSKY_MARKER = '# shipgate';
export const CHAINED_SUFFIX = '.shipgate-chained';
export const PREPARE_COMMAND = 'shipgate install --prepare || exit 0';

const here = dirname(fileURLToPath(import.meta.url));
const TEMPLATE = join(here, '..', 'hooks', 'shipgate-hook.sh');

interface Target {
  root: string;
  /** Where git looks for hooks. */
  hooks: string;
  /** husky's folder when husky manages hooks (core.hooksPath = .husky/_ or .husky). */
  husky?: string;
  /** The folder of the nearest package.json, inside the repository. */
  project?: string;
}

export interface InstallOptions {
  /** Run from the "prepare" script: never fail, say nothing, skip outside git, under CI, with SHIPGATE=0. */
  prepare: boolean;
  cwd?: string;
}

export async function install(options: InstallOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  if (options.prepare) {
    if (hooksDisabled() || isCI()) return 0;
    try {
      if (!(await isInsideWorkTree(cwd))) return 0;
      await installHooks(await locate(cwd), false);
    } catch (error) {
      process.stderr.write(`shipgate: hooks not installed: ${(error as Error).message}\n`);
    }
    return 0;
  }
  if (!(await isInsideWorkTree(cwd).catch(() => false))) {
    process.stderr.write('shipgate: not inside a git working tree; run `git init` first or cd into the repository.\n');
    return 2;
  }
  const target = await locate(cwd);
  const done = await installHooks(target, true);
  for (const line of done) process.stdout.write(`shipgate: ${line}\n`);
  return 0;
}

export async function uninstall(cwd = process.cwd()): Promise<number> {
  if (!(await isInsideWorkTree(cwd).catch(() => false))) {
    process.stderr.write('shipgate: not inside a git working tree.\n');
    return 2;
  }
  const target = await locate(cwd);
  const done: string[] = [];
  for (const hook of HOOKS) {
    if (target.husky) {
      if (removeHuskyLine(join(target.husky, hook))) done.push(`removed the shipgate line from ${show(target, join(target.husky, hook))}`);
      continue;
    }
    const file = join(target.hooks, hook);
    if (isOurStub(file)) {
      rmSync(file);
      done.push(`removed ${show(target, file)}`);
    }
    if (existsSync(file + CHAINED_SUFFIX) && !existsSync(file)) {
      renameSync(file + CHAINED_SUFFIX, file);
      done.push(`restored the previous ${hook} hook`);
    }
  }
  if (target.project && removePrepare(join(target.project, 'package.json'))) {
    done.push(`removed "${PREPARE_COMMAND}" from the prepare script of ${show(target, join(target.project, 'package.json'))}`);
  }
  process.stdout.write(done.length ? done.map((l) => `shipgate: ${l}\n`).join('') : 'shipgate: nothing to uninstall\n');
  return 0;
}

async function locate(cwd: string): Promise<Target> {
  const root = await showToplevel(cwd);
  const hooks = await hooksDir(cwd);
  const target: Target = { root, hooks };
  const hooksPath = (await configGet('core.hooksPath', cwd))?.replace(/[\\/]+$/, '');
  if (hooksPath) {
    if (/(^|[\\/])\.husky[\\/]_$/.test(hooksPath)) target.husky = dirname(hooks);
    else if (/(^|[\\/])\.husky$/.test(hooksPath)) target.husky = hooks;
  }
  const project = findProject(cwd, root);
  if (project) target.project = project;
  return target;
}

/** The nearest folder with a package.json, from cwd up to the repository root. */
function findProject(cwd: string, root: string): string | undefined {
  const top = realpathSync(root);
  let dir = realpathSync(resolve(cwd));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === top || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

async function installHooks(target: Target, editPackage: boolean): Promise<string[]> {
  const done: string[] = [];
  const cli = realpathSync(join(here, 'bin.cjs'));
  const template = readFileSync(TEMPLATE, 'utf8');
  for (const hook of HOOKS) {
    if (target.husky) {
      const file = join(target.husky, hook);
      if (addHuskyLine(file, huskyLine(target, hook))) done.push(`added a shipgate line to ${show(target, file)} (husky)`);
      continue;
    }
    mkdirSync(target.hooks, { recursive: true });
    const file = join(target.hooks, hook);
    const stub = template
      .replace('__HOOK__', hook)
      .replace('__NODE__', shellQuoted(process.execPath))
      .replace('__CLI__', shellQuoted(cli))
      .replace('__PROJECT__', shellQuoted(target.project ?? target.root))
      .replace('__DIFF_ARGS__', STAGED_DIFF_ARGS.join(' '));
    if (existsSync(file) && !isOurStub(file)) {
      if (existsSync(file + CHAINED_SUFFIX)) {
        throw new Error(`${file} is not shipgate's and ${file + CHAINED_SUFFIX} exists too; move one of them away`);
      }
      renameSync(file, file + CHAINED_SUFFIX);
      done.push(`kept your ${hook} hook; it now runs first, as ${show(target, file + CHAINED_SUFFIX)}`);
    }
    if (!existsSync(file) || readFileSync(file, 'utf8') !== stub) {
      writeFileSync(file, stub);
      done.push(`installed ${show(target, file)}`);
    }
    chmodSync(file, 0o755);
  }
  if (editPackage && target.project && addPrepare(join(target.project, 'package.json'))) {
    done.push(`added "${PREPARE_COMMAND}" to the prepare script of ${show(target, join(target.project, 'package.json'))}`);
  }
  if (done.length === 0) done.push('hooks already installed; nothing changed');
  return done;
}

/** Single quotes for sh; the template puts the value between single quotes. */
function shellQuoted(value: string): string {
  return value.replace(/'/g, `'\\''`);
}

function isOurStub(file: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8').includes(STUB_MARKER);
}

/** husky puts node_modules/.bin on PATH from the repository root; a package in a subfolder needs its path. */
function huskyLine(target: Target, hook: string): string {
  const project = target.project ?? target.root;
  const rel = relative(realpathSync(target.root), project).split(sep).join('/');
  const bin = rel ? `${rel}/node_modules/.bin/shipgate` : 'shipgate';
  return `${bin} ${hook}${hook === 'pre-push' ? ' "$@"' : ''} ${HUSKY_MARKER}`;
}

function addHuskyLine(file: string, line: string): boolean {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (before.split('\n').some((l) => l.trimEnd().endsWith(HUSKY_MARKER))) return false;
  const sep = before === '' || before.endsWith('\n') ? '' : '\n';
  writeFileSync(file, `${before}${sep}${line}\n`);
  chmodSync(file, 0o755);
  return true;
}

function removeHuskyLine(file: string): boolean {
  if (!existsSync(file)) return false;
  const before = readFileSync(file, 'utf8');
  const after = before
    .split('\n')
    .filter((l) => !l.trimEnd().endsWith(HUSKY_MARKER))
    .join('\n');
  if (after === before) return false;
  if (after.trim() === '') rmSync(file);
  else writeFileSync(file, after);
  return true;
}

interface PackageFile {
  json: Record<string, unknown> & { scripts?: Record<string, string> };
  indent: string;
  newline: boolean;
}

function readPackage(file: string): PackageFile {
  const text = readFileSync(file, 'utf8');
  let json: PackageFile['json'];
  try {
    json = JSON.parse(text) as PackageFile['json'];
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix it and run shipgate install again`);
  }
  const indent = /^(\s+)"/m.exec(text)?.[1] ?? '  ';
  return { json, indent, newline: text.endsWith('\n') };
}

function writePackage(file: string, pkg: PackageFile): void {
  writeFileSync(file, JSON.stringify(pkg.json, null, pkg.indent) + (pkg.newline ? '\n' : ''));
}

/**
 * Adds shipgate to "prepare", after what is there: `a && (b || exit 0)` keeps a's failure and
 * never lets shipgate's fail `npm install` (the same text works in sh and cmd.exe).
 */
export function mergePrepare(existing: string | undefined): string {
  if (!existing || existing.trim() === '') return PREPARE_COMMAND;
  if (existing.includes('shipgate install')) return existing;
  return `${existing} && (${PREPARE_COMMAND})`;
}

export function unmergePrepare(existing: string): string | undefined {
  if (existing === PREPARE_COMMAND) return undefined;
  return existing.replace(` && (${PREPARE_COMMAND})`, '');
}

function addPrepare(file: string): boolean {
  const pkg = readPackage(file);
  const scripts = (pkg.json.scripts ??= {});
  const merged = mergePrepare(scripts['prepare']);
  if (merged === scripts['prepare']) return false;
  scripts['prepare'] = merged;
  writePackage(file, pkg);
  return true;
}

function removePrepare(file: string): boolean {
  if (!existsSync(file)) return false;
  const pkg = readPackage(file);
  const current = pkg.json.scripts?.['prepare'];
  if (current === undefined || !current.includes(PREPARE_COMMAND)) return false;
  const next = unmergePrepare(current);
  if (next === undefined) delete pkg.json.scripts!['prepare'];
  else pkg.json.scripts!['prepare'] = next;
  writePackage(file, pkg);
  return true;
}

function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function show(target: Target, file: string): string {
  const rel = relative(target.root, file);
  return rel.startsWith('..') ? file : rel;
}
