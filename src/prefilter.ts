// One pass over the text for every rule's keywords, so a rule's regex only runs on lines that
// can hold its secret.
//
// The pass is a rolling hash of the last few characters, lower-cased through a table, looked up
// in a bitmap of keyword prefixes: about 2x faster than one case-insensitive regex alternation
// of 140 keywords (irregexp tries each alternative at each position), and the same answer.

import type { ContentRule } from './types.js';

export interface KeywordIndex {
  /** One case-insensitive alternation of every keyword, longest first (the fallback pass). */
  pattern: RegExp;
  /** Keyword -> indexes of the rules that listed it. */
  rulesByKeyword: Map<string, number[]>;
  /** First character (lower case) -> keywords starting with it, to find keywords that overlap a hit. */
  keywordsByFirst: Map<string, string[]>;
  /**
   * The fast pass, when every keyword is ASCII and there are at most 255 distinct prefixes:
   * the `gram` leading characters of each keyword (1 to 3, the shortest keyword's length), 7
   * bits each, index `prefixes`, which holds 1 + the index in `buckets` of the keywords (and
   * their rules) that start that way, or 0.
   */
  gram?: number;
  prefixes?: Uint8Array;
  buckets?: { keyword: string; rules: number[] }[][];
  /** How many rules the indexes in rulesByKeyword range over. */
  ruleCount: number;
  /** Whether the fast pass's tables were built (or found impossible). */
  fastTried?: boolean;
}

/**
 * The rolling-hash pass is off: after a deoptimisation V8 can re-optimise it into code that runs
 * ~1,000x slower on a 1 MB line (seen in the rules' adversarial tests). The regex alternation is
 * native code and has no such cliff. Kept for a later, safer attempt.
 */
const USE_FAST_PASS = false;

/** Below this many characters, the regex alternation is used (see findCandidateLines). */
export const FAST_PASS_MIN_CHARS = 64 * 1024;

/** Lower-case ASCII code of a UTF-16 unit; 0 for anything outside ASCII (no keyword has it). */
const LOWER = new Uint8Array(65536);
for (let c = 1; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

export function buildKeywordIndex(rules: readonly ContentRule[]): KeywordIndex {
  const rulesByKeyword = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    for (const keyword of rule.keywords) {
      const key = keyword.toLowerCase();
      const list = rulesByKeyword.get(key) ?? [];
      list.push(index);
      rulesByKeyword.set(key, list);
    }
  });
  const keywords = [...rulesByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const keywordsByFirst = new Map<string, string[]>();
  for (const keyword of keywords) {
    const first = keyword[0]!;
    keywordsByFirst.set(first, [...(keywordsByFirst.get(first) ?? []), keyword]);
  }
  const source = keywords.length ? keywords.map(escapeRegExp).join('|') : '(?!)';
  return { pattern: new RegExp(source, 'gi'), rulesByKeyword, keywordsByFirst, ruleCount: rules.length };
}

/** Builds the fast pass's tables (a 2 MB bitmap) the first time a text is long enough to use it. */
function ensureFast(index: KeywordIndex): boolean {
  if (index.fastTried) return index.prefixes !== undefined;
  index.fastTried = true;
  const keywords = [...index.rulesByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const rulesByKeyword = index.rulesByKeyword;
  // eslint-disable-next-line no-control-regex
  if (keywords.length && keywords.every((k) => k.length > 0 && /^[\x01-\x7f]+$/.test(k))) {
    const gram = Math.min(3, ...keywords.map((k) => k.length));
    const prefixes = new Uint8Array(1 << (7 * gram));
    const buckets: { keyword: string; rules: number[] }[][] = [];
    for (const keyword of keywords) {
      let h = 0;
      for (let i = 0; i < gram; i++) h = (h << 7) | keyword.charCodeAt(i);
      if (prefixes[h] === 0) {
        buckets.push([]);
        prefixes[h] = buckets.length;
      }
      buckets[prefixes[h]! - 1]!.push({ keyword, rules: rulesByKeyword.get(keyword)! });
    }
    if (buckets.length <= 255) Object.assign(index, { gram, prefixes, buckets });
  }
  return index.prefixes !== undefined;
}

/**
 * Offsets of the starts of lines that contain a keyword, per rule index. Every keyword starting
 * at a hit position counts, so overlapping keywords ("ghp_" inside "ghp_x") are all seen.
 */
export function findCandidateLines(text: string, index: KeywordIndex): Map<number, Set<number>> {
  // The rolling-hash pass wins once V8 has compiled it; on the few kilobytes a commit adds it
  // would run in the interpreter, where the regex (native code from the first call) is faster.
  if (USE_FAST_PASS && text.length >= FAST_PASS_MIN_CHARS && ensureFast(index)) return findFast(text, index);
  const candidates = new Map<number, Set<number>>();
  const pattern = index.pattern;
  pattern.lastIndex = 0;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index;
    // Hits come in order, so the line start only moves forward: linear in the text.
    while (nextNewline !== -1 && nextNewline < at) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const first = text[at]!.toLowerCase();
    for (const keyword of index.keywordsByFirst.get(first) ?? []) {
      if (text.length - at < keyword.length) continue;
      if (text.slice(at, at + keyword.length).toLowerCase() !== keyword) continue;
      addCandidates(candidates, index.rulesByKeyword.get(keyword)!, lineStart);
    }
    pattern.lastIndex = at + 1;
  }
  return candidates;
}

/**
 * Makes V8 store a string flat. A concatenated string (a "cons string") that reaches optimised
 * code answers charCodeAt through a runtime call per character: 1,000x slower on a 1 MB line.
 * ToNumber flattens it in place (the trick of the flatstr package).
 */
export function flatten(text: string): string {
  Number(text);
  return text;
}

function findFast(input: string, index: KeywordIndex): Map<number, Set<number>> {
  const text = flatten(input);
  const candidates = new Map<number, Set<number>>();
  const prefixes = index.prefixes!;
  const buckets = index.buckets!;
  const gram = index.gram!;
  const mask = (1 << (7 * gram)) - 1;
  // The line each rule was last added for: a line with many hits adds a rule once.
  const lastLine = new Int32Array(index.ruleCount!).fill(-1);
  const n = text.length;
  let h = 0;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  for (let i = 0; i < n; i++) {
    h = ((h << 7) | LOWER[text.charCodeAt(i)]!) & mask;
    const b = prefixes[h]!;
    if (b === 0) continue;
    const at = i + 1 - gram;
    for (const { keyword, rules } of buckets[b - 1]!) {
      const length = keyword.length;
      if (at + length > n) continue;
      let j = gram;
      while (j < length && LOWER[text.charCodeAt(at + j)] === keyword.charCodeAt(j)) j++;
      if (j < length) continue;
      while (nextNewline !== -1 && nextNewline < at) {
        lineStart = nextNewline + 1;
        nextNewline = text.indexOf('\n', lineStart);
      }
      for (const ruleIndex of rules) {
        if (lastLine[ruleIndex] === lineStart) continue;
        lastLine[ruleIndex] = lineStart;
        let lines = candidates.get(ruleIndex);
        if (!lines) candidates.set(ruleIndex, (lines = new Set()));
        lines.add(lineStart);
      }
    }
  }
  return candidates;
}

function addCandidates(candidates: Map<number, Set<number>>, rules: readonly number[], lineStart: number): void {
  for (const ruleIndex of rules) {
    let lines = candidates.get(ruleIndex);
    if (!lines) candidates.set(ruleIndex, (lines = new Set()));
    lines.add(lineStart);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
