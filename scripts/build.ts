// The second half of `npm run build`, after tsc: bundle the CLI into one file (dist/cli.js, which
// hooks installed by earlier versions run; dist/bin.cjs runs the CommonJS bundles made below),
// so that a command loads one module instead of dozens, with the built-in rules' globs compiled by
// micromatch now rather than at every commit (loading micromatch costs ~5 ms), with the texts a
// matching path must contain (src/globs.ts requiredTexts).

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import wabtInit from 'wabt';
import micromatch from 'micromatch';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { requiredTexts, type PrecompiledGlob } from '../src/globs.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');

// The scan's WebAssembly loops: compiled from their text format, written beside the tsc output
// (for the modules in dist/src) and put in each bundle as base64.
const wasm = await compileWat(join(dist, '..', 'src', 'wasm', 'text-scan.wat'));
writeFileSync(join(dist, 'src', 'wasm', 'text-scan.wasm'), wasm);
const wasmDefine = JSON.stringify(Buffer.from(wasm).toString('base64'));

const globs: Record<string, PrecompiledGlob> = {};
for (const rule of rules.values()) {
  for (const glob of [...(rule.files ?? []), ...(rule.excludeFiles ?? [])]) {
    const re = micromatch.makeRe(glob, { dot: true });
    globs[glob] = { source: re.source, flags: re.flags, texts: requiredTexts(glob) ?? null };
  }
}

// What every bundle is built with: the precompiled globs and the WebAssembly module.
const defines = { __SHIPGATE_GLOBS__: JSON.stringify(globs), __SHIPGATE_BUNDLED__: 'true', __SHIPGATE_WASM__: wasmDefine };

// `shipgate scan` spreads large scans over worker threads, each building its own engine from the
// rules. Those of dist/cli.js load dist/src/scan/worker.js, bundled in place the same way; those
// of dist/main.cjs run dist/bin.cjs with the argument that makes it load dist/worker.cjs (made
// below, from the same module) through V8's code cache. Each bundle says where its worker is,
// relative to itself in dist/ (src/scan/pool.ts).
const worker = join(dist, 'src', 'scan', 'worker.js');
const workerPath = JSON.stringify({ path: './src/scan/worker.js' });
// bin.cts SCAN_WORKER
const cachedWorkerPath = JSON.stringify({ path: './bin.cjs', argv: ['--shipgate-scan-worker'] });

// Before the module is bundled in place.
await bundleForCodeCache('src/scan/worker.js', 'worker', { __SHIPGATE_WORKER_BUNDLE__: 'true' });

await build({
  entryPoints: [worker],
  outfile: worker,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: defines,
  banner: { js: '// shipgate scan worker, bundled by scripts/build.ts from the tsc output in dist/.' },
  logLevel: 'warning',
});

await build({
  entryPoints: [join(dist, 'cli.js')],
  outfile: join(dist, 'cli.js'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // chalk is loaded only for coloured reports; keeping it out keeps the bundle small.
  external: ['chalk'],
  define: { ...defines, __SHIPGATE_WORKER__: workerPath },
  banner: { js: '// shipgate CLI, bundled by scripts/build.ts from the tsc output in dist/.' },
  logLevel: 'warning',
});

// The bundles bin.cts compiles through V8's code cache (an ES module cannot be), as CommonJS:
// the pre-commit check alone (every commit waits for it), and every command. chalk is bundled:
// CommonJS cannot load it, and it loads only for colour. The first line names the bundle and
// its build, so that a cache made for another build is never used.
async function bundleForCodeCache(entry: string, name: string, extra: Record<string, string> = {}): Promise<void> {
  const result = await build({
    entryPoints: [join(dist, entry)],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { ...defines, __SHIPGATE_WORKER__: cachedWorkerPath, 'import.meta.url': '__shipgate_module_url', ...extra },
    logLevel: 'warning',
  });
  const bundled = result.outputFiles[0]!.text;
  // vm.Script, which bin.cts compiles it with, has no loader for import(): none may be left.
  if (/\bimport\(/.test(bundled.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) {
    throw new Error(`${entry}: the CommonJS bundle still calls import(); load that module with createRequire`);
  }
  // "use strict" first: the ES modules this was made from ran in strict mode. esbuild leaves
  // non-ASCII characters in regex literals; escaped, the file is ASCII, which bin.cts reads as
  // latin1 (the fastest decoding) and V8 keeps as a one-byte string.
  const text = `"use strict";\nvar __shipgate_module_url = require("node:url").pathToFileURL(__filename).href;\n${bundled}`
    .replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(join(dist, `${name}.cjs`), `// shipgate ${name} bundle ${id}\n${text}`);
}

await bundleForCodeCache('precommit.js', 'precommit');
await bundleForCodeCache('main.js', 'main');

/** A WebAssembly text file compiled to its binary, validated (SIMD is a default feature of wabt). */
async function compileWat(path: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(path, readFileSync(path, 'utf8'));
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
