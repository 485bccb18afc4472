// Milliseconds for durations, from process.hrtime rather than performance.now(): the global
// `performance` loads perf_hooks on first use (~0.5 ms of a warm scan, ~0.8 ms of a commit).
// https://nodejs.org/api/process.html#processhrtimebigint

/** A monotonic time in milliseconds, for differences only. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
