// The only module that spawns git. Everything here reads; nothing writes to the working tree or
// the index. The environment is passed through untouched, so GIT_INDEX_FILE (set by
// `git commit -a` and `git commit <path>`) and GIT_DIR reach git as the hook received them.

import { createRequire } from 'node:module';
import { CatFileBatchParser, type BatchObject } from './cat-file-parse.js';
import { DiffParseError } from './diff-parse.js';

// Loaded on first use: the pre-commit hook gets its diff piped in and never spawns.
let childProcess: typeof import('node:child_process') | undefined;
/** git with stderr collected by exitOf; stdin ignored or piped, stdout piped or into a file. */
function spawnGit(args: readonly string[], cwd: string | undefined, stdin: 'ignore' | 'pipe' = 'ignore', stdout: 'pipe' | number = 'pipe') {
  childProcess ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return childProcess.spawn('git', args, { cwd, stdio: [stdin, stdout, 'pipe'] });
}

/**
 * How git ended: its exit code when it is 0 or one of `okCodes`; else a GitError with what it
 * wrote on stderr, or GitMissingError when there is no git to run.
 */
function exitOf(child: ReturnType<typeof spawnGit>, args: readonly string[], okCodes: readonly number[] = []): Promise<number> {
  const err: Buffer[] = [];
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new GitMissingError() : e));
    child.on('close', (code) => {
      if (code !== null && (code === 0 || okCodes.includes(code))) resolve(code);
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
  });
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed${code === null ? '' : ` (exit ${code})`}: ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
  }
}

export class GitMissingError extends Error {
  constructor() {
    super('git was not found on PATH');
    this.name = 'GitMissingError';
  }
}

export interface GitOptions {
  cwd?: string;
  /** Exit codes that are answers rather than failures (e.g. 1 for `git config --get` of an unset key). */
  okCodes?: readonly number[];
}

/** Runs git and returns its stdout as bytes. */
export async function runGit(args: readonly string[], options: GitOptions = {}): Promise<{ stdout: Buffer; code: number }> {
  const child = spawnGit(args, options.cwd);
  const out: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  const code = await exitOf(child, args, options.okCodes);
  return { stdout: Buffer.concat(out), code };
}

let fs: typeof import('node:fs') | undefined;
let outputs = 0;

/**
 * runGit with git's stdout going to a file rather than a pipe, for a large output read whole at
 * the end: through a pipe, git waits whenever its 64 KB are full and the main thread is busy
 * elsewhere. `git ls-files --modified` checks each file as it writes its line, so a warm scan
 * had it stopped for the ~10 ms it spent reading its kept result (git's 8 ms took 21).
 * The file is made by this process alone (O_EXCL, 0600) in the temporary folder, and unlinked
 * at once where the system allows it (the descriptor stays), else once read. Where no file can
 * be made there, the output comes through a pipe after all.
 */
export async function runGitToFile(args: readonly string[], options: GitOptions = {}): Promise<{ stdout: Buffer; code: number }> {
  fs ??= createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const { tmpdir } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  const path = `${tmpdir()}/shipgate-git-${process.pid}-${++outputs}.out`;
  let fd: number;
  try {
    fd = fs.openSync(path, 'wx+', 0o600);
  } catch {
    return runGit(args, options);
  }
  let unlinked = unlinkQuietly(path);
  try {
    const code = await exitOf(spawnGit(args, options.cwd, 'ignore', fd), args, options.okCodes);
    const stdout = Buffer.allocUnsafe(fs.fstatSync(fd).size);
    for (let read = 0; read < stdout.length; ) {
      const n = fs.readSync(fd, stdout, read, stdout.length - read, read);
      if (n === 0) return { stdout: stdout.subarray(0, read), code };
      read += n;
    }
    return { stdout, code };
  } finally {
    fs.closeSync(fd);
    if (!unlinked) unlinked = unlinkQuietly(path);
  }
}

