// The WebAssembly loops (src/wasm/text-scan.wat) give what the JavaScript loops they stand for
// give: keyword hits (test/unit/prefilter.test.ts runs both passes over every rule's keywords
// too), base64 runs, newlines, and a text's bytes.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { base64Runs, decodeBase64Text, findDecodedSegments } from '../../src/decode.js';
import { buildKeywordIndex, findFast, findWithRegex } from '../../src/prefilter.js';
import { textBytes } from '../../src/text-bytes.js';
import { HIT_CAP, WIDE_RUN_CAP, textScan, textScanHolding, type TextScan } from '../../src/wasm/text-scan.js';
import { sliceExact, type WideRuns } from '../../src/wide-text.js';
import { prng } from '../helpers/tokens.js';
import { keywordRule, plainCandidates } from '../helpers/keyword-rules.js';


/** A text decoded in memory (TextScan.decodeInPlace), as the string its chunks are cut from. */
function decoded(bytes: Uint8Array): { text: string; wide?: WideRuns } {
  const scan = scanner();
  const d = scan.decodeInPlace(bytes);
  if ('text' in d) return d;
  return { text: scan.slice(0, scan.length), ...(d.wide ? { wide: d.wide } : {}) };
}

function scanner(): TextScan {
  const scan = textScan();
  assert.ok(scan, 'WebAssembly runs on every Node.js shipgate supports: the scan must not fall back here');
  return scan;
}

/** A random text of `length` units drawn from `parts`. */
function randomText(random: () => number, parts: readonly string[], length: number): string {
  let text = '';
  while (text.length < length) text += parts[Math.floor(random() * parts.length)]!;
  return text;
}

test('text-scan: a text\'s bytes are its units, Latin-1 as they are, wider ones 0xff, then a 0', () => {
  const random = prng(3);
  const parts = ['a', 'Z', '\n', '\0', '\u00e9', '\u00ff', '\u0100', '\u0161', '\u{1F600}', '\uffff', 'token '];
  for (const length of [0, 1, 15, 16, 17, 31, 33, 1000]) {
    const text = randomText(random, parts, length);
    const expected = [...textBytes.of(text).subarray(0, text.length + 1)];
    assert.equal([...scanner().load(text)], expected, JSON.stringify(text));
    assert.ok(textScanHolding(text) === scanner(), 'holds the text last loaded');
  }
  assert.is(textScanHolding('not loaded'), null);
});

/** The stand-in text of `exact` (src/wide-text.ts): each unit beyond Latin-1 as U+00FF. */
const standIn = (exact: string): string => exact.replace(/[^\x00-\xff]/g, '\u00ff');

test('text-scan: UTF-8 decoded as Buffer decodes it, valid or not, one byte a unit, and its bytes made from the UTF-8', () => {
  const random = prng(29);
  const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')];
  const parts: number[][] = [
    utf8('a'), utf8('Token '), utf8('\n'), [0], utf8('\u00e9'), utf8('\u00ff'), utf8('\u0100'), utf8('\u20ac'), utf8('\u{1F600}'),
    utf8('\ufeff'), utf8('\uffff'),
    // Not UTF-8: a lone continuation byte, a cut sequence, an encoded surrogate, past U+10FFFF,
    // an overlong form, bytes no sequence starts with.
    [0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xff], [0xfe, 0xf8],
  ];
  const ascii = parts.slice(0, 4);
  for (const [length, pool] of [[0, parts], [1, parts], [15, parts], [16, ascii], [17, parts], [40, parts], [1000, parts], [5000, ascii]] as const) {
    for (let round = 0; round < 20; round++) {
      const bytes: number[] = [];
      while (bytes.length < length) bytes.push(...pool[Math.floor(random() * pool.length)]!);
      const buffer = Buffer.from(bytes);
      const { text, wide } = decoded(buffer);
      const exact = buffer.toString('utf8');
      assert.is(text, standIn(exact), `stand-ins, bytes ${buffer.toString('hex')}`);
      assert.is(sliceExact(text, wide, 0, text.length), exact, `bytes ${buffer.toString('hex')}`);
      assert.is(wide !== undefined, /[^\x00-\xff]/.test(exact), 'stretches kept only where characters are beyond Latin-1');
      // The passes read it where it was decoded (src/scan/file-chunks.ts), before any string.
      assert.is(scanner().length, text.length);
      assert.is(scanner().newlines(), exact.split('\n').length - 1, 'its line ends counted in memory');
      // The bytes it left in memory (the text is made of them) are those `load` makes of the text.
      const expected = [...textBytes.of(exact).subarray(0, exact.length + 1)];
      assert.equal([...scanner().load(text)], expected, `bytes ${buffer.toString('hex')}`);
    }
  }
  // More runs beyond ASCII than are decoded one by one: decoded as a whole.
  const many = Buffer.from('x\u00e9'.repeat(WIDE_RUN_CAP + 1));
  const { text, wide } = decoded(many);
  assert.is(text, many.toString('utf8'));
  assert.is(wide, undefined);
  assert.equal([...scanner().load(text)], [...textBytes.of(text).subarray(0, text.length + 1)]);
});

