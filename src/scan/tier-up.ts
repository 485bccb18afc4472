// A large scan's workers let V8 optimise later than it would by default. Each worker is a new
// isolate that warms up its own JIT, and on two cores TurboFan's background compiles take CPU
// from the scan itself: `perf` put a fifth of a 200 MB scan's cycles in TurboFan (Node 20). With
// more type feedback before it optimises, V8 compiles less, and code that deoptimises less.
// Measured on 2 cores, medians of 6 (bench/scan.ts's corpus, 200 MB; a real node_modules, 160 MB):
//   Node 20, --interrupt-budget=1200000 (default 67584):      corpus 665 -> 592 ms, node_modules 612 -> 537 ms
//   Node 22, --invocation-count-for-turbofan=30000 (3000):    corpus 642 -> 588 ms
//   Node 24: no gain (552 -> 560 ms), so nothing is set there.
// It is set for scans that start workers (src/scan/pool.ts MIN_WORKER_BYTES), where it pays
// from the smallest (50 MB: 233 -> 211 ms); a scan of 12 MB is over before it does (169 against
// 182 ms). The flag names changed between V8 versions, and V8 prints an error for one it
// does not know, so each is set only on the V8 it was measured on.

import { createRequire } from 'node:module';

/** The V8 flag that delays TurboFan on this V8 (by major.minor), or undefined. */
export function lateTierUpFlag(v8Version: string = process.versions.v8): string | undefined {
  const [major, minor] = v8Version.split('.').map(Number);
  if (major === 11 && minor === 3) return '--interrupt-budget=1200000'; // Node 20
  if (major === 12 && minor === 4) return '--invocation-count-for-turbofan=30000'; // Node 22
  return undefined;
}

let applied = false;

/**
 * Sets the flag before a scan's workers start: V8's flags are the process's, and a new isolate
 * takes them as it starts. Once per process.
 */
export function delayTierUp(): void {
  if (applied) return;
  applied = true;
  const flag = lateTierUpFlag();
  if (flag) (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}
