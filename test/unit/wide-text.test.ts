// A whole file's text held one byte a unit, with U+00FF standing in for characters beyond
// Latin-1 (src/wide-text.ts): what the rules read of it is the real text, and their findings are
// those on the real text.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/engine.js';
import { FAST_PASS_AFTER_CHARS } from '../../src/prefilter.js';
import { fileChunks } from '../../src/scan/file-chunks.js';
import { scanBytes } from '../../src/scan/jobs.js';
import { textScan } from '../../src/wasm/text-scan.js';
import { ExactReader, sliceExact, touchesWide, type WideRuns } from '../../src/wide-text.js';
import type { ContentRule } from '../../src/types.js';
import { rules } from '../../rules/index.js';
import { allSamples } from '../helpers/all-samples.js';
import { BASE62, prng, randomFrom, reseed } from '../helpers/tokens.js';

const WIDE_PARTS = ['\u2014', '\u{1F600}', '\u4e2d\u6587', '\u2028', '\ufeff', '\u0100'];
const PARTS = ['token ', 'x', ' ', '\n', '\u00e9', '\u00ff', '"', '=', ...WIDE_PARTS];

function randomText(random: () => number, parts: readonly string[], length: number): string {
  let text = '';
  while (text.length < length) text += parts[Math.floor(random() * parts.length)]!;
  return text;
}

/** The stand-in text and its stretches, as a scan decodes them. */
function decoded(exact: string): { text: string; wide: WideRuns } {
  const scan = textScan()!;
  const d = scan.decodeInPlace(Buffer.from(exact));
  assert.ok(!('text' in d) && d.wide, 'characters beyond Latin-1 are kept aside');
  return { text: scan.slice(0, scan.length), wide: d.wide };
}

test('sliceExact and ExactReader.slice: the real characters of any stretch', () => {
  const random = prng(41);
  for (let round = 0; round < 200; round++) {
    const exact = randomText(random, PARTS, 200) + WIDE_PARTS[round % WIDE_PARTS.length];
    const { text, wide } = decoded(exact);
    assert.is(text.length, exact.length, 'a unit for a unit');
    assert.not.match(text, /[^\x00-\xff]/, 'one byte a unit');
    const reader = new ExactReader(text, wide);
    for (let k = 0; k < 20; k++) {
      const start = Math.floor(random() * exact.length);
      const end = start + Math.floor(random() * (exact.length - start + 1));
      assert.is(sliceExact(text, wide, start, end), exact.slice(start, end), JSON.stringify([exact, start, end]));
      assert.is(reader.slice(start, end), exact.slice(start, end));
      assert.is(reader.slice(start, end), exact.slice(start, end), 'made once, read again');
      // A stretch is a run beyond ASCII: it may hold Latin-1 characters beside the others.
      if (/[^\x00-\xff]/.test(exact.slice(start, end))) assert.ok(touchesWide(wide, start, end));
    }
  }
});

test('ExactReader.lineAround: the line and its line ends as they are, where it holds a stand-in', () => {
  const random = prng(43);
  for (let round = 0; round < 200; round++) {
    const exact = randomText(random, [...PARTS, '\n\n', 'ascii line\n'], 300) + '\u{1F600}';
    const { text, wide } = decoded(exact);
    const reader = new ExactReader(text, wide);
    for (let at = 0; at < exact.length; at += 1 + Math.floor(random() * 7)) {
      if (exact[at] === '\n') continue; // a keyword is never at a line end
      const lineStart = exact.lastIndexOf('\n', at - 1) + 1;
      const newline = exact.indexOf('\n', at);
      const lineEnd = newline === -1 ? exact.length : newline;
      const start = Math.max(0, lineStart - 1);
      const expected = /[^\x00-\xff]/.test(exact.slice(lineStart, lineEnd))
        ? { start, text: exact.slice(start, Math.min(exact.length, lineEnd + 1)) }
        : undefined;
      assert.equal(reader.lineAround(at), expected, JSON.stringify([exact, at]));
    }
  }
});