function unlinkQuietly(path: string): boolean {
  try {
    fs!.unlinkSync(path);
    return true;
  } catch {
    return false; // Windows: not while it is open
  }
}

async function gitText(args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await runGit(args, options)).stdout.toString('utf8').trim();
}

/**
 * The staged change: raw entries (-z, so paths are never quoted) followed by the patch with
 * zero context, in one call. Options are explicit so user config (diff.noprefix,
 * diff.external, color.ui, diff.relative, diff.renames) cannot change the shape we parse.
 * https://git-scm.com/docs/git-diff#_raw_output_format
 */
export const STAGED_DIFF_ARGS: readonly string[] = [
  'diff', '--cached', '--raw', '-z', '-p', '--unified=0', '--find-renames', '--no-abbrev',
  '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
  '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=ACDMRT',
];

export async function readStagedDiff(cwd?: string): Promise<Buffer> {
  return (await runGit(STAGED_DIFF_ARGS, { cwd })).stdout;
}

export function showToplevel(cwd?: string): Promise<string> {
  return gitText(['rev-parse', '--show-toplevel'], { cwd });
}

/** Where git looks for hooks, absolute: honours core.hooksPath, linked worktrees and submodules. */
export function hooksDir(cwd?: string): Promise<string> {
  return gitText(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { cwd });
}

/** A config value, or undefined when unset. */
export async function configGet(key: string, cwd?: string): Promise<string | undefined> {
  const { stdout, code } = await runGit(['config', '--get', key], { cwd, okCodes: [1] });
  return code === 1 ? undefined : stdout.toString('utf8').trim();
}

export function isInsideWorkTree(cwd?: string): Promise<boolean> {
  return runGit(['rev-parse', '--is-inside-work-tree'], { cwd, okCodes: [128] }).then(
    ({ stdout, code }) => code === 0 && stdout.toString('utf8').trim() === 'true',
  );
}

/** Commits reachable from `tip` and not from `exclude` (revs or `--remotes=NAME`), oldest first. */
export async function listNewCommits(tip: string, exclude: readonly string[], cwd?: string): Promise<string[]> {
  const text = await gitText(['rev-list', '--reverse', '--topo-order', tip, '--not', ...exclude, '--'], { cwd });
  return text ? text.split('\n') : [];
}

/** Whether an object id names a commit this repository has (a remote sha may not be local). */
export async function hasCommit(sha: string, cwd?: string): Promise<boolean> {
  const { code } = await runGit(['cat-file', '-e', `${sha}^{commit}`], { cwd, okCodes: [1, 128] });
  return code === 0;
}

/**
 * What one commit adds against its first parent (or the empty tree for a root commit), in the
 * same `--raw -z` + `-p --unified=0` shape as readStagedDiff.
 */
export async function readCommitDiff(commit: string, cwd?: string): Promise<Buffer> {
  const { stdout } = await runGit(
    [
      'diff-tree', '--no-commit-id', '-r', '--root', '--raw', '-z', '-p', '--unified=0', '--find-renames',
      '--no-abbrev', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
      '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=ACDMRT', '--first-parent', '-m', commit,
    ],
    { cwd },
  );
  return stdout;
}

/** Tracked files of the working tree, repo-relative (`-z`: names are never quoted). */
export async function listTrackedFiles(cwd?: string): Promise<string[]> {
  const { stdout } = await runGit(['ls-files', '-z', '--cached', '--full-name'], { cwd });
  return stdout.toString('utf8').split('\0').filter(Boolean);
}

/**
 * The index, and which of its files differ from it, in one `git ls-files -c -m -s -v`: each
 * entry's status tag, mode, blob id, stage and path, then, for a file that differs from its entry
 * by git's own check (the stat it recorded, then, where the stat differs or is too recent to
 * trust, the content; a deleted file too), a second line tagged C. Read-only: the index is not
 * refreshed, so a file touched but unchanged is read again by git each time, not listed. Parsed
 * by src/tree-parse.ts. One process where there were two (`git diff-files` for the changes,
 * which lists a touched file until the index is refreshed): each spawn is ~2 ms of the main thread.
 * https://git-scm.com/docs/git-ls-files#_output
 */
