import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fingerprintOf, isAllowedInline, redact } from '../../src/findings.js';
import { crc32, encodeBase62, hasBase62Crc32 } from '../../src/checksum.js';

test('redact keeps at most 4 characters and a quarter of the secret', () => {
  const secret = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';
  const shown = redact(secret);
  assert.ok(shown.startsWith('abcd'));
  assert.not.ok(shown.includes('efgh'));
  assert.match(shown, '(40 chars)');
  assert.not.match(redact('short12'), 'sh');
  assert.ok(redact('12345678').startsWith('12*'));
});

test('fingerprints depend on rule and secret, not on position', () => {
  assert.is(fingerprintOf('r', 's'), fingerprintOf('r', 's'));
  assert.is.not(fingerprintOf('r', 's'), fingerprintOf('q', 's'));
  assert.is.not(fingerprintOf('ab', 'c'), fingerprintOf('a', 'bc'));
  assert.match(fingerprintOf('r', 's'), /^[0-9a-f]{64}$/);
});

const allowTable: [string, string, boolean][] = [
  ['x = 1 // shipgate-allow', 'any-rule', true],
  ['x = 1 # shipgate-allow: github-token', 'github-token', true],
  ['x = 1 # shipgate-allow: github-token, npm-token', 'npm-token', true],
  ['x = 1 # shipgate-allow: github-token', 'npm-token', false],
  ['x = 1 // gitleaks:allow', 'npm-token', true],
  ['x = 1  # pragma: allowlist secret', 'npm-token', true],
  ['x = 1 // allow', 'npm-token', false],
  ['x = 1', 'npm-token', false],
];
for (const [line, rule, expected] of allowTable) {
  test(`isAllowedInline(${JSON.stringify(line)}, ${rule}) = ${expected}`, () => assert.is(isAllowedInline(line, rule), expected));
}

test('crc32 matches the standard check value', () => {
  assert.is(crc32('123456789'), 0xcbf43926);
  assert.is(encodeBase62(0, 6), '000000');
  assert.is(encodeBase62(61, 2), '0z');
});

test('hasBase62Crc32 accepts a token made with the scheme and rejects a changed one', () => {
  const entropy = 'A'.repeat(10) + 'b'.repeat(10) + '7'.repeat(10);
  const body = entropy + encodeBase62(crc32(entropy), 6);
  assert.ok(hasBase62Crc32(body));
  assert.not.ok(hasBase62Crc32('B' + body.slice(1)));
});

test.run();
