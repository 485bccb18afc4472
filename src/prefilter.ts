// One pass over the text for every rule's keywords, so a rule's pattern only runs where its
// secret can be: on the lines its keywords are on, or at the keywords themselves.
//
// Two passes, the same answer (test/unit/prefilter.test.ts holds them to it):
// - a case-insensitive regex alternation of every keyword: native code from the first call, the
//   faster one on the few kilobytes a commit adds;
// - once enough text has gone through an index (FAST_PASS_AFTER_CHARS), a rolling hash of the
//   last three characters, lower-cased through a table and looked up in a table of keyword
//   prefixes, over the text's bytes (src/text-bytes.ts): 2.5x faster on bench/sourcegen.ts's
//   corpus, where irregexp tries each of 225 alternatives at each position; in WebAssembly
//   (src/wasm/text-scan.wat) where it runs, 3.7x faster again (it reads the three characters as
//   one word there, not as a chain of hashes).

import { LOWER, textBytes } from './text-bytes.js';
import { textScan, type TextScan } from './wasm/text-scan.js';
import type { ContentRule } from './types.js';

/** Where one rule's keywords are in a text. */
export interface RuleHits {
  /** Offsets of the starts of the lines holding a keyword, ascending, each once. */
  lines: number[];
  /** Offsets at which a keyword starts, ascending, each once. */
  at: number[];
}

/** Rule index -> its hits, in the order of each rule's first hit. */
export type Candidates = Map<number, RuleHits>;

/** A keyword as character codes, and the rules that listed it. */
interface FastKeyword {
  /** Index in FastTables.keywords. */
  id: number;
  codes: Uint8Array;
  rules: readonly number[];
}

export interface FastTables {
  /** How many leading characters of each keyword the hash covers (the shortest keyword's length, at most 3). */
  gram: number;
  /** Hash of `gram` lower-cased characters, 7 bits each -> 1 + a prefix group's index, or 0. */
  prefixes: Uint8Array;
  /**
   * (group << 7 | the lower-cased character after the prefix) -> 1 + index in `buckets`, or 0.
   * Most prefix hits in source code are words that only start like a keyword ("data" for
   * datadog, "page" for age-secret-key): the next character turns them away without a call.
   */
  next: Uint16Array;
  /** The keywords a prefix and the character after it can start, in KeywordIndex.keywords order. */
  buckets: FastKeyword[][];
  /** Every keyword, by id. */
  keywords: FastKeyword[];
}

export interface KeywordIndex {
  /** Distinct lower-case keywords, longest first, then in code-unit order. */
  keywords: string[];
  /** One case-insensitive alternation of every keyword, longest first (the regex pass). */
  pattern: RegExp;
  /** Keyword -> indexes of the rules that listed it. */
  rulesByKeyword: Map<string, number[]>;
  /** First character (lower case) -> keywords starting with it, to find keywords that overlap a hit. */
  keywordsByFirst: Map<string, string[]>;
  /** How many rules the indexes in rulesByKeyword range over. */
  ruleCount: number;
  /** The rolling-hash pass's tables: undefined until built, null when the keywords do not allow it. */
  fast?: FastTables | null;
  /** Characters this index has been run over, to tell when building `fast` pays. */
  seen: number;
  /** How many characters `seen` must reach for the rolling-hash pass (the two constants below). */
  fastAfter: number;
}

/**
 * The rolling-hash pass is used once an index has been run over this many characters, counting
 * the text at hand: below it (a commit's or a push's added lines) the regex is faster, as the
 * rolling hash's tables take time to build, its WebAssembly to compile and load, and its code
 * runs interpreted at first: ~12 ms to switch, which a run pays in full whenever it switches.
 * So a run over more than FAST_PASS_INPUT_CHARS in all takes the rolling hash from its first
 * text (src/engine.ts runEngine). Measured on commits of 10 files of source code (median of 15, a process
 * each), the regex alone against the rolling hash from the first text: 80 KB 10.8 / 21.0 ms,
 * 300 KB 14.3 / 25.6, 500 KB 19.9 / 28.7, 1 MB 30.2 / 20.2. (The tables took ~4 ms to build
 * then, ~1 ms since buildFast makes each bucket once: the rolling hash's figures ~3 ms lower.)
 */
export const FAST_PASS_AFTER_CHARS = 1024 * 1024;
export const FAST_PASS_INPUT_CHARS = 768 * 1024;

/**
 * A whole-repository scan's threshold (src/scan/jobs.ts runJob sets it): its texts add up to
 * megabytes, and a threshold this low keeps the regex pass from running long enough to be
 * compiled, in each thread.
 */
export const BULK_FAST_PASS_AFTER_CHARS = 64 * 1024;

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
  return { keywords, pattern: new RegExp(source, 'gi'), rulesByKeyword, keywordsByFirst, ruleCount: rules.length, seen: 0, fastAfter: FAST_PASS_AFTER_CHARS };
}

