// The keyword prefilter's two passes (regex alternation, rolling hash over the text's bytes) give
// the same answer, and an anchored rule tried at its keywords finds what a search of its lines
// finds.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BULK_FAST_PASS_AFTER_CHARS, buildKeywordIndex, FAST_PASS_AFTER_CHARS, FAST_PASS_INPUT_CHARS, fastTables, findCandidates, findFast, findWithRegex,
  type Candidates, type KeywordIndex,
} from '../../src/prefilter.js';
import { runJob } from '../../src/scan/jobs.js';
import { createEngine, runEngine } from '../../src/engine.js';
import { rules } from '../../rules/index.js';
import { genericSecret } from '../../rules/generic-secret.js';
import { URL_SCHEMES, urlBasicAuth } from '../../rules/url-basic-auth.js';
import { credentialUrlPattern } from '../../rules/support/credential-url.js';
import { twilioApiKey } from '../../rules/twilio-api-key.js';
import type { ContentRule, ScanFile } from '../../src/types.js';
import { BASE62, prng, randomFrom, reseed } from '../helpers/tokens.js';
import { keywordRule, plainCandidates } from '../helpers/keyword-rules.js';



/** The rolling-hash pass in JavaScript: findFast runs it in WebAssembly (test/unit/text-scan.test.ts checks it does). */
const findFastJs = (text: string, index: KeywordIndex): Candidates => findFast(text, index, false);

for (const [name, find] of [['regex', findWithRegex], ['rolling hash', findFast], ['rolling hash in JavaScript', findFastJs]] as const) {
  test(`prefilter (${name}): lines and offsets per rule, case-insensitive, overlapping keywords all seen`, () => {
    const index = buildKeywordIndex([keywordRule('a', ['ghp_']), keywordRule('b', ['ghp']), keywordRule('c', ['akia'])]);
    const text = 'nothing here\nsee GHP_abc\nakia and ghp\n';
    assert.equal(plainCandidates(find(text, index)), [[0, [13], [17]], [1, [13, 25], [17, 34]], [2, [25], [25]]]);
  });
}

test('prefilter: the rolling hash\'s bucket for a prefix and the character after it holds the keywords that are that prefix or go on with it, in order', () => {
  const random = prng(71);
  const sets = [[...rules.values()].filter((r): r is ContentRule => r.kind === 'content')];
  for (let round = 0; round < 30; round++) {
    // Keywords sharing prefixes, some of them the prefix itself.
    const words = Array.from({ length: 1 + Math.floor(random() * 40) }, () => randomFrom('abc_-', 3 + Math.floor(random() * 3)));
    sets.push([keywordRule('r', [...new Set(words)])]);
  }
  for (const set of sets) {
    const index = buildKeywordIndex(set);
    const tables = fastTables(index)!;
    const hash = (codes: Uint8Array): number => Array.from(codes.subarray(0, tables.gram)).reduce((h, c) => (h << 7) | c, 0);
    for (const keyword of tables.keywords) {
      const group = tables.prefixes[hash(keyword.codes)]!;
      const members = tables.keywords.filter((k) => tables.prefixes[hash(k.codes)] === group);
      for (let c = 0; c < 128; c++) {
        const expected = members.filter((k) => k.codes.length === tables.gram || k.codes[tables.gram] === c);
        const bucket = tables.next[(group << 7) | c]!;
        assert.equal(bucket === 0 ? [] : tables.buckets[bucket - 1]!.map((k) => k.id), expected.map((k) => k.id), `${String.fromCharCode(...keyword.codes)} then ${c}`);
      }
    }
  }
});