const anchored = [...rules.values()].filter((r): r is ContentRule => r.kind === 'content' && r.anchored === true);

test('every anchored rule reads only its keyword\'s line and the line ends around it', () => {
  // What lets a scan try it on that line alone where the text stands in for some characters
  // (src/engine.ts matchAtKeywords): the same matches as on the whole text.
  assert.ok(anchored.length >= 3, 'the anchored rules are found');
  reseed(47);
  const random = prng(47);
  let matched = 0;
  for (const rule of anchored) {
    const sample = allSamples[rule.id]!();
    const pieces = [`${sample.key} = "${sample.value}"`, `${sample.key}: ${sample.value}`, sample.value, ...PARTS, '\n', '-', '_', 'a'];
    for (let round = 0; round < 150; round++) {
      const text = randomText(random, pieces, 400);
      const lower = text.toLowerCase();
      for (const keyword of rule.keywords) {
        for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) {
          rule.pattern.lastIndex = at;
          const whole = rule.pattern.exec(text);
          const start = Math.max(0, text.lastIndexOf('\n', at - 1));
          const newline = text.indexOf('\n', at);
          const line = text.slice(start, newline === -1 ? text.length : newline + 1);
          rule.pattern.lastIndex = at - start;
          const alone = rule.pattern.exec(line);
          assert.equal(alone && [alone.index + start, alone[0]], whole && [whole.index, whole[0]], `${rule.id} at ${at} in ${JSON.stringify(text)}`);
          if (whole) matched++;
        }
      }
    }
  }
  assert.ok(matched > 100, `the texts hold matches (${matched})`);
});

test('findings are the same on a text with stand-ins as on the real text, beside every rule\'s sample', () => {
  reseed(53);
  const contentRules = [...rules.values()].filter((r) => r.kind === 'content' && r.stages.includes('scan'));
  const slow = createEngine(contentRules);
  const fast = createEngine(contentRules);
  const ids = Object.keys(allSamples).sort();
  const files: string[] = [];
  // A file reads by its parts up to WIDE_RUN_CAP runs beyond ASCII: 10 samples, 70 lines each.
  for (let from = 0; from < ids.length; from += 10) {
    const lines: string[] = [];
    ids.slice(from, from + 10).forEach((id, i) => {
      const sample = allSamples[id]!();
      const assignment = sample.value.includes('\n') ? `${sample.key} = "${sample.value.replaceAll('\n', '\\n')}"` : `${sample.key} = "${sample.value}"`;
      const wide = WIDE_PARTS[i % WIDE_PARTS.length]!;
      // Beside a stand-in on its line, on the line after one, and on a line of its own.
      lines.push(`${wide} ${assignment} // ${wide}`, `// ${wide}`, assignment, `${assignment}${wide}`);
      // A secret holding one: what an anchored rule reports must be read as it is.
      lines.push(`dsn = "https://admin:Zq8${wide}${randomFrom(BASE62, 10)}@db.prod.internal"`);
      lines.push(`pg = "postgres://admin:Zq8${wide}${randomFrom(BASE62, 10)}@db.prod.internal/app"`);
      // And one found only JSON-unescaped: its line is decoded as it is.
      lines.push(`cfg = "{\\"db\\": \\"postgres:\\/\\/admin:Zq8${wide}${randomFrom(BASE62, 10)}@db.prod.internal\\/app\\"}"`);
    });
    files.push(lines.join('\n'), lines.join(' \u00b7 \u2192 ')); // and as one minified line
  }
  let found = 0;
  for (const body of files) {
    const bytes = Buffer.from(body);
    slow.keywords.seen = 0;
    fast.keywords.seen = FAST_PASS_AFTER_CHARS;
    assert.ok(fileChunks(fast, bytes).chunks[0]?.wide, 'the fast pass reads it with stand-ins');
    const a = scanBytes(slow, 'a.ts', bytes);
    const b = scanBytes(fast, 'a.ts', bytes);
    assert.equal(b, a);
    found += a.findings.length;
  }
  assert.ok(found > 2 * ids.length, `the samples are found (${found})`);
});

test.run();
