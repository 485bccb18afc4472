#!/usr/bin/env node
// The `shipgate` bin, and what the hook stubs run. Every commit waits for `pre-commit`, so that
// command takes a short path: dist/precommit.cjs, one CommonJS bundle of just the commit check,
// compiled from V8's code cache after the first run. Measured on a 1,000-line commit: node
// alone 14 ms; this 24 ms; the same bundle without the cache 33 ms; the whole CLI as an ES
// module 44 ms. Every other command loads the full CLI, dist/cli.js.
//
// The cache sits beside the bundle (dist/.v8-cache), owned by whoever installed shipgate: code
// that can write there can already change shipgate itself, which is why it is not under the
// shared os.tmpdir(). Its name carries the bundle's content hash, the node version and the
// architecture, because V8 checks cached data against the source's length, not its content
// (SerializedCodeData::SourceHash in https://github.com/v8/v8/blob/main/src/snapshot/code-serializer.cc).
// Where it cannot be written (a read-only install), the check runs uncached; a cache V8 rejects
// is rewritten.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** The first line of dist/precommit.cjs, written by scripts/build.ts. */
const BUNDLE_ID = /^\/\/ shipgate precommit bundle ([0-9a-f]{16})\n/;
const CACHE_DIR = join(__dirname, '.v8-cache');

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
type PreCommitBundle = { main: (argv: string[]) => Promise<number> };

if (process.argv[2] === 'pre-commit') {
  const { exports, saveCache } = loadWithCodeCache(join(__dirname, 'precommit.cjs'));
  void (exports as PreCommitBundle).main(process.argv.slice(2)).then((code) => {
    saveCache?.();
    // main resolves once its output is written. Exiting now skips waiting for V8's background
    // tasks at a natural exit, ~1 ms of every commit.
    process.exit(code);
  });
} else {
  import(pathToFileURL(join(__dirname, 'cli.js')).href).catch((error: unknown) => {
    process.stderr.write(`shipgate: cannot load ${join(__dirname, 'cli.js')}: ${String(error)}\nReinstall shipgate (npm install); nothing was checked.\n`);
    process.exitCode = 2;
  });
}

/**
 * Loads a CommonJS file as `require` would, compiled from V8's code cache when there is one.
 * saveCache, when there was no usable cache, writes one; called after the run, so the cache also
 * holds the functions compiled on the way.
 */
function loadWithCodeCache(file: string): { exports: object; saveCache?: () => void } {
  // The bundle is ASCII (esbuild escapes the rest), and latin1 decodes it fastest.
  const source = readFileSync(file, 'latin1');
  const id = BUNDLE_ID.exec(source)?.[1];
  const cacheFile = id ? join(CACHE_DIR, `precommit-${id}-${process.version}-${process.arch}.bin`) : undefined;
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const loaded = { exports: {} };
  (script.runInThisContext() as ModuleWrapper)(loaded.exports, createRequire(file), loaded, file, dirname(file));
  if (!cacheFile || (cachedData && !script.cachedDataRejected)) return loaded;
  return { ...loaded, saveCache: () => saveCodeCache(cacheFile, `precommit-${id}-`, () => script.createCachedData()) };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache atomically (two commits may race) and drops the caches of other builds; those
 * of this build for other node versions stay, for whoever switches between them.
 */
function saveCodeCache(cacheFile: string, buildPrefix: string, create: () => Buffer): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, create());
    renameSync(temp, cacheFile);
    for (const name of readdirSync(CACHE_DIR)) {
      if (name.startsWith('precommit-') && !name.startsWith(buildPrefix) && !name.endsWith('.tmp')) rmSync(join(CACHE_DIR, name), { force: true });
    }
  } catch {
    // A read-only install: the check still ran, only without the cache.
  }
}