// src/decode.ts decodes a JSON-escaped line without a keyword only if it has a \/ or \uXXXX
// escape: the other escapes must stand for characters no keyword has.
test('prefilter: no keyword holds a character that \\n \\r \\t \\" or \\\\ stands for', () => {
  for (const rule of rules.values()) {
    if (rule.kind !== 'content') continue;
    for (const keyword of rule.keywords) assert.not.match(keyword, /[\n\r\t"\\]/, `${rule.id}: ${JSON.stringify(keyword)}`);
  }
});

test('prefilter: no keywords, no candidates', () => {
  assert.is(findCandidates('abc', buildKeywordIndex([])).size, 0);
  assert.is(findFast('abc'.repeat(1000), buildKeywordIndex([])).size, 0);
});

test('prefilter: the rolling hash takes over once an index has seen enough text, with the same answer', () => {
  const index = buildKeywordIndex([keywordRule('a', ['token'])]);
  const text = 'x token y\n'.repeat(FAST_PASS_AFTER_CHARS / 10 + 1);
  assert.equal(plainCandidates(findCandidates(text, index)), plainCandidates(findWithRegex(text, index)));
  assert.ok(index.fast, 'tables built');
});

test('prefilter: a run over a large input takes the rolling hash from its first text; a commit of a few files keeps to the regex', () => {
  const tokenRule = [keywordRule('a', ['token'])];
  const files = (kb: number) => Array.from({ length: 10 }, (_, i) => ({
    path: `f${i}.js`, status: 'A' as const, kind: 'file' as const, binary: false, chunks: [{ startLine: 1, text: 'x token y\n'.repeat(kb * 102) }],
  }));
  const small = createEngine(tokenRule);
  runEngine(small, { stage: 'commit', label: '', files: files(50) }); // 500 KB in all
  assert.is(small.keywords.fast, undefined, 'no tables built for 500 KB');
  runEngine(small, { stage: 'commit', label: '', files: files(60) }); // 1.1 MB seen in all
  assert.ok(small.keywords.fast, 'once the index has seen FAST_PASS_AFTER_CHARS');
  const large = createEngine(tokenRule);
  const input = files(90); // 900 KB, 830 KB once the first is cut short
  input[0]!.chunks[0]!.text = 'token';
  runEngine(large, { stage: 'commit', label: '', files: input.slice(0, 1) });
  assert.is(large.keywords.fast, undefined);
  runEngine(large, { stage: 'commit', label: '', files: input });
  assert.ok(large.keywords.fast, 'an input over FAST_PASS_INPUT_CHARS: from its first text');
  assert.ok(FAST_PASS_INPUT_CHARS <= 830 * 1024 && FAST_PASS_INPUT_CHARS > 500 * 1024);
  // A whole-repository scan's jobs: after BULK_FAST_PASS_AFTER_CHARS.
  const scan = createEngine(tokenRule);
  runJob(scan, { kind: 'blobs', items: [{ path: 'a.js', blob: 'b'.repeat(40), bytes: Buffer.from('x token y\n'.repeat(7000)) }] });
  assert.ok(scan.keywords.fast, 'a 70 KB file in a scan');
  assert.is(scan.keywords.fastAfter, BULK_FAST_PASS_AFTER_CHARS);
});

// Characters that stress the Latin-1 copy: beyond Latin-1 with an ASCII low byte (U+0161 -> 'a',
// U+012F -> '/', U+010A -> '\n'), Latin-1 letters, NUL, Kelvin sign and long s (which the regex
// `i` flag does not fold to ASCII), upper case.
const ALPHABET = [...'aAkKsSpPtToOeEnN_-./:=\n \t0123456789', '\u0161', '\u012f', '\u010a', '\u00e9', '\0', '\u212a', '\u017f', '\u{1F600}'];

test('prefilter: both passes agree on random text over every rule\'s keywords', () => {
  const random = prng(11);
  const index = buildKeywordIndex([...rules.values()].filter((r): r is ContentRule => r.kind === 'content'));
  const words = index.keywords;
  for (let round = 0; round < 300; round++) {
    let text = '';
    while (text.length < 2000) {
      if (random() < 0.3) {
        const word = words[Math.floor(random() * words.length)]!;
        text += [...word].map((ch) => (random() < 0.5 ? ch.toUpperCase() : ch)).join('');
      } else {
        text += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
      }
    }
    const expected = plainCandidates(findWithRegex(text, index));
    assert.equal(plainCandidates(findFast(text, index)), expected, `round ${round}: ${JSON.stringify(text.slice(0, 80))}`);
    assert.equal(plainCandidates(findFastJs(text, index)), expected, `round ${round} (JavaScript): ${JSON.stringify(text.slice(0, 80))}`);
  }
});

test('prefilter: a character beyond Latin-1 whose low byte spells a keyword is not a hit', () => {
  const index = buildKeywordIndex([keywordRule('a', ['pass'])]);
  const text = 'p\u0161ss \u0170ass pass';
  for (const find of [findFast, findFastJs]) {
    assert.equal(plainCandidates(find(text, index)), [[0, [0], [10]]]);
    // Few such characters are patched one by one, many make the whole text narrowed: both paths.
    for (const count of [1, 64, 65, 500]) {
      const many = '\u0170ass '.repeat(count) + 'pass';
      assert.equal(plainCandidates(find(many, index)), [[0, [0], [many.length - 4]]], `${count} wide characters`);
    }
  }
});

// An anchored rule is tried at its keywords only. Searching each line with the pattern it stands
// for must find the same secrets at the same columns.
function anchoredFindsWhatASearchFinds(rule: ContentRule, search: RegExp, lines: readonly string[]): void {
  const engine = createEngine([rule]);
  let secrets = 0;
  for (const line of lines) {
    const expected: string[] = [];
    search.lastIndex = 0;
    for (let m = search.exec(line); m; m = search.exec(line)) {
      const secret = m.groups!['secret']!;
      if (rule.validate!(secret)) expected.push(`${m.index + m[0].lastIndexOf(secret) + 1}`);
    }
    const file: ScanFile = { path: 'a.ts', status: 'A', kind: 'file', binary: false, chunks: [{ startLine: 1, text: line }] };
    const found = runEngine(engine, { stage: 'scan', label: 't', files: [file] }).findings;
    assert.equal(found.map((f) => `${f.column}`), expected, line);
    secrets += expected.length;
  }
  assert.ok(secrets >= lines.length, `the lines hold secrets to find (${secrets})`);
}

// Secret-shaped values are made at run time: this file is scanned too (and by other scanners).
reseed(11);
const value = (length = 16): string => randomFrom(BASE62, length);
/** `user:password@`, the password random or given. */
const login = (user: string, password: string = value(10)): string => `${user}:${password}@`;

test('generic-secret: tried at its keywords, it finds what a search of each line finds', () => {
  anchoredFindsWhatASearchFinds(genericSecret, new RegExp(genericSecret.pattern.source, 'g'), [
    `const token = "${value()}"; password: "${value()}"`,
    `bypassword=${value()} apiKey=${value()}`,
    `new_password=${value()}, db.access.key=${value(17)}`,
    `Authorization: Bearer ${value(20)}  AUTH_TOKEN=${value(15)}`,
    `token: abc_password_xyz1234 = "${value()}"`,
    `secretsecretsecret=${value()} tokentoken="${value()}"`,
  ]);
});

test('url-basic-auth: tried at each ://, it finds what a search of each line finds', () => {
  anchoredFindsWhatASearchFinds(urlBasicAuth, credentialUrlPattern(URL_SCHEMES), [
    `a https://${login('ci')}pypi.acme.io/simple and ftp://${login('u')}files.acme.io/`,
    `x9https://${login('ci')}pypi.acme.io 1ftp://${login('u')}h.io +git+ssh://${login('g')}git.io`,
    `postgres://${login('app')}db/app http://${login('admin', value(12))}proxy.acme.io`,
    `${'a'.repeat(24)}://${login('u')}h.io ${'a'.repeat(26)}://${login('u')}h.io`,
    `https://${login('http', `http${value(8)}`)}h.io smtp://${login('mail', value(12))}mail.acme.io:587`,
  ]);
});

test('twilio-api-key: tried at its keywords, it finds what a search of each line finds', () => {
  const sid = `SK${randomFrom('0123456789abcdef', 32)}`;
  anchoredFindsWhatASearchFinds(twilioApiKey, new RegExp(twilioApiKey.pattern.source, 'g'), [
    `TWILIO_API_KEY=${sid} skip ${sid.toLowerCase()} x${sid} ${sid}0`,
    `sketch SK${'0'.repeat(32)} "${sid}",${sid.replace('SK', 'SKSK')}`,
  ]);
});

test.run();