test('text-scan: base64 runs as the JavaScript finder and the regex in src/decode.ts give them', () => {
  const regex = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{20,65536}={0,2}(?![A-Za-z0-9+/=_-])/g;
  const parts = [Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWX').toString('base64'), 'abc', 'Q', '9', '==', '=', '_', '-', ' ', '\n', '\u0141', '\u{1F600}', 'x', '+/', '\u00e9', '\u0130'];
  const random = prng(17);
  for (let round = 0; round < 500; round++) {
    const text = randomText(random, parts, 20 + Math.floor(random() * 400));
    const expected = [...text.matchAll(regex)].flatMap((m) => [m.index, m[0].length]);
    assert.equal(base64Runs(text), expected, `JavaScript: ${JSON.stringify(text)}`);
    scanner().load(text);
    assert.equal(scanner().base64Runs(), expected, `WebAssembly: ${JSON.stringify(text)}`);
  }
  // A run at the very start and end, one just too long, and the most runs a text can hold.
  const long = 'A'.repeat(65536);
  for (const text of [`${'b'.repeat(20)}`, `${long}==`, `${long}A`, ` ${'c'.repeat(20)} `.repeat(5000)]) {
    scanner().load(text);
    assert.equal(scanner().base64Runs(), base64Runs(text), `${text.slice(0, 30)}... (${text.length})`);
  }
});

test('text-scan: the runs left for decoding are those decodeBase64Text does not reject', () => {
  const random = prng(23);
  const b64 = (bytes: number[]): string => Buffer.from(bytes).toString('base64');
  const printable = (n: number): number[] => Array.from({ length: n }, () => 0x20 + Math.floor(random() * 95));
  // Text that decodes to mostly printable bytes (a few unprintable ones in some), binary,
  // single-case words and hex, every padding, runs with a length that leaves 1 over 4.
  const parts = [
    () => b64(printable(12 + Math.floor(random() * 40))),
    () => b64([...printable(40), 0, 1]),
    () => b64([...printable(19), 7]),
    () => b64([...printable(20), 200]),
    () => b64(Array.from({ length: 30 }, () => Math.floor(random() * 256))),
    () => 'abcdefghijklmnopqrstuvwxyz'.slice(0, 20 + Math.floor(random() * 6)),
    () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, 20 + Math.floor(random() * 6)) + '='.repeat(Math.floor(random() * 3)),
    () => '0123456789abcdefABCDEF0123456789'.slice(0, 20 + Math.floor(random() * 12)),
    () => `${b64(printable(30)).replace(/=+$/, '')}A`,
    () => ' ', () => '\n', () => '"', () => '\u0141',
  ];
  let kept = 0;
  let rejected = 0;
  for (let round = 0; round < 300; round++) {
    let text = '';
    while (text.length < 400) text += parts[Math.floor(random() * parts.length)]!();
    const runs = base64Runs(text);
    const expected: number[] = [];
    for (let r = 0; r < runs.length; r += 2) {
      if (decodeBase64Text(text.slice(runs[r]!, runs[r]! + runs[r + 1]!)) !== undefined) expected.push(runs[r]!, runs[r + 1]!);
    }
    kept += expected.length / 2;
    rejected += (runs.length - expected.length) / 2;
    scanner().load(text);
    assert.equal(scanner().textRuns(), expected, JSON.stringify(text));
    // And the segments decoded from them, with the text in memory or not (the JavaScript finder).
    const inMemory = findDecodedSegments(text);
    scanner().load('another text');
    assert.equal(findDecodedSegments(text), inMemory, JSON.stringify(text));
  }
  assert.ok(kept > 300 && rejected > 300, `both kinds of run (${kept} kept, ${rejected} rejected)`);
});

