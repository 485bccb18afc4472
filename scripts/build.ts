// The second half of `npm run build`, after tsc: bundle the CLI into one file, so that the
// pre-commit hook loads one module instead of dozens, with the built-in rules' globs compiled by
// micromatch now rather than at every commit (loading micromatch costs ~5 ms).

import { build } from 'esbuild';
import micromatch from 'micromatch';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');

const globs: Record<string, { source: string; flags: string }> = {};
for (const rule of rules.values()) {
  for (const glob of [...(rule.files ?? []), ...(rule.excludeFiles ?? [])]) {
    const re = micromatch.makeRe(glob, { dot: true });
    globs[glob] = { source: re.source, flags: re.flags };
  }
}

// `shipgate scan` spreads large scans over worker threads; each loads dist/src/scan/worker.js,
// bundled in place the same way (it builds its own engine from the rules).
const worker = join(dist, 'src', 'scan', 'worker.js');

await build({
  entryPoints: [worker],
  outfile: worker,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { __SHIPGATE_GLOBS__: JSON.stringify(globs) },
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
  // chalk is loaded only for coloured reports; keeping it out keeps the hook path small.
  external: ['chalk'],
  define: { __SHIPGATE_GLOBS__: JSON.stringify(globs), __SHIPGATE_WORKER__: JSON.stringify('./src/scan/worker.js') },
  banner: { js: '// shipgate CLI, bundled by scripts/build.ts from the tsc output in dist/.' },
  logLevel: 'warning',
});
