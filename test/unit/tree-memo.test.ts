// A kept tree result (src/scan/tree-memo.ts) reads back as it was written, the findings of one
// rule sharing one frozen data object; a damaged or foreign file is no result.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTreeResult, writeTreeResult, type TreeResult } from '../../src/scan/tree-memo.js';
import type { Finding } from '../../src/types.js';
import { removeTemps, tempDir } from '../helpers/repo.js';

const finding = (i: number): Finding => ({
  // Beyond ASCII too (the file is kept in ASCII, escaped): a redacted match's "…", a name, an emoji.
  ruleId: i % 2 ? 'github-token' : 'env-file', severity: 'error', file: `f${i}-\u00e9\u{1F600}`, line: i, column: 1,
  messageId: i % 2 ? 'secret' : 'env-file', data: i % 2 ? { name: 'GitHub token', revoke: 'https://github.com/settings/tokens' } : { path: `f${i}` },
  match: 'ghp_****\u2026(40 chars)', fingerprint: String(i).padStart(64, '0'),
});

test('tree memo: read back as written, under its digest; damaged files are none', () => {
  const dir = tempDir('shipgate-tree-memo-');
  const file = join(dir, 'key.tree');
  const result: TreeResult = {
    findings: Array.from({ length: 9 }, (_, i) => finding(i)),
    stats: { files: 9, lines: 90, bytes: 900, binaryFiles: 0, ignoredFiles: 0, suppressed: 0, durationMs: 5, rules: 3 },
    total: 9,
    notes: ['not scanned: big.bin (larger than 10 MB; scan.maxFileBytes in the config)'],
  };
  const jsonFindings = '[\n    { "match": "ghp_****\u2026(40 chars)" }\n  ]';
  writeTreeResult(file, 'abc123', result, jsonFindings);
  const kept = readTreeResult(file)!;
  assert.is(kept.digest, 'abc123');
  assert.equal(kept.result, result);
  assert.is(Buffer.from(kept.jsonFindings).toString('utf8'), jsonFindings, 'their JSON report text, as UTF-8');
  // Findings of one rule were kept with one data object, and share it read back: frozen, so
  // that adding to one finding's data (as the release gate does) replaces it with a copy.
  const [, first, , second] = kept.result.findings;
  assert.ok(first!.data === second!.data && Object.isFrozen(first!.data));
  assert.throws(() => {
    first!.data['approved'] = 'yes';
  }, TypeError);
  first!.data = { ...first!.data, approved: 'yes' };
  assert.is(second!.data['approved'], undefined);

  const text = readFileSync(file, 'utf8');
  assert.ok(text.endsWith(jsonFindings));
  assert.ok(/^[\x00-\x7f]*$/.test(text.slice(0, -jsonFindings.length)), 'kept in ASCII, but for the report\'s text');
  assert.ok(text.includes('"secret",1,'), 'a finding names its data by index');
  writeFileSync(file, text.replace('"secret",1,', '"secret",7,'));
  assert.is(readTreeResult(file), undefined, 'a finding naming data that is not there');
  writeFileSync(file, text.replace(/"notes":\[[^\]]*\]/, '"notes":[1]'));
  assert.is(readTreeResult(file), undefined, 'notes that are not text');
  writeFileSync(file, text.slice(0, text.length / 2));
  assert.is(readTreeResult(file), undefined, 'cut short');
  writeFileSync(file, text.replace(/^(shipgate tree result \d+ abc123 )\d+/, '$1x'));
  assert.is(readTreeResult(file), undefined, 'no length');
  writeFileSync(file, text.replace(/^shipgate tree result \d+/, 'shipgate tree result 1'));
  assert.is(readTreeResult(file), undefined, 'another format');
  assert.is(readTreeResult(join(dir, 'none.tree')), undefined, 'none kept');
});

test.after(removeTemps);
test.run();