test('text-scan: newlines counted 16 bytes at a time and in the tail', () => {
  const random = prng(5);
  for (const length of [0, 1, 15, 16, 17, 100, 4099]) {
    const text = randomText(random, ['\n', 'a', '\u010a', ' '], length);
    scanner().load(text);
    assert.is(scanner().newlines(), text.split('\n').length - 1, JSON.stringify(text));
  }
});

test('text-scan: keywords of every length, and texts that differ from them in one character', () => {
  // Every length a keyword may have in WebAssembly memory, a miss at each place, and the
  // characters next to A-Z and beyond ASCII (which lower-casing must not turn into letters).
  const random = prng(31);
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789_-.';
  const keywords = Array.from({ length: 31 }, (_, i) => Array.from({ length: i + 1 }, () => letters[Math.floor(random() * letters.length)]!).join(''));
  const index = buildKeywordIndex(keywords.map((k, i) => keywordRule(`r${i}`, [k])));
  const near = ['@', '[', '`', '{', '\u00c0', '\u0100', '\u0000'];
  const parts: string[] = [];
  for (const k of keywords) {
    parts.push(k, k.toUpperCase(), ` ${k}\n`);
    for (let j = 0; j < k.length; j++) {
      parts.push(k.slice(0, j) + near[j % near.length] + k.slice(j + 1));
      parts.push(k.slice(0, j) + k[j]!.toUpperCase() + k.slice(j + 1));
    }
  }
  for (let round = 0; round < 4; round++) {
    const text = randomText(random, [...parts, ' ', '\n', 'x'], 200_000);
    const expected = plainCandidates(findWithRegex(text, index));
    assert.equal(plainCandidates(findFast(text, index)), expected);
    assert.ok(expected.length >= 31, 'every keyword is found');
  }
  assert.ok(inWasm(index), 'looked for in WebAssembly');
});

/** Whether WebAssembly looked for the index's keywords (not the JavaScript pass it falls back to). */
function inWasm(index: ReturnType<typeof buildKeywordIndex>): boolean {
  findFast('x', index);
  return scanner().keywords(index.fast!, () => {});
}

test('text-scan: characters case-folding pairs with a keyword\'s are told apart, for prefixes of 1, 2 and 3', () => {
  // text-scan.wat reads the last three characters with bit 5 set: `_` and DEL, `-` and CR, `.`
  // and SO, `:` and SUB, `@` and a backtick read alike, as do a letter and the byte 0x20 apart
  // beyond ASCII. Each keyword must be found exactly where it is, in upper case too.
  const random = prng(37);
  const pairs: Record<string, string[]> = {
    '_': ['\u007f', '\u00ff', '\u0100'], '-': ['\r', '\u00ad'], '.': ['\u000e'], ':': ['\u001a'], '@': ['`'], a: ['\u0001', 'A', '\u00c1', '\u00e1'],
  };
  for (const keywords of [['a_', 'a-', '_.'], ['a_:', 'x-a', '@a.'], ['a_:xy', 'x-ab', '@a._', 'ab_', 'a']]) {
    const index = buildKeywordIndex(keywords.map((k, i) => keywordRule(`r${i}`, [k])));
    const parts = [' ', '\n', 'x', '\u00e0'];
    for (const k of keywords) {
      parts.push(k, k.toUpperCase(), `${k}${k}`);
      for (let j = 0; j < k.length; j++) for (const other of pairs[k[j]!] ?? []) parts.push(k.slice(0, j) + other + k.slice(j + 1));
    }
    const text = randomText(random, parts, 20_000);
    assert.equal(plainCandidates(findFast(text, index)), plainCandidates(findWithRegex(text, index)), keywords.join());
    assert.ok(inWasm(index), `${keywords.join()}: looked for in WebAssembly`);
  }
});

