import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DiffParseError, joinStaged, parsePatch, parseRawZ, parseStagedDiff, parseWorkingTreeDiff, splitPipedDiff, unquoteGitPath } from '../../src/diff-parse.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);

const raw = (...records: string[][]): Buffer => Buffer.from(records.map((r) => r.join('\0') + '\0').join('') + '\0');

const rawTable: { name: string; input: Buffer; expect: object[] }[] = [
  { name: 'added file', input: raw([`:000000 100644 ${Z} ${B} A`, 'src/a.ts']), expect: [{ status: 'A', path: 'src/a.ts', dstMode: '100644' }] },
  { name: 'modified, name with spaces', input: raw([`:100644 100644 ${A} ${B} M`, 'dir/my file.txt']), expect: [{ status: 'M', path: 'dir/my file.txt' }] },
  { name: 'newline and unicode in names are not quoted under -z', input: raw([`:000000 100644 ${Z} ${B} A`, 'new\nline'], [`:000000 100644 ${Z} ${C} A`, 'rén.txt']), expect: [{ path: 'new\nline' }, { path: 'rén.txt' }] },
  { name: 'rename carries score and both paths', input: raw([`:100644 100644 ${A} ${B} R087`, 'old.js', 'new.js']), expect: [{ status: 'R', score: 87, oldPath: 'old.js', path: 'new.js' }] },
  { name: 'leading dash', input: raw([`:000000 100644 ${Z} ${B} A`, '-rf']), expect: [{ path: '-rf' }] },
  { name: 'symlink and submodule modes', input: raw([`:000000 120000 ${Z} ${B} A`, 'link'], [`:000000 160000 ${Z} ${C} A`, 'vendor/sub']), expect: [{ dstMode: '120000' }, { dstMode: '160000' }] },
  { name: 'sha256 ids', input: raw([`:100644 100644 ${'a'.repeat(64)} ${'b'.repeat(64)} M`, 'x']), expect: [{ srcSha: 'a'.repeat(64), dstSha: 'b'.repeat(64) }] },
  { name: 'empty output', input: Buffer.alloc(0), expect: [] },
];

for (const row of rawTable) {
  test(`parseRawZ: ${row.name}`, () => {
    const { entries } = parseRawZ(row.input);
    assert.is(entries.length, row.expect.length);
    row.expect.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) assert.equal((entries[i] as unknown as Record<string, unknown>)[k], v, k);
    });
  });
}

test('parseRawZ: end points at the patch after the separating NUL', () => {
  const buf = Buffer.concat([raw([`:000000 100644 ${Z} ${B} A`, 'a']), Buffer.from('diff --git a/a b/a\n')]);
  const { end } = parseRawZ(buf);
  assert.is(buf.toString('utf8', end, end + 10), 'diff --git');
});

test('parseRawZ: a truncated record is a typed error', () => {
  assert.throws(() => parseRawZ(Buffer.from(`:000000 100644 ${Z} ${B} A\0unterminated`)), (e: Error) => e instanceof DiffParseError);
});

const patchTable: { name: string; patch: string; expect: { key?: string; binary?: boolean; chunks: { startLine: number; text: string }[] }[] }[] = [
  {
    name: 'new file',
    patch: `diff --git a/a.txt b/a.txt\nnew file mode 100644\nindex ${Z}..${B}\n--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1,2 @@\n+one\n+two\n`,
    expect: [{ key: `${Z}..${B}`, chunks: [{ startLine: 1, text: 'one\ntwo' }] }],
  },
  {
    name: 'two hunks with removals; line numbers are in the new file',
    patch: `diff --git a/a b/a\nindex ${A}..${B} 100644\n--- a/a\n+++ b/a\n@@ -2 +2 @@\n-old\n+new\n@@ -10,0 +11,2 @@\n+x\n+y\n`,
    expect: [{ key: `${A}..${B}`, chunks: [{ startLine: 2, text: 'new' }, { startLine: 11, text: 'x\ny' }] }],
  },
  {
    name: 'added lines that look like headers are content',
    patch: `diff --git a/a b/a\nindex ${A}..${B} 100644\n--- a/a\n+++ b/a\n@@ -0,0 +1,3 @@\n+++ b/evil\n+diff --git a/x b/x\n+@@ -1 +1 @@\n`,
    expect: [{ key: `${A}..${B}`, chunks: [{ startLine: 1, text: '++ b/evil\ndiff --git a/x b/x\n@@ -1 +1 @@' }] }],
  },
  {
    name: 'no newline at end of file marker, CRLF stripped',
    patch: `diff --git a/a b/a\nindex ${A}..${B} 100644\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\r\n\\ No newline at end of file\n+y\r\n\\ No newline at end of file\n`,
    expect: [{ key: `${A}..${B}`, chunks: [{ startLine: 1, text: 'y' }] }],
  },
  {
    name: 'binary',
    patch: `diff --git a/i.png b/i.png\nnew file mode 100644\nindex ${Z}..${B}\nBinary files /dev/null and b/i.png differ\n`,
    expect: [{ key: `${Z}..${B}`, binary: true, chunks: [] }],
  },
  {
    name: 'pure rename has no index line',
    patch: 'diff --git a/o b/n\nsimilarity index 100%\nrename from o\nrename to n\n',
    expect: [{ chunks: [] }],
  },
  {
    name: 'quoted names',
    patch: `diff --git "a/new\\nline" "b/r\\303\\251n"\nindex ${Z}..${B}\n--- /dev/null\n+++ "b/r\\303\\251n"\n@@ -0,0 +1 @@\n+z\n`,
    expect: [{ key: `${Z}..${B}`, chunks: [{ startLine: 1, text: 'z' }] }],
  },
  { name: 'deletion-only hunk', patch: `diff --git a/a b/a\nindex ${A}..${B} 100644\n--- a/a\n+++ b/a\n@@ -3,2 +2,0 @@\n-p\n-q\n`, expect: [{ key: `${A}..${B}`, chunks: [] }] },
];