/** The rolling-hash tables, or null when a keyword is not ASCII or there are over 255 prefixes. */
function buildFast(index: KeywordIndex): FastTables | null {
  const keywords = index.keywords;
  // eslint-disable-next-line no-control-regex
  if (keywords.length === 0 || !keywords.every((k) => /^[\x01-\x7f]+$/.test(k))) return null;
  const gram = Math.min(3, ...keywords.map((k) => k.length));
  const prefixes = new Uint8Array(1 << (7 * gram));
  const groups: FastKeyword[][] = [];
  const all: FastKeyword[] = [];
  for (const keyword of keywords) {
    const h = hashOf(keyword, gram);
    if (prefixes[h] === 0) {
      if (groups.length === 255) return null;
      groups.push([]);
      prefixes[h] = groups.length;
    }
    const fast = { id: all.length, codes: Uint8Array.from(keyword, (ch) => ch.charCodeAt(0)), rules: index.rulesByKeyword.get(keyword)! };
    all.push(fast);
    groups[prefixes[h]! - 1]!.push(fast);
  }
  const next = new Uint16Array((groups.length + 1) << 7);
  const buckets: FastKeyword[][] = [];
  const bucketOf = new Map<string, number>();
  // A bucket's number (1 + its index), each distinct list of keywords once.
  const numberOf = (bucket: FastKeyword[]): number => {
    if (bucket.length === 0) return 0;
    const key = bucket.map((k) => k.id).join();
    let number = bucketOf.get(key);
    if (number === undefined) bucketOf.set(key, (number = buckets.push(bucket)));
    return number;
  };
  groups.forEach((group, g) => {
    // The keywords that are the prefix itself go in every bucket of the group; with them, those
    // that continue with the character after it.
    const row = (g + 1) << 7;
    next.fill(numberOf(group.filter((k) => k.codes.length === gram)), row, row + 128);
    const after = [...new Set(group.filter((k) => k.codes.length > gram).map((k) => k.codes[gram]!))].sort((a, b) => a - b);
    for (const c of after) next[row | c] = numberOf(group.filter((k) => k.codes.length === gram || k.codes[gram] === c));
  });
  const tables = { gram, prefixes, next, buckets, keywords: all };
  // A first run over every keyword gives each path through the loop type feedback before V8
  // optimises it: optimised code compiled while a path had none deoptimises when it is taken,
  // once per call (seen 26 times in one worker's scan).
  const sample = keywords.join(' x\n');
  findInBytes(sample, textBytes.of(sample), index.ruleCount, tables);
  return tables;
}

function hashOf(keyword: string, gram: number): number {
  let h = 0;
  for (let i = 0; i < gram; i++) h = (h << 7) | keyword.charCodeAt(i);
  return h;
}

/**
 * Where each rule's keywords are in `text`. Every keyword starting at a position counts, so
 * overlapping keywords ("ghp_" inside "ghp_x") are all seen. Matching is ASCII
 * case-insensitive, as the regex `i` flag is for ASCII keywords.
 */
export function findCandidates(text: string, index: KeywordIndex): Candidates {
  index.seen += text.length;
  return index.seen >= index.fastAfter ? findFast(text, index) : findWithRegex(text, index);
}

/**
 * Whether findCandidates will take the rolling-hash pass for a text of this length next: a
 * whole-file scan then decodes the file into WebAssembly memory (src/scan/jobs.ts).
 */
export function takesFastPass(index: KeywordIndex, length: number): boolean {
  return index.fast !== null && index.seen + length >= index.fastAfter;
}

/** The regex pass (exported for the test that holds both passes to the same answer). */
export function findWithRegex(text: string, index: KeywordIndex): Candidates {
  const found = new Found(text, index.ruleCount);
  const pattern = index.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index;
    for (const keyword of index.keywordsByFirst.get(text[at]!.toLowerCase()) ?? []) {
      if (keywordAt(text, at, keyword)) found.add(index.rulesByKeyword.get(keyword)!, at);
    }
    pattern.lastIndex = at + 1;
  }
  return found.rules;
}