export function listIndex(cwd?: string): Promise<Buffer> {
  const ahead = listingAhead;
  listingAhead = undefined;
  return ahead && ahead.cwd === cwd ? ahead.output : listIndexNow(cwd);
}

async function listIndexNow(cwd?: string): Promise<Buffer> {
  // `:/`, the top of the working tree: the whole index from any folder of it.
  return (await runGitToFile(['ls-files', '-z', '--cached', '--modified', '--stage', '-v', '--full-name', '--', ':/'], { cwd })).stdout;
}

/** The listing startIndexListing started, until listIndex takes it. */
let listingAhead: { cwd: string | undefined; output: Promise<Buffer> } | undefined;

/**
 * Starts the next listIndex(cwd) now, as the command begins: a warm scan waits for git (~16 ms,
 * most of it the lstat of every tracked file), which then runs while the scan loads (~2 ms).
 * One not taken fails quietly: the command that started it has its own error to report.
 * Returns what that listIndex will.
 */
export function startIndexListing(cwd?: string): Promise<Buffer> {
  const output = listIndexNow(cwd);
  output.catch(() => undefined);
  listingAhead = { cwd, output };
  return output;
}

/**
 * Blob contents by id, in one `git cat-file --batch` (ids, not paths, so no name can break the
 * protocol). Missing objects come back undefined.
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export async function readBlobs(ids: readonly string[], cwd?: string): Promise<Map<string, Buffer | undefined>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Buffer | undefined>();
  if (unique.length === 0) return out;
  const parser = new CatFileBatchParser();
  const objects: BatchObject[] = [];
  await streamGit(['cat-file', '--batch'], (chunk) => objects.push(...parser.push(chunk)), { cwd, input: unique.join('\n') + '\n' }).done;
  parser.end();
  // One answer per id, in the order asked.
  if (objects.length !== unique.length) throw new DiffParseError(`cat-file --batch: ${objects.length} objects for ${unique.length} ids`);
  unique.forEach((id, i) => out.set(id, objects[i]!.missing ? undefined : (objects[i] as { content: Buffer }).content));
  return out;
}

/** Every path of a commit's tree (`-z`, recursive). */
export async function listTreeFiles(commit: string, cwd?: string): Promise<string[]> {
  const { stdout } = await runGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit], { cwd });
  return stdout.toString('utf8').split('\0').filter(Boolean);
}

/** The repository's tag names. */
export async function listTags(cwd?: string): Promise<string[]> {
  const text = await gitText(['tag', '--list'], { cwd });
  return text ? text.split('\n') : [];
}

/** The commit a ref names, annotated tags peeled; undefined when it names none. */
export async function resolveCommit(ref: string, cwd?: string): Promise<string | undefined> {
  const { stdout, code } = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd, okCodes: [1, 128] });
  return code === 0 ? stdout.toString('utf8').trim() : undefined;
}

/** A file's content at a commit, or undefined when the commit has no such file. */
export async function readFileAt(commit: string, path: string, cwd?: string): Promise<Buffer | undefined> {
  const { stdout, code } = await runGit(['cat-file', 'blob', `${commit}:${path}`], { cwd, okCodes: [128] });
  return code === 0 ? stdout : undefined;
}

/**
 * A detached worktree of `commit` at `dir`, for building a release without touching the
 * user's checkout. `--force` lets a worktree of a commit that is checked out elsewhere exist.
 * https://git-scm.com/docs/git-worktree
 */
export async function addWorktree(dir: string, commit: string, cwd?: string): Promise<void> {
  await runGit(['worktree', 'add', '--detach', '--force', dir, commit], { cwd });
}