for (const row of patchTable) {
  test(`parsePatch: ${row.name}`, () => {
    const sections = parsePatch(row.patch);
    assert.is(sections.length, row.expect.length);
    row.expect.forEach((e, i) => {
      assert.equal(sections[i]!.chunks, e.chunks);
      if (e.key !== undefined) assert.is(sections[i]!.key, e.key);
      assert.is(sections[i]!.binary, e.binary ?? false);
    });
  });
}

test('parsePatch: a hunk shorter than its header says is a typed error', () => {
  const bad = `diff --git a/a b/a\nindex ${A}..${B} 100644\n--- a/a\n+++ b/a\n@@ -0,0 +1,3 @@\n+only one\n`;
  assert.throws(() => parsePatch(bad), (e: Error) => e instanceof DiffParseError);
});

test('joinStaged: sections join entries by blob ids, whatever their order', () => {
  const entries = parseRawZ(raw([`:000000 100644 ${Z} ${B} A`, 'b.txt'], [`:100644 100644 ${A} ${C} M`, 'a.txt'])).entries;
  const sections = parsePatch(
    `diff --git a/a.txt b/a.txt\nindex ${A}..${C} 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-o\n+for a\n` +
      `diff --git a/b.txt b/b.txt\nnew file mode 100644\nindex ${Z}..${B}\n--- /dev/null\n+++ b/b.txt\n@@ -0,0 +1 @@\n+for b\n`,
  );
  const files = joinStaged(entries, sections);
  assert.equal(files.map((f) => [f.path, f.chunks[0]?.text]), [['b.txt', 'for b'], ['a.txt', 'for a']]);
});

test('joinStaged: a type change is shown as deletion and creation; the creation is scanned', () => {
  const entries = parseRawZ(raw([`:120000 100644 ${A} ${B} T`, 'x'])).entries;
  const sections = parsePatch(
    `diff --git a/x b/x\ndeleted file mode 120000\nindex ${A}..${Z}\n--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-target\n` +
      `diff --git a/x b/x\nnew file mode 100644\nindex ${Z}..${B}\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+content\n`,
  );
  assert.equal(joinStaged(entries, sections)[0]!.chunks, [{ startLine: 1, text: 'content' }]);
});

test('joinStaged: submodules are listed but their commit line is not content', () => {
  const buf = Buffer.concat([
    raw([`:000000 160000 ${Z} ${C} A`, 'sub']),
    Buffer.from(`diff --git a/sub b/sub\nnew file mode 160000\nindex ${Z}..${C}\n--- /dev/null\n+++ b/sub\n@@ -0,0 +1 @@\n+Subproject commit ${C}\n`),
  ]);
  const [file] = parseStagedDiff(buf);
  assert.equal([file!.kind, file!.chunks], ['submodule', []]);
});

test('joinStaged: deletions carry no lines, only the old blob for change rules', () => {
  const [file] = joinStaged(parseRawZ(raw([`:100644 000000 ${A} ${Z} D`, 'gone'])).entries, []);
  assert.equal([file!.status, file!.chunks, file!.oldBlob], ['D', [], A]);
});

