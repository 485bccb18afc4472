// A large file's text cut in chunks (src/scan/file-chunks.ts): where the cuts fall, and that the
// rules find in the chunks exactly what they find in the whole text, lines and columns included:
// around the cuts, across a multi-line rule's window, beside characters beyond Latin-1, in base64
// and in JSON-escaped lines.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/engine.js';
import { FAST_PASS_AFTER_CHARS } from '../../src/prefilter.js';
import { CHUNK_CHARS, chunkRanges, fileChunks } from '../../src/scan/file-chunks.js';
import { scanBytes } from '../../src/scan/jobs.js';
import { rules } from '../../rules/index.js';
import { allSamples } from '../helpers/all-samples.js';
import { textOfChunks } from '../helpers/chunks.js';
import { BASE62, prng, randomFrom, reseed } from '../helpers/tokens.js';

/** chunkRanges over a text, its newlines found as a scan finds them. */
function rangesOf(text: string, chunkChars: number, windowStarts: number[] = [], window = 10): [number, number][] {
  return chunkRanges(text.length, chunkChars, (from) => text.indexOf('\n', from), windowStarts, window);
}

test('chunkRanges: cut after the first newline past chunkChars, each chunk after the first from that newline', () => {
  assert.equal(rangesOf('abc', 10), [[0, 3]], 'short: one chunk');
  assert.equal(rangesOf('aaaa\nbbbb\ncccc', 3), [[0, 5], [4, 10], [9, 14]]);
  assert.equal(rangesOf('aaaa\nbbbb\ncccc', 4), [[0, 5], [4, 10], [9, 14]], 'a newline at chunkChars itself is the cut');
  assert.equal(rangesOf('aaaa\nbbbb\ncccc', 5), [[0, 10], [9, 14]]);
  assert.equal(rangesOf('a\nbbbbbbbbbbbb', 1), [[0, 2], [1, 14]], 'a long last line is not cut');
  assert.equal(rangesOf('aaaaaaaaaaaa\nb', 3), [[0, 13], [12, 14]], 'nor a long first one');
  assert.equal(rangesOf('aaaaaaaaaaaaaaa', 3), [[0, 15]], 'no newline: one chunk');
  assert.equal(rangesOf('aaaa\n', 3), [[0, 5], [4, 5]], 'a text ending in a newline');
  assert.equal(rangesOf('', 3), [[0, 0]]);
});

test('chunkRanges: a chunk holding a window\'s line goes on to the window\'s end', () => {
  const text = Array.from({ length: 12 }, (_, i) => `l${String(i).padStart(2, '0')}`).join('\n'); // lines of 3, 4 apart
  // No window: cuts every two lines.
  assert.equal(rangesOf(text, 4), [[0, 8], [7, 16], [15, 24], [23, 32], [31, 40], [39, 47]]);
  // A window of 10 from the line at 8: that chunk reaches 18 at least, so it ends with the newline at 19.
  assert.equal(rangesOf(text, 4, [8], 10), [[0, 8], [7, 20], [19, 28], [27, 36], [35, 44], [43, 47]]);
  // A window's line at the chunk's last line (4), and windows that chain.
  assert.equal(rangesOf(text, 4, [4, 12, 20], 10), [[0, 32], [31, 40], [39, 47]]);
  // A window reaching past the end: the rest is one chunk.
  assert.equal(rangesOf(text, 4, [36], 100), [[0, 8], [7, 16], [15, 24], [23, 32], [31, 47]]);
  // Every range still starts at a newline and ends after one, and the chunks cover the text.
  const random = prng(7);
  for (let round = 0; round < 300; round++) {
    const lines = Array.from({ length: 1 + Math.floor(random() * 40) }, () => 'x'.repeat(Math.floor(random() * 9)));
    const t = lines.join('\n');
    const starts: number[] = [];
    for (let at = 0, i = 0; i < lines.length; at += lines[i]!.length + 1, i++) if (random() < 0.1) starts.push(at);
    const window = 1 + Math.floor(random() * 30);
    const ranges = rangesOf(t, 1 + Math.floor(random() * 20), starts, window);
    assert.is(ranges[0]![0], 0);
    assert.is(ranges[ranges.length - 1]![1], t.length);
    for (let k = 1; k < ranges.length; k++) {
      assert.is(ranges[k]![0], ranges[k - 1]![1] - 1, 'overlapping by the newline');
      assert.is(t[ranges[k]![0]], '\n');
    }
    for (const start of starts) {
      if (start === t.length) continue; // an empty last line: nothing to read
      const [, end] = ranges.find(([s, e]) => s <= start && start < e && (s === 0 || start > s))!;
      assert.ok(end >= Math.min(t.length, start + window), JSON.stringify({ t, starts, window, ranges, start }));
    }
  }
});