export async function removeWorktree(dir: string, cwd?: string): Promise<void> {
  await runGit(['worktree', 'remove', '--force', dir], { cwd, okCodes: [128] });
  await runGit(['worktree', 'prune'], { cwd });
}

/** Tags matching a glob, newest version first. */
export async function listTagsByVersion(pattern: string, cwd?: string): Promise<string[]> {
  const text = await gitText(['tag', '--list', '--sort=-version:refname', pattern], { cwd });
  return text ? text.split('\n') : [];
}

/** Whether tracked files differ from HEAD or untracked files exist (ignored ones not counted). */
export async function workTreeStatus(cwd?: string): Promise<string> {
  return (await runGit(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd })).stdout.toString('utf8');
}

/** The top of the working tree and the common .git folder, from one git run. */
export async function showToplevelAndCommonDir(cwd?: string): Promise<{ top: string; commonDir: string }> {
  const [top, commonDir] = (await gitText(['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'], { cwd })).split('\n');
  if (!top || !commonDir) throw new GitError(['rev-parse', '--show-toplevel', '--git-common-dir'], 0, 'printed no paths');
  return { top, commonDir };
}

/**
 * The filter drivers git is configured to run on the way into the index (`filter.<name>.clean`
 * or `.process`). A clean filter that maps different contents to the same blob (one that strips
 * secrets) makes git find an edited file unchanged.
 * https://git-scm.com/docs/gitattributes#_filter
 */
export async function cleanFilterDrivers(cwd?: string): Promise<string[]> {
  const { stdout, code } = await runGit(['config', '-z', '--get-regexp', '^filter\\..*\\.(clean|process)$'], { cwd, okCodes: [1] });
  return code === 1 ? [] : parseFilterDrivers(stdout.toString('utf8'));
}

/**
 * The driver names in `git config -z --get-regexp '^filter\..*\.(clean|process)$'`: each entry
 * is its key, then a newline and its value (none for a key without one), then a NUL; a name may
 * hold dots (filter.a.b.clean is driver a.b).
 */
export function parseFilterDrivers(output: string): string[] {
  const names = new Set<string>();
  for (const entry of output.split('\0')) {
    if (!entry) continue;
    const newline = entry.indexOf('\n');
    const key = newline === -1 ? entry : entry.slice(0, newline);
    names.add(key.slice('filter.'.length, key.lastIndexOf('.')));
  }
  return [...names];
}

