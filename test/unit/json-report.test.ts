// The JSON report made ahead (src/report/json.ts prepareJson) is the report made after, with the
// duration at the time of writing; a result changed since is made again. Findings kept with
// their text (src/scan/tree-memo.ts) are written as that text.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatMessage } from '../../src/messages.js';
import { formatJson as formatted, prepareJson, renderJsonFindings } from '../../src/report/json.js';
import type { Finding, ScanResult } from '../../src/types.js';

const finding = (i: number): Finding => ({
  ruleId: 'github-token', severity: 'error', file: `a "durationMs": ${i}.js`, line: i, column: 1, messageId: 'secret',
  data: { name: 'GitHub token', revoke: 'https://github.com/settings/tokens' }, match: 'ghp_****', fingerprint: String(i).padStart(64, '0'),
});

/** The report as text, made as a string or as bytes. */
const formatJson = (r: ScanResult): string => {
  const report = formatted(r);
  return typeof report === 'string' ? report : Buffer.from(report).toString('utf8');
};

const result = (): ScanResult => ({
  label: 'tracked files', findings: [finding(1), finding(22)], skipped: [],
  stats: { files: 2, lines: 4, bytes: 80, binaryFiles: 0, ignoredFiles: 0, rules: 3, suppressed: 0, durationMs: 1.2 },
});

test('json report: made ahead, then with the duration of the moment', () => {
  const ahead = result();
  prepareJson(ahead);
  ahead.stats.durationMs = 1234.4;
  const fresh = result();
  fresh.stats.durationMs = 1234.4;
  assert.fixture(formatJson(ahead), formatJson(fresh));
  assert.is(JSON.parse(formatJson(ahead)).stats.durationMs, 1234);
  // A finding's file name that reads like the duration is left alone.
  assert.is(JSON.parse(formatJson(ahead)).findings[1].file, 'a "durationMs": 22.js');
});

test('json report: the findings\' text made apart is the report\'s own, indented in place', () => {
  const r = result();
  r.findings.push({ ...finding(3), match: 'sk_****\u2026(32 chars)', file: 'caf\u00e9/\u{1F600}.js' });
  const whole = JSON.stringify({
    version: 1,
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, column: f.column, message: formatMessage(f).message, fingerprint: f.fingerprint, match: f.match })),
    skipped: r.skipped, stats: { ...r.stats, durationMs: 1 },
  }, null, 2) + '\n';
  assert.fixture(formatJson(r), whole);
  assert.fixture(formatJson({ ...r, findings: [] }), whole.replace(/"findings": \[[^]*?\n  \],/, '"findings": [],'));
  // Kept as bytes, the same text.
  const kept = result();
  kept.findings = r.findings;
  prepareJson(kept, { count: 3, text: Buffer.from(renderJsonFindings(r.findings), 'utf8') });
  kept.stats.durationMs = 1;
  assert.ok(formatted(kept) instanceof Uint8Array, 'written as the bytes it was kept as');
  assert.fixture(formatJson(kept), whole);
});

test('json report: kept findings\' text stands only for as many findings as it was made for', () => {
  const text = Buffer.from('[ "as kept" ]', 'utf8');
  const same = result();
  prepareJson(same, { count: 2, text });
  assert.equal(JSON.parse(formatJson(same)).findings, ['as kept']);
  // One taken out since (an ignore entry): made again.
  const fewer = result();
  fewer.findings.pop();
  prepareJson(fewer, { count: 2, text });
  assert.is(JSON.parse(formatJson(fewer)).findings[0].line, 1);
  assert.is(JSON.parse(formatJson(fewer)).findings.length, 1);
});

test('json report: a result changed since it was made ahead is made again', () => {
  const changes: ((r: ScanResult) => void)[] = [
    (r) => r.findings.push(finding(3)),
    (r) => r.skipped.push({ ruleId: 'npm-token', reason: 'config' }),
    (r) => (r.stats.suppressed = 1),
    (r) => (r.releases = [{ lines: [], data: { version: '1.0.0' } }]),
  ];
  for (const change of changes) {
    const ahead = result();
    prepareJson(ahead);
    change(ahead);
    const fresh = result();
    change(fresh);
    assert.fixture(formatJson(ahead), formatJson(fresh));
  }
});

test('json report: each finding\'s own message, where findings share one data object', () => {
  // A kept result shares each rule's data between its findings (src/scan/tree-memo.ts), and the
  // report makes a message once per data object: one shared by two kinds of message gets both.
  const data = { path: 'secrets/.env', name: 'GitHub token', revoke: 'https://github.com/settings/tokens' };
  const findings: Finding[] = [
    { ...finding(1), data },
    { ...finding(2), ruleId: 'env-file', messageId: 'env-file', data },
    { ...finding(3), data },
    { ...finding(4), ruleId: 'env-file', messageId: 'env-file', data },
  ];
  const report = JSON.parse(formatJson({ ...result(), findings })) as { findings: { message: string }[] };
  assert.equal(report.findings.map((f) => f.message), findings.map((f) => formatMessage(f).message));
  assert.is.not(report.findings[0]!.message, report.findings[1]!.message);
});

test.run();