const WIDE = ['\u2014', '\u{1F600}', '\u4e2d\u6587', '\u00e9'];
const contentRules = [...rules.values()].filter((r) => r.kind === 'content' && r.stages.includes('scan'));

/**
 * A file of every rule's sample, a few ways each, between lines of filler: its multi-line
 * samples (PEM blocks) at places that fall around cuts and windows.
 */
function sampleFile(seed: number, fillerLines: number): string {
  reseed(seed);
  const random = prng(seed);
  const lines: string[] = [];
  const filler = (): void => {
    for (let i = Math.floor(random() * fillerLines); i > 0; i--) {
      lines.push(`  const v${i} = compute(${randomFrom(BASE62, 8)}, "${'x'.repeat(Math.floor(random() * 60))}")${random() < 0.002 ? WIDE[i % WIDE.length] : ''};`);
    }
  };
  for (const id of Object.keys(allSamples).sort()) {
    const sample = allSamples[id]!();
    // Characters beyond ASCII beside some (a text of more than WIDE_RUN_CAP runs of them is not cut).
    const wide = lines.length % 3 ? '' : WIDE[lines.length % WIDE.length]!;
    filler();
    if (sample.value.includes('\n')) lines.push(`${sample.key} =`, ...sample.value.split('\n'));
    else lines.push(`${sample.key} = "${sample.value}"`, `${wide} ${sample.key}: ${sample.value} ${wide}`, sample.value);
    filler();
    const assignment = `${sample.key} = "${sample.value.replaceAll('\n', '\\n')}"`;
    lines.push(`cfg = "{\\"a\\": \\"${assignment.replaceAll('"', '\\\\\\"').replaceAll('/', '\\\\/')}\\"}"`);
    lines.push(`blob: ${Buffer.from(assignment).toString('base64')}`);
    lines.push(`${assignment} // shipgate-allow`);
  }
  return lines.join('\n');
}

test('fileChunks: findings, lines and characters are those of the whole text, whatever the chunks', () => {
  const slow = createEngine(contentRules);
  const fast = createEngine(contentRules);
  let findings = 0;
  for (const [seed, fillerLines] of [[61, 6], [62, 40], [63, 400]] as const) {
    const bytes = Buffer.from(sampleFile(seed, fillerLines));
    slow.keywords.seen = 0;
    const expected = scanBytes(slow, 'a.ts', bytes);
    findings += expected.findings.length;
    for (const chunkChars of [Number.MAX_SAFE_INTEGER, CHUNK_CHARS, 20_000, 3_000, 200, 1]) {
      fast.keywords.seen = FAST_PASS_AFTER_CHARS;
      const { chunks } = fileChunks(fast, bytes, chunkChars);
      assert.ok(chunks.every((c) => c.found), 'the fast pass');
      if (chunkChars <= 3_000 || bytes.length > 10 * chunkChars) assert.ok(chunks.length > 1, `${bytes.length} bytes in chunks of ${chunkChars}: ${chunks.length}`);
      fast.keywords.seen = FAST_PASS_AFTER_CHARS;
      assert.equal(scanBytes(fast, 'a.ts', bytes, chunkChars), expected, `seed ${seed}, chunks of ${chunkChars}`);
    }
  }
  assert.ok(findings > 3 * contentRules.length, `the files hold findings (${findings})`);
});

test('fileChunks: a text of chunks holds the text, with what is beyond Latin-1 as it is', () => {
  const engine = createEngine(contentRules);
  const random = prng(67);
  for (let round = 0; round < 100; round++) {
    let text = '';
    while (text.length < 2_000) text += random() < 0.02 ? WIDE[Math.floor(random() * WIDE.length)]! : ['token ', 'x', '\n', '\n\n', '"'][Math.floor(random() * 5)]!;
    engine.keywords.seen = FAST_PASS_AFTER_CHARS;
    const { chunks, whole } = fileChunks(engine, Buffer.from(`${text}x`), 50);
    assert.is(textOfChunks(chunks), `${text}x`);
    assert.equal(whole, { lines: text.split('\n').length, chars: text.length + 1 });
    let line = 1;
    chunks.forEach((chunk, k) => {
      if (k > 0) assert.is(chunk.text[0], '\n');
      assert.is(chunk.startLine, line, 'the line of its first character');
      line += chunk.found!.lines - 2; // its newlines but the one the next chunk starts with
    });
  }
});

test.run();