const pipedTable: [string, Buffer, string, number | undefined][] = [
  ['status 0 after a diff', Buffer.from(`:x\0a\0\0diff\n\0shipgate-exit:0\0`), `:x\0a\0\0diff\n`, 0],
  ['empty diff, status 0', Buffer.from('\0shipgate-exit:0\0'), '', 0],
  ['git failed', Buffer.from('\0shipgate-exit:128\0'), '', 128],
  ['cut short: no trailer', Buffer.from(':x\0a\0'), ':x\0a\0', undefined],
  ['cut short inside the trailer', Buffer.from('\0shipgate-exit:0'), '\0shipgate-exit:0', undefined],
  ['garbage status', Buffer.from('\0shipgate-exit:zero\0'), '', undefined],
];
for (const [name, input, diff, status] of pipedTable) {
  test(`splitPipedDiff: ${name}`, () => {
    const r = splitPipedDiff(input);
    assert.is(r.diff.toString(), diff);
    assert.is(r.status, status);
  });
}

const quotedTable: [string, string, string][] = [
  ['plain', 'b/src/a.js', 'b/src/a.js'],
  ['a space: git adds a TAB after the name', 'b/my file.txt\t', 'b/my file.txt'],
  ['C-quoted tab, newline, quote and backslash', '"b/a\\tb\\nc\\"d\\\\e"', 'b/a\tb\nc"d\\e'],
  ['octal escapes of UTF-8 bytes (core.quotePath)', '"b/r\\303\\251n.txt"', 'b/rén.txt'],
  ['unquoted UTF-8 (core.quotePath=false)', 'b/rén.txt', 'b/rén.txt'],
  ['quoted for a quote, with a character beyond the BMP as is (core.quotePath=false)', '"b/a\\"\u{1F600}.txt"', 'b/a"\u{1F600}.txt'],
];
for (const [name, input, expected] of quotedTable) {
  test(`unquoteGitPath: ${name}`, () => assert.is(unquoteGitPath(input), expected));
}

test('parsePatch: sections carry the new path from the +++ line', () => {
  const sections = parsePatch(
    `diff --git a/x b/x\nindex ${A}..${B}\n--- a/x\n+++ b/x y\t\n@@ -1 +1 @@\n-a\n+b\n` +
      `diff --git "a/q\\tq" "b/q\\tq"\nindex ${A}..${C}\n--- "a/q\\tq"\n+++ "b/q\\tq"\n@@ -1 +1 @@\n-a\n+c\n` +
      `diff --git a/gone b/gone\ndeleted file mode 100644\nindex ${A}..${Z}\n--- a/gone\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n`,
  );
  assert.equal(sections.map((s) => s.path), ['x y', 'q\tq', undefined]);
});

test('parseWorkingTreeDiff: a file git did not hash (zeros in the raw record) is joined by path', () => {
  const D = 'd'.repeat(40);
  const buf = Buffer.concat([
    raw([`:100644 100644 ${A} ${Z} M`, 'dirty file.js'], [`:100644 100644 ${A} ${B} M`, 'clean.js'], [`:000000 100644 ${Z} ${Z} A`, 'new.js']),
    Buffer.from(
      `diff --git a/clean.js b/clean.js\nindex ${A}..${B}\n--- a/clean.js\n+++ b/clean.js\n@@ -1 +1 @@\n-a\n+clean\n` +
        `diff --git a/dirty file.js b/dirty file.js\nindex ${A}..${D}\n--- a/dirty file.js\t\n+++ b/dirty file.js\t\n@@ -2,0 +3,2 @@\n+dirty 1\n+dirty 2\n` +
        `diff --git a/new.js b/new.js\nnew file mode 100644\nindex ${Z}..${C}\n--- /dev/null\n+++ b/new.js\n@@ -0,0 +1 @@\n+fresh\n`,
    ),
  ]);
  const files = parseWorkingTreeDiff(buf);
  assert.equal(files.map((f) => [f.path, f.status, f.chunks]), [
    ['dirty file.js', 'M', [{ startLine: 3, text: 'dirty 1\ndirty 2' }]],
    ['clean.js', 'M', [{ startLine: 1, text: 'clean' }]],
    ['new.js', 'A', [{ startLine: 1, text: 'fresh' }]],
  ]);
  // The staged-diff join never joins by path.
  assert.equal(parseStagedDiff(buf).map((f) => f.chunks.length), [0, 1, 0]);
});

test.run();
