import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  alphabetSize, characterClasses, entropyThreshold, hasTypedRun, looksLikeWords, looksRandom, shannonEntropy,
} from '../../src/entropy.js';
import { BASE62, BASE64, randomFrom, reseed } from '../helpers/tokens.js';

reseed(2202);

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test('shannonEntropy: bits per character', () => {
  close(shannonEntropy(''), 0);
  close(shannonEntropy('aaaa'), 0);
  close(shannonEntropy('ab'), 1);
  close(shannonEntropy('abcd'), 2);
  close(shannonEntropy('aabb'), 1);
  close(shannonEntropy('0123456789abcdef'), 4);
  close(shannonEntropy('aab'), -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3));
});

test('characterClasses and alphabetSize', () => {
  assert.is(characterClasses('abc'), 1);
  assert.is(characterClasses('aB3'), 3);
  assert.is(characterClasses('aB3!'), 4);
  assert.is(characterClasses(''), 0);
  assert.is(alphabetSize('9f3c1e77ab04d2c6'), 16);
  assert.is(alphabetSize('9F3C1E77AB04D2C6'), 16);
  assert.is(alphabetSize('k3j9x8q2'), 36);
  assert.is(alphabetSize('kJ3'), 62);
  assert.is(alphabetSize('kJ3+'), 94);
});

test('hasTypedRun: repeats and steps of one', () => {
  assert.ok(hasTypedRun('xx1234567yy', 7));
  assert.ok(hasTypedRun('aaaaaaa', 7));
  assert.ok(hasTypedRun('gfedcba', 7));
  assert.not.ok(hasTypedRun('123456', 7));
  assert.not.ok(hasTypedRun('1357913579', 3));
  assert.not.ok(hasTypedRun('kJ8hGf2DsAqW', 4));
});

const WORDS = [
  'passwordConfirmation', 'PasswordConfirmation', 'SECRET_KEY_BASE', 'test-token-123', 'Summer2024!',
  'correcthorsebatterystaple', 'dev-secret-key-2024', 'api.example.value', 'my_password_here', 'AuthorizationHeader',
];
const NOT_WORDS = ['kJ8hGf2DsAqW', '9f3c1e77ab04d2c6', 'x7qm2pl9vr4t', 'django-insecure-k9x2m4p7q1w8e3r6t5y0', 'Xk9mQ2pL5vR8'];

for (const value of WORDS) test(`looksLikeWords(${JSON.stringify(value)})`, () => assert.ok(looksLikeWords(value)));
for (const value of NOT_WORDS) test(`not looksLikeWords(${JSON.stringify(value)})`, () => assert.not.ok(looksLikeWords(value)));

test('looksRandom: typed, repeated, short and one-class values are not random', () => {
  for (const value of [
    'abcdefghijklmnop', '1234567890abcdef', 'xxxxxxxxxxxxxxxx', 'abababababababab', 'aaaa1111bbbb2222',
    'k9X', 'qwhdkeoapzmxvbnr', '8472910364829105', 'PASSWORDPASSWORD', ...WORDS,
  ]) {
    assert.not.ok(looksRandom(value), value);
  }
});

test('looksRandom: options raise the bar', () => {
  const value = 'k3J9x8Q2lmZ7';
  assert.ok(looksRandom(value));
  assert.not.ok(looksRandom(value, { minLength: 13 }));
  assert.not.ok(looksRandom('k3j9x8q2lmz7w4', { minClasses: 3 }));
});

// Calibration: generated strings clear the bar in at least 97% of draws (the threshold is set
// so that about 99% do); the rest are draws that happen to repeat or spell a word.
const CALIBRATION: [string, string, number][] = [
  ['base62', BASE62, 12], ['base62', BASE62, 24], ['base62', BASE62, 40],
  ['base64', BASE64, 16], ['base64', BASE64, 44],
  ['base36', '0123456789abcdefghijklmnopqrstuvwxyz', 20], ['base36', '0123456789abcdefghijklmnopqrstuvwxyz', 32],
  ['upper base36', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 24],
  ['hex', '0123456789abcdef', 24], ['hex', '0123456789abcdef', 32], ['hex', '0123456789abcdef', 64],
];
for (const [name, alphabet, length] of CALIBRATION) {
  test(`looksRandom: ${length} random ${name} characters pass in at least 97% of draws`, () => {
    let passed = 0;
    for (let i = 0; i < 500; i++) if (looksRandom(randomFrom(alphabet, length))) passed++;
    assert.ok(passed >= 485, `${passed}/500`);
  });
}

test('entropyThreshold: grows with length up to the alphabet size', () => {
  assert.ok(entropyThreshold(12, 62) < entropyThreshold(40, 62));
  close(entropyThreshold(64, 16), entropyThreshold(32, 16));
  close(entropyThreshold(16, 16), 3);
});

test.run();
