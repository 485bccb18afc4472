// One pass over the text for every rule's keywords, so a rule's regex only runs on lines that
// can hold its secret.

import type { ContentRule } from './types.js';

export interface KeywordIndex {
  /** One case-insensitive alternation of every keyword, longest first. */
  pattern: RegExp;
  /** Keyword -> indexes of the rules that listed it. */
  rulesByKeyword: Map<string, number[]>;
  /** First character (lower case) -> keywords starting with it, to find keywords that overlap a hit. */
  keywordsByFirst: Map<string, string[]>;
}

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
  return { pattern: new RegExp(source, 'gi'), rulesByKeyword, keywordsByFirst };
}

/**
 * Offsets of the starts of lines that contain a keyword, per rule index. Every keyword starting
 * at a hit position counts, so overlapping keywords ("ghp_" inside "ghp_x") are all seen.
 */
export function findCandidateLines(text: string, index: KeywordIndex): Map<number, Set<number>> {
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
      for (const ruleIndex of index.rulesByKeyword.get(keyword)!) {
        let lines = candidates.get(ruleIndex);
        if (!lines) candidates.set(ruleIndex, (lines = new Set()));
        lines.add(lineStart);
      }
    }
    pattern.lastIndex = at + 1;
  }
  return candidates;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
