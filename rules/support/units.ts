// Sizes and factors for people. Bytes are formatted exactly as the release summary prints them
// (decimal units, as npm does), so a finding and the summary above it show the same numbers.

import { formatBytes } from '../../src/release/summary.js';

export { formatBytes };

/** 3 -> "3.0", 12.345 -> "12.3": a growth factor, without the "x". */
export function formatFactor(factor: number): string {
  return factor >= 100 ? String(Math.round(factor)) : factor.toFixed(1);
}

/** 13912 -> "13,912 B". */
export function exactBytes(bytes: number): string {
  return `${String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} B`;
}

/**
 * Sizes that are read against each other ("14 kB, over the 14 kB budget"): rounded as npm
 * prints them, or exact when rounding would make two different sizes look the same.
 */
export function formatSizes(...sizes: number[]): string[] {
  const rounded = sizes.map((size) => formatBytes(size));
  const distinct = new Set(sizes).size;
  return new Set(rounded).size === distinct ? rounded : sizes.map(exactBytes);
}
