// Random and mutated input for the parsers that read what users and git hand us: the diff
// parser, the pre-push stdin parser, the source-map parser, the config loader and the index and
// tree listings. A fixed
// number of cases from a fixed seed, so CI is repeatable; only the typed errors may escape.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, validateConfig } from '../../src/config.js';
import { DiffParseError, parseStagedDiff, splitPipedDiff } from '../../src/diff-parse.js';
import { parseJsonc, stripJsonc } from '../../src/parse/jsonc.js';
import { parsePushInput, PushInputError } from '../../src/push-input.js';
import { parseSourceMap } from '../../rules/support/sourcemap.js';
import { parseLsFilesStage, parseLsTree } from '../../src/tree-parse.js';
import { prng } from '../helpers/tokens.js';

const CASES = 3000;
const random = prng(7);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

/** Flips, drops, duplicates and inserts bytes of a valid input. */
function mutate(seed: Buffer): Buffer {
  const bytes = [...seed];
  const edits = 1 + int(8);
  for (let e = 0; e < edits; e++) {
    const at = int(bytes.length + 1);
    switch (int(5)) {
      case 0: if (bytes.length) bytes[Math.min(at, bytes.length - 1)] = int(256); break;
      case 1: bytes.splice(at, 1 + int(20)); break;
      case 2: bytes.splice(at, 0, ...bytes.slice(at, at + int(40))); break;
      case 3: bytes.splice(at, 0, ...Buffer.from(pick(['\0', '\n', '@@ -1 +1,5 @@\n', 'diff --git a/x b/x\n', ':', ' ', '"', '{', ']', '\\u00']))); break;
      default: bytes.length = Math.min(bytes.length, at);
    }
  }
  return Buffer.from(bytes);
}

function randomBytes(): Buffer {
  return Buffer.from(Array.from({ length: int(400) }, () => (random() < 0.7 ? 32 + int(95) : int(256))));
}

const Z = '0'.repeat(40);
const B = 'b'.repeat(40);
const A = 'a'.repeat(40);
const VALID_DIFF = Buffer.from(
  `:000000 100644 ${Z} ${B} A\0src/a.ts\0:100644 100644 ${A} ${B} R090\0old.js\0new.js\0\0` +
    `diff --git a/src/a.ts b/src/a.ts\nnew file mode 100644\nindex ${Z}..${B}\n--- /dev/null\n+++ b/src/a.ts\n@@ -0,0 +1,2 @@\n+one\n+two\n` +
    `diff --git a/old.js b/new.js\nsimilarity index 90%\nindex ${A}..${B} 100644\n--- a/old.js\n+++ b/new.js\n@@ -3 +3 @@\n-x\n+y\n\\ No newline at end of file\n`,
);

test(`fuzz: the diff parser returns or throws DiffParseError (${CASES} cases)`, () => {
  for (let i = 0; i < CASES; i++) {
    const input = i % 3 === 0 ? randomBytes() : mutate(VALID_DIFF);
    try {
      const files = parseStagedDiff(input);
      for (const f of files) assert.type(f.path, 'string');
    } catch (error) {
      assert.ok(error instanceof DiffParseError, `case ${i}: ${(error as Error)?.stack}`);
    }
    splitPipedDiff(input); // never throws
  }
});

const VALID_PUSH = `refs/heads/main ${A} refs/heads/main ${B}\nrefs/tags/v1 ${B} refs/tags/v1 ${Z}\n(delete) ${Z} refs/heads/old ${A}\n`;

test(`fuzz: the pre-push stdin parser returns or throws PushInputError (${CASES} cases)`, () => {
  for (let i = 0; i < CASES; i++) {
    const input = (i % 3 === 0 ? randomBytes() : mutate(Buffer.from(VALID_PUSH))).toString('utf8');
    try {
      for (const u of parsePushInput(input)) assert.ok(/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(u.localSha));
    } catch (error) {
      assert.ok(error instanceof PushInputError, `case ${i}: ${(error as Error)?.stack}`);
    }
  }
});

const VALID_MAP = JSON.stringify({
  version: 3, file: 'cli.js', sourceRoot: '', sources: ['../src/a.ts', 'webpack:///./src/b.ts', null],
  sourcesContent: ['export const a = 1;\n', null], names: [], mappings: 'AAAA',
  sections: [{ offset: { line: 0, column: 0 }, map: { version: 3, sources: ['x.ts'], sourcesContent: ['x'], mappings: '' } }],
});

test(`fuzz: the source-map parser never throws (${CASES} cases)`, () => {
  for (let i = 0; i < CASES; i++) {
    const text = (i % 3 === 0 ? randomBytes() : mutate(Buffer.from(VALID_MAP))).toString('utf8');
    const info = parseSourceMap(text, 'dist/cli.js.map');
    assert.type(info.ok, 'boolean');
    if (!info.ok) assert.type(info.error, 'string');
  }
});

const VALID_CONFIG = '{\n  // comment\n  "rules": { "github-token": "warn", "env-file": "off" },\n  "ignore": ["test/**"],\n  "release": { "tagPattern": "v*", "maxGrowth": 2 },\n}\n';

test(`fuzz: the config loader returns or throws ConfigError (${CASES} cases)`, () => {
  const known = new Set(['github-token', 'env-file']);
  for (let i = 0; i < CASES; i++) {
    const text = (i % 3 === 0 ? randomBytes() : mutate(Buffer.from(VALID_CONFIG))).toString('utf8');
    const parsed = parseJsonc(text);
    assert.ok(parsed !== undefined);
    stripJsonc(text);
    if (!parsed.ok) continue;
    try {
      validateConfig(parsed.value, 'shipgate.config.json', known);
    } catch (error) {
      assert.ok(error instanceof ConfigError, `case ${i}: ${(error as Error)?.stack}`);
    }
  }
});

const VALID_INDEX = Buffer.from(`H 100644 ${A} 0\tsrc/a.js\0S 100755 ${B} 0\tbin/run\0M 100644 ${Z} 2\tcon flict\0`);
const VALID_TREE = Buffer.from(`100644 blob ${A}      12\tsrc/a.js\x00160000 commit ${B}       -\tvendor/sub\0`);

test(`fuzz: the index and tree listing parsers return or throw DiffParseError (${CASES} cases)`, () => {
  for (let i = 0; i < CASES; i++) {
    const [parse, valid] = i % 2 ? [parseLsFilesStage, VALID_INDEX] as const : [parseLsTree, VALID_TREE] as const;
    const input = i % 3 === 0 ? randomBytes() : mutate(valid);
    try {
      for (const entry of parse(input)) assert.type(entry.path, 'string');
    } catch (error) {
      assert.ok(error instanceof DiffParseError, `case ${i}: ${(error as Error)?.stack}`);
    }
  }
});

test.run();
