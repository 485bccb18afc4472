// The registry: every built-in rule, keyed by id, in id order. A test checks that every file in
// rules/ is registered here and has a test table in test/rules/.

import type { Rule } from '../src/types.js';
import { githubToken } from './github-token.js';

const all: Rule[] = [
  githubToken,
];

export const rules: ReadonlyMap<string, Rule> = new Map(
  all.sort((a, b) => (a.id < b.id ? -1 : 1)).map((rule) => [rule.id, rule]),
);