/** Whether `keyword` (lower-case ASCII) is at `at` in `text`, ASCII case-insensitively. */
function keywordAt(text: string, at: number, keyword: string): boolean {
  if (text.length - at < keyword.length) return false;
  for (let j = 0; j < keyword.length; j++) {
    const c = text.charCodeAt(at + j);
    if (c > 127 || LOWER[c] !== keyword.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * The rolling-hash pass (exported for the test that holds both passes to the same answer): in
 * WebAssembly where it runs (src/wasm/text-scan.wat, 3.7x faster on bench/sourcegen.ts's
 * corpus), else in JavaScript; `useWasm` false is for that test.
 */
export function findFast(text: string, index: KeywordIndex, useWasm = true): Candidates {
  const tables = fastTables(index);
  if (!tables) return findWithRegex(text, index);
  const scan = useWasm ? textScan() : null;
  return scan ? findWithWasm(text, scan, index.ruleCount, tables) : findInBytes(text, textBytes.of(text), index.ruleCount, tables);
}

/** The rolling-hash pass's tables of an index, built on first use; null when its keywords do not allow them. */
export function fastTables(index: KeywordIndex): FastTables | null {
  return (index.fast ??= buildFast(index));
}

/**
 * The candidates of `text` from the keywords found in it (offset and keyword id pairs, as
 * TextScan.keywordHits gives them, each offset `shift` more than in `text`): findCandidates'
 * answer, where the keyword pass ran over a larger text that holds this one (src/scan/file-chunks.ts).
 */
export function candidatesFromHits(text: string, index: KeywordIndex, hits: Int32Array, shift: number): Candidates {
  index.seen += text.length;
  const found = new Found(text, index.ruleCount);
  const keywords = index.fast!.keywords;
  for (let h = 0; h < hits.length; h += 2) found.add(keywords[hits[h + 1]!]!.rules, hits[h]! - shift);
  return found.rules;
}

/** findInBytes run by text-scan.wat. */
function findWithWasm(text: string, scan: TextScan, ruleCount: number, tables: FastTables): Candidates {
  let bytes: Uint8Array;
  try {
    bytes = scan.load(text);
  } catch (error) {
    // Its memory cannot grow to hold the text (a file of gigabytes, or no memory left): the
    // JavaScript loop reads it where it is.
    if (error instanceof RangeError) return findInBytes(text, textBytes.of(text), ruleCount, tables);
    throw error;
  }
  const found = new Found(text, ruleCount);
  const keywords = tables.keywords;
  if (scan.keywords(tables, (at, id) => found.add(keywords[id]!.rules, at))) return found.rules;
  return findInBytes(text, bytes, ruleCount, tables);
}

function findInBytes(text: string, bytes: Uint8Array, ruleCount: number, tables: FastTables): Candidates {
  const found = new Found(text, ruleCount);
  const n = text.length;
  const { prefixes, next, buckets, gram } = tables;
  const mask = (1 << (7 * gram)) - 1;
  let h = 0;
  for (let i = 0; i < n; i++) {
    h = ((h << 7) | LOWER[bytes[i]!]!) & mask;
    const g = prefixes[h]!;
    if (g === 0) continue;
    // bytes[n] is 0 (TextBytes): the look at the next character stays in bounds.
    const b = next[(g << 7) | LOWER[bytes[i + 1]!]!]!;
    if (b !== 0) visitBucket(buckets[b - 1]!, bytes, n, i + 1 - gram, gram + 1, found);
  }
  return found.rules;
}

/** Adds the rules of each keyword of a bucket found at `at`, whose first `known` characters matched. */
function visitBucket(bucket: readonly FastKeyword[], bytes: Uint8Array, n: number, at: number, known: number, found: Found): void {
  for (const { codes, rules } of bucket) {
    const length = codes.length;
    if (at + length > n) continue;
    let j = Math.min(known, length);
    while (j < length && LOWER[bytes[at + j]!] === codes[j]) j++;
    if (j === length) found.add(rules, at);
  }
}

/** One rule's hits as they are collected. */
class RuleHitList implements RuleHits {
  readonly lines: number[] = [];
  readonly at: number[] = [];
  lastLine = -1;
  lastAt = -1;
}

/** Collects hits, which arrive in ascending order of offset. */
class Found {
  readonly rules: Candidates = new Map();
  private readonly byRule: (RuleHitList | undefined)[];
  private lineStart = 0;
  /** Where the line of the last hit ends (its newline or the text's end); -1 before the first. */
  private lineEnd = -1;

  constructor(private readonly text: string, ruleCount: number) {
    this.byRule = new Array<RuleHitList | undefined>(ruleCount).fill(undefined);
  }

  add(rules: readonly number[], at: number): void {
    if (at > this.lineEnd) {
      // A hit on a later line: its start is found looking back from the hit, and that search
      // stops at the previous hit's line end at the latest, so the text is read once overall
      // (and only around hits, not at every newline).
      this.lineStart = at === 0 ? 0 : this.text.lastIndexOf('\n', at - 1) + 1;
      const end = this.text.indexOf('\n', at);
      this.lineEnd = end === -1 ? this.text.length : end;
    }
    for (const rule of rules) {
      let hits = this.byRule[rule];
      if (hits === undefined) {
        hits = this.byRule[rule] = new RuleHitList();
        this.rules.set(rule, hits);
      }
      if (hits.lastAt === at) continue;
      hits.lastAt = at;
      hits.at.push(at);
      if (hits.lastLine !== this.lineStart) {
        hits.lastLine = this.lineStart;
        hits.lines.push(this.lineStart);
      }
    }
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
