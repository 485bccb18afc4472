// A whole file's text (src/scan/file-chunks.ts fileChunks): its UTF-8 decoded, without a byte
// order mark and one last newline, the same whether it is decoded into WebAssembly memory for the
// keyword pass or by Buffer, and the findings on it the same.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/engine.js';
import { FAST_PASS_AFTER_CHARS } from '../../src/prefilter.js';
import { fileChunks } from '../../src/scan/file-chunks.js';
import { scanBytes } from '../../src/scan/jobs.js';
import { textOfChunks } from '../helpers/chunks.js';
import { rules } from '../../rules/index.js';
import { tokens } from '../helpers/tokens.js';

const contentRules = [...rules.values()].filter((rule) => rule.kind === 'content' && rule.stages.includes('scan'));

/** What a file's text was before fileChunks: Buffer's decoding, then the mark and newline dropped. */
function expectedText(bytes: Buffer): string {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

const samples = (): Buffer[] => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const body = `const key = "${tokens.githubClassic()}";\nname: \u00e9t\u00e9 \u{1F600}\n`;
  return [
    Buffer.from(''), Buffer.from('\n'), Buffer.from('\n\n'), bom, Buffer.concat([bom, Buffer.from('\n')]), Buffer.from([0xef, 0xbb]),
    Buffer.from(body), Buffer.concat([bom, Buffer.from(body)]), Buffer.from(`${body}\r\n`), Buffer.from(body.trimEnd()),
    Buffer.concat([Buffer.from(body), Buffer.from([0xc3])]), Buffer.concat([Buffer.from(body), Buffer.from([0xe2, 0x82, 0x0a])]),
    Buffer.from(`${'plain ascii line\n'.repeat(40)}`),
  ];
};

test('fileChunks: the text Buffer decodes, without a byte order mark and one last newline, by either pass', () => {
  for (const fast of [false, true]) {
    const engine = createEngine(contentRules);
    if (fast) engine.keywords.seen = FAST_PASS_AFTER_CHARS;
    for (const bytes of samples()) {
      for (const chunkChars of [undefined, 8]) {
        const { chunks } = fileChunks(engine, bytes, chunkChars);
        assert.is(textOfChunks(chunks), expectedText(bytes), `${fast ? 'WebAssembly' : 'Buffer'}, chunks of ${chunkChars ?? 'any size'}: ${bytes.toString('hex')}`);
        if (fast) assert.ok(chunks.every((chunk) => chunk.found), 'the keyword pass ran in WebAssembly memory');
        if (!fast || chunkChars === undefined) assert.ok(chunks.length <= 1, 'one chunk');
      }
    }
  }
});

test('fileChunks: findings, lines and columns are the same from either pass', () => {
  const bodies = samples().filter((bytes) => bytes.length > 20);
  const slow = createEngine(contentRules);
  const fast = createEngine(contentRules);
  fast.keywords.seen = FAST_PASS_AFTER_CHARS;
  for (const bytes of bodies) {
    const a = scanBytes(slow, 'a.ts', bytes);
    slow.keywords.seen = 0;
    const b = scanBytes(fast, 'a.ts', bytes);
    assert.equal(b, a, bytes.toString('hex'));
  }
  const found = scanBytes(fast, 'a.ts', bodies[0]!).findings;
  assert.equal(found.map((f) => [f.ruleId, f.line, f.column]), [['github-token', 1, 14]]);
});

test('fileChunks: a file WebAssembly memory cannot grow to hold is decoded by Buffer, and scanned', () => {
  const engine = createEngine(contentRules);
  engine.keywords.seen = FAST_PASS_AFTER_CHARS;
  const token = tokens.githubClassic();
  // More than the memory holds so far, with a character beyond ASCII.
  const bytes = Buffer.from(`${'x'.repeat(40 * 1024 * 1024)}\n\u00e9 const key = "${token}";\n`);
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = () => {
    throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
  };
  try {
    assert.is(textOfChunks(fileChunks(engine, bytes).chunks), expectedText(bytes));
    assert.equal(scanBytes(engine, 'big.js', bytes).findings.map((f) => [f.ruleId, f.line, f.column]), [['github-token', 2, 16]]);
  } finally {
    WebAssembly.Memory.prototype.grow = grow;
  }
});

test.run();
