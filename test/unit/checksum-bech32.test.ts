import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BECH32_CHARSET, bech32HrpExpand, bech32Polymod, isValidBech32 } from '../../src/checksum.js';
import { bech32Encode, bytes, tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2201);

// The test vectors of BIP-173 ("Test vectors", valid and invalid Bech32 strings).
// https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki#test-vectors
const VALID = [
  'A12UEL5L',
  'a12uel5l',
  'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
  'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
  '11' + 'q'.repeat(82) + 'c8247j',
  'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
  '?1ezyfcl',
];
const INVALID: [string, string][] = [
  ['\x201nwldj5', 'HRP character out of range'],
  ['\x7f1axkwrx', 'HRP character out of range'],
  ['\x801eym55h', 'HRP character out of range'],
  ['an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx', 'overall max length exceeded'],
  ['pzry9x0s0muk', 'no separator character'],
  ['1pzry9x0s0muk', 'empty HRP'],
  ['x1b4n0q5v', 'invalid data character'],
  ['li1dgmt3', 'too short checksum'],
  ['de1lg7wt\xff', 'invalid character in checksum'],
  ['A1G7SGD8', 'checksum calculated with upper case HRP'],
  ['10a06t8', 'empty HRP'],
  ['1qzzfhee', 'empty HRP'],
];

for (const vector of VALID) {
  test(`bech32: BIP-173 valid vector ${JSON.stringify(vector.slice(0, 24))}`, () => assert.ok(isValidBech32(vector)));
}
for (const [vector, reason] of INVALID) {
  test(`bech32: BIP-173 invalid vector (${reason})`, () => assert.not.ok(isValidBech32(vector)));
}

test('bech32: a Bech32m string (BIP-350, checksum constant 0x2bc830a3) is not Bech32', () => {
  assert.not.ok(isValidBech32('A1LQFN3A'));
  assert.not.ok(isValidBech32('a1lqfn3a'));
});

test('bech32: polymod of a valid string (HRP expanded, data, checksum) is 1', () => {
  const data = [...'qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'].map((ch) => BECH32_CHARSET.indexOf(ch));
  assert.is(bech32Polymod([...bech32HrpExpand('abcdef'), ...data]), 1);
  assert.equal(bech32HrpExpand('a1'), [3, 1, 0, 1, 17]);
});

test('bech32: the encoder in the test helpers agrees with the validator on random payloads', () => {
  for (let i = 0; i < 50; i++) {
    const encoded = bech32Encode('test', bytes(1 + (i % 40)));
    assert.ok(isValidBech32(encoded), encoded);
    assert.ok(isValidBech32(encoded.toUpperCase()));
  }
});

test('bech32: an age secret key generated at test time verifies; any changed character does not', () => {
  const key = tokensB.ageSecret();
  assert.is(key.length, 74);
  assert.ok(isValidBech32(key, { hrp: ['age', 'secret', 'key', ''].join('-') }));
  assert.ok(isValidBech32(key.toLowerCase()));
  // Mixed case is invalid whatever the checksum (the last letter lower-cased: the key may end in a digit).
  const lastLetter = key.search(/[A-Z][^A-Z]*$/);
  assert.not.ok(isValidBech32(key.slice(0, lastLetter) + key[lastLetter]!.toLowerCase() + key.slice(lastLetter + 1)));
  // Bech32 detects every single-character substitution.
  const alphabet = BECH32_CHARSET.toUpperCase();
  for (let at = 16; at < key.length; at++) {
    const replacement = alphabet[(alphabet.indexOf(key[at]!) + 1 + (at % 31)) % 32]!;
    const changed = key.slice(0, at) + replacement + key.slice(at + 1);
    assert.not.ok(isValidBech32(changed), `substitution at ${at}`);
  }
  // Two adjacent characters swapped.
  const swapped = key.slice(0, 30) + key[31] + key[30] + key.slice(32);
  if (swapped !== key) assert.not.ok(isValidBech32(swapped));
});

test('bech32: the human-readable part and the length limit are enforced when asked', () => {
  const key = tokensB.ageSecret();
  assert.not.ok(isValidBech32(key, { hrp: 'age' }));
  assert.not.ok(isValidBech32(key, { maxLength: 73 }));
  const long = bech32Encode('x', bytes(60));
  assert.ok(long.length > 90);
  assert.not.ok(isValidBech32(long));
  assert.ok(isValidBech32(long, { maxLength: 200 }));
});

test.run();
