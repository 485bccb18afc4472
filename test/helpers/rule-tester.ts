// RuleTester for shipgate rules (ESLint's RuleTester is the model): a table of valid cases that
// must produce no finding and invalid cases that must produce exactly the findings listed.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine, runEngine } from '../../src/engine.js';
import { hasMessage } from '../../src/messages.js';
import type { FileInfo, Rule, ScanFile } from '../../src/types.js';

export interface ValidCase {
  /** Shown in the test name; defaults to the path. */
  name?: string;
  /** Repo-relative path of the file the code sits in. */
  path: string;
  /** File content (content rules) or nothing (file rules look at the path). */
  code?: string;
  kind?: FileInfo['kind'];
}

export interface InvalidCase extends ValidCase {
  /** The expected findings, in order: 1-based line (0 for file-level) and optional column. */
  findings: { line: number; column?: number }[];
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Registers one uvu test per case; the file calling this runs `test.run()` once at the end. */
export function testRule(rule: Rule, table: RuleTable): void {
  test(`${rule.id}: table has valid and invalid cases`, () => {
    assert.ok(table.valid.length > 0, 'at least one valid case');
    assert.ok(table.invalid.length > 0, 'at least one invalid case');
  });
  for (const [i, c] of table.valid.entries()) {
    test(`${rule.id}: valid #${i + 1} ${c.name ?? c.path}`, () => {
      const findings = findingsFor(rule, c);
      assert.equal(findings.map((f) => `${f.line}:${f.column} ${f.match}`), [], 'no findings expected');
    });
  }
  for (const [i, c] of table.invalid.entries()) {
    test(`${rule.id}: invalid #${i + 1} ${c.name ?? c.path}`, () => {
      const findings = findingsFor(rule, c);
      assert.equal(
        findings.map((f, j) => ({ line: f.line, ...(c.findings[j]?.column !== undefined ? { column: f.column } : {}) })),
        c.findings,
      );
      for (const f of findings) {
        assert.ok(hasMessage(f.messageId), `message code "${f.messageId}" has text in src/messages.ts`);
        if (c.code && f.line > 0) assert.not.ok(c.code.includes(f.match), 'the reported match is redacted');
      }
    });
  }
}

export function findingsFor(rule: Rule, c: ValidCase) {
  const file: ScanFile = {
    path: c.path,
    status: 'A',
    kind: c.kind ?? 'file',
    binary: false,
    chunks: c.code === undefined ? [] : [{ startLine: 1, text: c.code }],
  };
  const engine = createEngine([rule]);
  return runEngine(engine, { stage: 'scan', label: 'test', files: [file] }).findings;
}
