// Tables for change rules: before/after pairs of a file that must report nothing (valid) or
// exactly the listed reports (invalid), checked through the real engine.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine, runEngine } from '../../src/engine.js';
import { formatMessage, hasMessage } from '../../src/messages.js';
import type { ChangeRule, ChangeStatus, Finding } from '../../src/types.js';

export interface ChangeCase {
  name: string;
  path: string;
  before: string | null;
  after: string | null;
  /** The repository's files after the change, for rules with needsRepoFiles. */
  repoFiles?: string[];
}

export interface ExpectedReport {
  messageId: string;
  severity?: 'error' | 'warn';
  line?: number;
  /** Substrings the rendered message must contain (old and new values, say). */
  says?: string[];
}

export interface InvalidChangeCase extends ChangeCase {
  reports: ExpectedReport[];
}

export function findingsForChange(rule: ChangeRule, c: ChangeCase): Finding[] {
  const status: ChangeStatus = c.before === null ? 'A' : c.after === null ? 'D' : 'M';
  const engine = createEngine([rule]);
  return runEngine(engine, {
    stage: 'commit', label: 'test', files: [],
    changes: [{ path: c.path, status, before: c.before, after: c.after, ...(c.repoFiles ? { repoFiles: new Set(c.repoFiles) } : {}) }],
  }).findings;
}

export function testChangeRule(rule: ChangeRule, table: { valid: ChangeCase[]; invalid: InvalidChangeCase[] }): void {
  test(`${rule.id}: table has valid and invalid cases`, () => {
    assert.ok(table.valid.length > 0 && table.invalid.length > 0);
  });
  for (const c of table.valid) {
    test(`${rule.id}: valid: ${c.name}`, () => {
      const findings = findingsForChange(rule, c);
      assert.equal(findings.map((f) => `${f.messageId}: ${formatMessage(f).message}`), []);
    });
  }
  for (const c of table.invalid) {
    test(`${rule.id}: invalid: ${c.name}`, () => {
      const findings = findingsForChange(rule, c);
      assert.equal(findings.map((f) => f.messageId).sort(), c.reports.map((r) => r.messageId).sort(), 'message codes');
      for (const expected of c.reports) {
        const f = findings.find((x) => x.messageId === expected.messageId && (expected.line === undefined || x.line === expected.line));
        assert.ok(f, `a ${expected.messageId} report${expected.line !== undefined ? ` on line ${expected.line}` : ''}`);
        assert.ok(hasMessage(f!.messageId));
        if (expected.severity) assert.is(f!.severity, expected.severity, 'severity');
        const text = formatMessage(f!).message;
        for (const part of expected.says ?? []) assert.ok(text.includes(part), `"${text}" says "${part}"`);
      }
    });
  }
}