/** The absolute path of the common .git folder (shared by linked worktrees). */
export function commonGitDir(cwd?: string): Promise<string> {
  return gitText(['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd });
}

/** Whether refs/tags/<name> exists. */
export async function tagExists(name: string, cwd?: string): Promise<boolean> {
  const { code } = await runGit(['show-ref', '--verify', '--quiet', `refs/tags/${name}`], { cwd, okCodes: [1, 128] });
  return code === 0;
}

/** A git process whose output is read as it comes, for what is too large to hold at once. */
export interface GitStream {
  /** Stops reading git's output (git blocks once the pipe is full) until resume(). */
  pause(): void;
  resume(): void;
  /** Settles when git has exited and its output has been delivered: a GitError for a failure. */
  done: Promise<void>;
}

/** A git process that is fed its input bit by bit (`git cat-file --batch`). */
export interface GitFeed extends GitStream {
  /** Where output goes from now on. */
  onData: (chunk: Buffer) => void;
  write(text: string): void;
  /** No more input: git finishes and exits. */
  end(): void;
}

class GitAbortError extends Error {
  constructor() {
    super('git was stopped');
    this.name = 'AbortError';
  }
}

/**
 * Runs git and hands its stdout to `onData` chunk by chunk; `input` is written to its stdin
 * (all at once, or later through write() and end() with `input: 'feed'`). Aborting `signal`
 * kills git; `done` then rejects with GitAbortError.
 */
export function streamGit(
  args: readonly string[],
  onData: (chunk: Buffer) => void,
  options: { cwd?: string; input?: string; feed?: boolean; signal?: AbortSignal } = {},
): GitFeed {
  const piped = options.input !== undefined || options.feed === true;
  const child = spawnGit(args, options.cwd, piped ? 'pipe' : 'ignore');
  const stdout = child.stdout!;
  let aborted = false;
  /** What onData threw (output git's parser could not read): git is stopped, `done` rejects with it. */
  let failure: unknown;
  const abort = (): void => {
    aborted = true;
    child.kill('SIGTERM');
  };
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const feed: GitFeed = {
    onData,
    write: (text) => void child.stdin?.write(text),
    end: () => void child.stdin?.end(),
    pause: () => stdout.pause(),
    resume: () => stdout.resume(),
    done: Promise.resolve(),
  };
  stdout.on('data', (chunk: Buffer) => {
    if (aborted || failure !== undefined) return;
    try {
      feed.onData(chunk);
    } catch (error) {
      // Thrown in an event listener it would end the process, past every cleanup.
      failure = error;
      child.kill('SIGTERM');
    }
  });
  if (piped) {
    child.stdin!.on('error', () => undefined); // git exiting early (killed, or failing) is reported by its exit status
    if (options.input !== undefined) child.stdin!.end(options.input);
  }
  const settled = (error?: unknown): void => {
    options.signal?.removeEventListener('abort', abort);
    if (failure !== undefined) throw failure;
    if (aborted) throw new GitAbortError();
    if (error !== undefined) throw error;
  };
  feed.done = exitOf(child, args).then(() => settled(), settled);
  return feed;
}

/**
 * Every commit of every branch (and tag, and other ref) with the lines it adds, in one process:
 * a \x01 header with the commit id, then `--raw -z` records and a `-p --unified=0` patch,
 * parsed by src/history-parse.ts. Merges show no diff (their changes are in the commits they
 * merge), so they are left out. Options are explicit so user config cannot change the shape.
 */
export const HISTORY_LOG_ARGS: readonly string[] = [
  'log', '--all', '--no-merges', '--root', '--format=%x01%H', '-z', '--raw', '-p', '--unified=0',
  '--find-renames', '--no-abbrev', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv',
  '--no-relative', '--no-show-signature', '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/',
  '--diff-filter=ACMRT',
];

export function streamHistory(onData: (chunk: Buffer) => void, options: { cwd?: string; signal?: AbortSignal } = {}): GitStream {
  return streamGit(HISTORY_LOG_ARGS, onData, options);
}

/**
 * One `git cat-file --batch` for a whole tree's blobs: ids are written as they are wanted
 * (feed.write), contents come back in order as bytes for src/cat-file-parse.ts.
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export function blobFeed(options: { cwd?: string; signal?: AbortSignal } = {}): GitFeed {
  return streamGit(['cat-file', '--batch'], () => undefined, { ...options, feed: true });
}

/**
 * Every entry of a commit's tree with mode, type, id and size (`--long`), from git objects
 * only; parsed by src/tree-parse.ts.
 * https://git-scm.com/docs/git-ls-tree
 */
export async function listTree(commit: string, cwd?: string): Promise<Buffer> {
  return (await runGit(['ls-tree', '-r', '-z', '--full-tree', '--long', commit], { cwd })).stdout;
}

/**
 * The working tree (tracked files) against a commit, in the staged diff's shape
 * (parsed by src/diff-parse.ts parseWorkingTreeDiff).
 */
export async function readWorkingTreeDiff(commit: string, cwd?: string): Promise<Buffer> {
  const args = STAGED_DIFF_ARGS.filter((a) => a !== '--cached');
  return (await runGit([...args, commit, '--'], { cwd })).stdout;
}

/** How many commits `--history` covers: every non-merge commit reachable from any ref. */
export async function countHistoryCommits(cwd?: string): Promise<number> {
  return Number(await gitText(['rev-list', '--all', '--no-merges', '--count'], { cwd })) || 0;
}
