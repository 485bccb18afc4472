// A large scan's workers let V8 optimise later than it would by default. Each worker is a new
// isolate that warms up its own JIT, and on two cores TurboFan's background compiles take CPU
// from the scan itself: `perf` put a fifth of a 200 MB scan's cycles in TurboFan (Node 20). With
// more type feedback before it optimises, V8 compiles less, and code that deoptimises less.
// Measured on 2 cores, medians of 6 (bench/scan.ts's corpus, 200 MB; a real node_modules, 160 MB):
//   Node 20, --interrupt-budget=1200000 (default 67584):      corpus 665 -> 592 ms, node_modules 612 -> 537 ms
//     then 3000000 against 1200000 (medians of 12, twice): corpus 500 -> 496 and 507 -> 499 ms,
//     node_modules the same (426 -> 424, 422 -> 425); 10000000 was slower (corpus 530 ms)
//   Node 22, --invocation-count-for-turbofan=30000 (3000):    corpus 642 -> 588 ms
//   Node 24: no gain (552 -> 560 ms), so nothing is set there.
// It is set for file scans that start workers (src/scan/pool.ts createRunner, from
// MIN_WORKER_BYTES), where it pays from 50 MB (233 -> 211 ms; measured when workers started
// from 12 MB, where a scan is over before it pays: 169 against 182 ms); --history's workers
// keep V8's default. The flag names changed between V8 versions, and V8 prints an error for one
// it does not know, so each is set only on the V8 it was measured on.

import { createRequire } from 'node:module';

/** The V8 flag that delays TurboFan on this V8 (by major.minor), and the one that restores its default; or undefined. */
export function lateTierUpFlags(v8Version: string = process.versions.v8): { delay: string; restore: string } | undefined {
  const [major, minor] = v8Version.split('.').map(Number);
  // Defaults as `node --v8-options` lists them (test/unit/tier-up.test.ts checks the running one).
  if (major === 11 && minor === 3) return { delay: '--interrupt-budget=3000000', restore: '--interrupt-budget=67584' }; // Node 20
  if (major === 12 && minor === 4) return { delay: '--invocation-count-for-turbofan=30000', restore: '--invocation-count-for-turbofan=3000' }; // Node 22
  return undefined;
}

let applied = false;

function setFlag(flag: string): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}

/**
 * Sets the flag before a scan's workers start: V8's flags are the process's, and a new isolate
 * takes them as it starts.
 */
export function delayTierUp(): void {
  const flags = lateTierUpFlags();
  if (applied || !flags) return;
  applied = true;
  setFlag(flags.delay);
}

/**
 * Restores the default once the workers are done. V8's code cache carries a hash of the flags,
 * and the bin writes the cache at the end of a run (bin.cts): written with the flag set, it was
 * rejected by every later run, which wrote it again (~6 ms of each cold scan on Node 20).
 */
export function restoreTierUp(): void {
  if (!applied) return;
  applied = false;
  setFlag(lateTierUpFlags()!.restore);
}
