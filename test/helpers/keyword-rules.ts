// Content rules that are only their keywords, for the prefilter's tests, and candidates as
// plain data to compare.

import type { Candidates } from '../../src/prefilter.js';
import type { ContentRule } from '../../src/types.js';

export const keywordRule = (id: string, keywords: string[]): ContentRule => ({
  id, kind: 'content', description: '', severity: 'error', stages: ['scan'], source: '', keywords,
  pattern: /x/g, secretName: '', revoke: '',
});

/** Rule index, keyword lines and keyword offsets, in the order found. */
export const plainCandidates = (c: Candidates): unknown[] => [...c].map(([r, h]) => [r, h.lines, h.at]);
