#!/usr/bin/env node
// The `shipgate` bin, and what the hook stubs run. It runs each command from a CommonJS bundle
// compiled through V8's code cache, made by the first run: dist/precommit.cjs, just the commit
// check (every commit waits for it), and dist/main.cjs, every command (and dist/worker.cjs, in
// the worker threads of a large scan). Measured on a 1,000-line
// commit: node alone 14 ms; this 24 ms; the same bundle without the cache 33 ms; the whole CLI
// as an ES module 44 ms. An ES module cannot be compiled from a code cache on Node 20.
//
// The cache sits beside the bundles (dist/.v8-cache), owned by whoever installed shipgate: code
// that can write there can already change shipgate itself, which is why it is not under the
// shared os.tmpdir(). Its name carries the bundle's content hash, the node version and the
// architecture, because V8 checks cached data against the source's length, not its content
// (SerializedCodeData::SourceHash in https://github.com/v8/v8/blob/main/src/snapshot/code-serializer.cc).
// Where it cannot be written (a read-only install), the command runs uncached; a cache V8
// rejects is rewritten.

import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line of each bundle, written by scripts/build.ts: its name and build. */
const BUNDLE_ID = /^\/\/ shipgate ([a-z]+) bundle ([0-9a-f]{16})\n/;
const CACHE_DIR = join(__dirname, '.v8-cache');

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
type Bundle = { main: (argv: string[]) => Promise<number> };

/**
 * The argument with which src/scan/pool.ts starts this file as a scan worker thread (its
 * __SHIPGATE_WORKER__, set by scripts/build.ts): it runs dist/worker.cjs, through the code cache
 * too. Compiled from the cache, a worker is ready in 18 ms rather than 25 (an ES module).
 */
const SCAN_WORKER = '--shipgate-scan-worker';

const preCommit = process.argv[2] === 'pre-commit';
if (process.argv[2] === SCAN_WORKER) {
  // A failure to load is the worker's error: the scan reports it.
  const { exports, saveCache } = loadWithCodeCache(join(__dirname, 'worker.cjs'));
  (exports as { serveJobs: (afterFirstJob?: () => void) => void }).serveJobs(saveCache);
} else {
  runCommand();
}

function runCommand(): void {
  const file = join(__dirname, preCommit ? 'precommit.cjs' : 'main.cjs');
  let loaded: ReturnType<typeof loadWithCodeCache> | undefined;
  try {
    loaded = loadWithCodeCache(file);
  } catch (error) {
    process.stderr.write(`shipgate: cannot load ${file}: ${String(error)}\nReinstall shipgate (npm install), or in a checkout of shipgate run npm run build; nothing was checked.\n`);
    process.exitCode = 2;
  }
  if (loaded) {
    const { exports, saveCache } = loaded;
    void (exports as Bundle).main(process.argv.slice(2)).then((code) => {
      saveCache?.();
      // Exiting as soon as the output is written skips node's wait for V8's pending background
      // work at a natural exit (incremental marking, compile jobs): ~1 ms of a commit, 10-20 ms
      // of a warm scan. The commit check resolves once its output is written.
      if (preCommit) process.exit(code);
      exitWhenWritten(code);
    });
  }
}

/**
 * Other commands also write through process.stdout, which is asynchronous for pipes on macOS
 * (https://nodejs.org/api/process.html#a-note-on-process-io): exit once both streams are
 * empty. An empty write's callback comes after the writes queued before it ('drain' would only
 * come after a write over the stream's high-water mark). A stream that is never written out
 * (its reader gone) leaves the exit to node.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  let left = pending.length;
  if (left === 0) process.exit(code);
  for (const stream of pending) stream.write('', () => --left === 0 && process.exit(code));
}

/**
 * Loads a CommonJS file as `require` would, compiled from V8's code cache when there is one.
 * saveCache, when there was no usable cache, writes one; called after the run, so the cache also
 * holds the functions compiled on the way.
 */
function loadWithCodeCache(file: string): { exports: object; saveCache?: () => void } {
  // The bundle is ASCII (esbuild escapes the rest), and latin1 decodes it fastest.
  const source = readFileSync(file, 'latin1');
  const [, name, id] = BUNDLE_ID.exec(source) ?? [];
  const prefix = `${name}-${id}-`;
  const cacheFile = id ? join(CACHE_DIR, `${prefix}${cacheVariant(name!)}${process.version}-${process.arch}.bin`) : undefined;
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const cjs = { exports: {} };
  (script.runInThisContext() as ModuleWrapper)(cjs.exports, createRequire(file), cjs, file, dirname(file));
  if (!cacheFile || (cachedData && !script.cachedDataRejected)) return cjs;
  return { ...cjs, saveCache: () => saveCodeCache(cacheFile, `${name}-`, prefix, () => script.createCachedData()) };
}

/**
 * What else a cache depends on. The command, for the main bundle: a cache holds the functions its
 * first run compiled, and one made by `install --prepare` (what `npm install` runs first) left
 * a scan 113 ms where one made by a scan gave 64. Node's and V8's flags: V8 rejects a cache made
 * under other flags, and one shared by two settings of NODE_OPTIONS was rewritten at every run.
 */
function cacheVariant(bundle: string): string {
  const command = process.argv[2] ?? '';
  const named = bundle === 'main' ? `${/^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other'}-` : '';
  const flags = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].join(' ').trim();
  return flags ? `${named}f${hashText(flags)}-` : named;
}

/** FNV-1a, as 8 hex digits: a name for a set of flags (node:crypto would load ~1 ms of code). */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache atomically (two runs may race) and drops the bundle's caches of other builds;
 * those of this build for other node versions stay, for whoever switches between them.
 */
function saveCodeCache(cacheFile: string, bundlePrefix: string, buildPrefix: string, create: () => Buffer): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    // Opened before the cache is made (~3 ms): a folder that exists but is not ours fails here.
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, create());
    } finally {
      closeSync(fd);
    }
    renameSync(temp, cacheFile);
    for (const entry of readdirSync(CACHE_DIR)) {
      if (entry.startsWith(bundlePrefix) && !entry.startsWith(buildPrefix) && !entry.endsWith('.tmp')) rmSync(join(CACHE_DIR, entry), { force: true });
    }
  } catch {
    // A read-only install: the command still ran, only without the cache.
  }
}