test('text-scan: prefixes that read alike are looked for by the JavaScript pass', () => {
  const index = buildKeywordIndex([keywordRule('a', ['a@b1']), keywordRule('b', ['a`b2'])]);
  const text = 'a@b1 a`b2 A@B2 a`b1 A`B2\n'.repeat(500);
  assert.equal(plainCandidates(findFast(text, index)), plainCandidates(findWithRegex(text, index)));
  assert.is(findFast(text, index).get(1)!.at.length, 1000);
  assert.not.ok(inWasm(index), 'one entry cannot hold both prefixes');
});

test('text-scan: the keywords of one index are not found with another\'s', () => {
  // PREFIX is cleared of the entries the last index wrote.
  const indexes = [['token', 'tok'], ['secret'], ['t', 'se'], ['tokens', 'sec']].map((ks) => buildKeywordIndex([keywordRule('a', ks)]));
  const text = 'token tok secret t se tokens sec\n'.repeat(100);
  for (const index of [...indexes, ...indexes.reverse()]) {
    assert.equal(plainCandidates(findFast(text, index)), plainCandidates(findWithRegex(text, index)));
    assert.ok(inWasm(index));
  }
});

test('text-scan: more keyword hits than one call returns, and texts larger than its memory', () => {
  const index = buildKeywordIndex([keywordRule('a', ['token']), keywordRule('b', ['tok'])]);
  const dense = 'tokentok '.repeat(HIT_CAP);
  const sparse = `${'x'.repeat(5 * 1024 * 1024)} token\n${'y'.repeat(3 * 1024 * 1024)}tok`;
  for (const text of [dense, sparse, dense]) {
    const expected = plainCandidates(findWithRegex(text, index));
    assert.equal(plainCandidates(findFast(text, index)), expected);
    assert.equal(plainCandidates(findFast(text, index, false)), expected);
  }
  assert.ok(findWithRegex(dense, index).get(1)!.at.length > HIT_CAP, 'the dense text has more hits than a call returns');
});

test('text-scan: a text its memory cannot grow to hold is looked for by the JavaScript pass', () => {
  const index = buildKeywordIndex([keywordRule('a', ['token']), keywordRule('b', ['secret'])]);
  const text = `${'x'.repeat(12 * 1024 * 1024)} token secret\n`; // more than the memory holds so far
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = () => {
    throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
  };
  try {
    assert.equal(plainCandidates(findFast(text, index)), plainCandidates(findWithRegex(text, index)));
    assert.is(findFast(text, index).get(0)!.at.length, 1);
  } finally {
    WebAssembly.Memory.prototype.grow = grow;
  }
});

test('text-scan: keywords too long for its memory are looked for by the JavaScript pass', () => {
  const long = 'x-very-long-keyword-name-of-forty-characters'.slice(0, 40);
  const index = buildKeywordIndex([keywordRule('a', [long]), keywordRule('b', ['token'])]);
  const text = `a ${long.toUpperCase()} token\n`.repeat(3000);
  assert.equal(plainCandidates(findFast(text, index)), plainCandidates(findWithRegex(text, index)));
  assert.is(findFast(text, index).get(0)!.at.length, 3000);
});

test.run();
