import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parsePushInput, PushInputError } from '../../src/push-input.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

const table: { name: string; input: string; expect: object[] }[] = [
  { name: 'empty stdin', input: '', expect: [] },
  { name: 'update', input: `refs/heads/main ${A} refs/heads/main ${B}\n`, expect: [{ localSha: A, remoteSha: B, deletion: false, creation: false }] },
  { name: 'new branch', input: `refs/heads/x ${A} refs/heads/x ${Z}\n`, expect: [{ creation: true, deletion: false }] },
  { name: 'deletion', input: `(delete) ${Z} refs/heads/x ${B}\n`, expect: [{ deletion: true, localRef: '(delete)' }] },
  { name: 'several refs, tag included', input: `refs/heads/main ${A} refs/heads/main ${B}\nrefs/tags/v1.0.0 ${B} refs/tags/v1.0.0 ${Z}\n`, expect: [{ remoteRef: 'refs/heads/main' }, { remoteRef: 'refs/tags/v1.0.0', creation: true }] },
  { name: 'sha256 ids', input: `refs/heads/main ${'c'.repeat(64)} refs/heads/main ${'0'.repeat(64)}\n`, expect: [{ creation: true }] },
  { name: 'no trailing newline, CRLF', input: `refs/heads/main ${A} refs/heads/main ${B}\r`, expect: [{ localSha: A }] },
];

for (const row of table) {
  test(`parsePushInput: ${row.name}`, () => {
    const updates = parsePushInput(row.input);
    assert.is(updates.length, row.expect.length);
    row.expect.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) assert.equal((updates[i] as unknown as Record<string, unknown>)[k], v, k);
    });
  });
}

for (const bad of [`refs/heads/main ${A} refs/heads/main`, `refs/heads/main xyz refs/heads/main ${B}`, `a b c d e`]) {
  test(`parsePushInput: rejects ${JSON.stringify(bad.slice(0, 30))}`, () => {
    assert.throws(() => parsePushInput(bad), (e: Error) => e instanceof PushInputError && /line 1/.test(e.message));
  });
}

test.run();
