// Parsers of `git ls-tree --long -z` and `git cat-file --batch` output (for `shipgate scan --ref`),
// and of `git ls-files -z --stage -v` (the index, for `shipgate scan`).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CatFileBatchParser, type BatchObject } from '../../src/cat-file-parse.js';
import { DiffParseError } from '../../src/diff-parse.js';
import { listsChanges, parseLsFilesStage, parseLsTree, splitIndexListing } from '../../src/tree-parse.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

type Row = { name: string; input: string; expect: object[] };

const lsTable: Row[] = [
  { name: 'a file', input: `100644 blob ${A}      12\tsrc/a.js\0`, expect: [{ mode: '100644', type: 'blob', id: A, size: 12, path: 'src/a.js' }] },
  { name: 'spaces, tabs and newlines in names are verbatim under -z', input: `100644 blob ${A}       1\tmy file\twith\ttabs\nand newline\0`, expect: [{ path: 'my file\twith\ttabs\nand newline' }] },
  { name: 'unicode name', input: `100644 blob ${A}       1\trén/ö.txt\0`, expect: [{ path: 'rén/ö.txt' }] },
  { name: 'executable, symlink, submodule (size "-")', input: `100755 blob ${A}       3\trun.sh\x00120000 blob ${B}       6\tlink\x00160000 commit ${C}       -\tvendor/sub\0`, expect: [{ mode: '100755' }, { mode: '120000', size: 6 }, { mode: '160000', type: 'commit', size: undefined }] },
  { name: 'a size wider than the padding', input: `100644 blob ${A} 123456789\tbig.bin\0`, expect: [{ size: 123456789 }] },
  { name: 'sha256 ids', input: `100644 blob ${'d'.repeat(64)}       1\tx\0`, expect: [{ id: 'd'.repeat(64) }] },
  { name: 'empty tree', input: '', expect: [] },
];

/** A parser's table: each row's entries have the expected fields; each bad input is a DiffParseError. */
function tableTests(name: string, parse: (buf: Buffer) => object[], rows: readonly Row[], bad: readonly (readonly [string, string])[]): void {
  for (const row of rows) {
    test(`${name}: ${row.name}`, () => {
      const entries = parse(Buffer.from(row.input, 'utf8'));
      assert.is(entries.length, row.expect.length);
      row.expect.forEach((e, i) => {
        for (const [k, v] of Object.entries(e)) assert.equal((entries[i] as unknown as Record<string, unknown>)[k], v, k);
      });
    });
  }
  for (const [label, input] of bad) {
    test(`${name} errors: ${label}`, () => {
      assert.throws(() => parse(Buffer.from(input)), (e: Error) => e instanceof DiffParseError);
    });
  }
}

tableTests('parseLsTree', parseLsTree, lsTable, [
  ['unterminated', `100644 blob ${A}       1\tx`],
  ['no tab', `100644 blob ${A} 1 x\0`],
  ['a short id', `100644 blob abc       1\tx\0`],
  ['without --long', `100644 blob ${A}\tx\0`],
]);

const indexTable: Row[] = [
  { name: 'a tracked file', input: `H 100644 ${A} 0\tsrc/a.js\0`, expect: [{ tag: 'H', mode: '100644', id: A, stage: 0, path: 'src/a.js' }] },
  { name: 'assume-unchanged, skip-worktree, executable, link, submodule', input: `h 100644 ${A} 0\ta\0S 100755 ${B} 0\tb\0H 120000 ${C} 0\tc\0H 160000 ${A} 0\td\0`, expect: [{ tag: 'h' }, { tag: 'S', mode: '100755' }, { mode: '120000' }, { mode: '160000' }] },
  { name: 'the three stages of a conflict', input: `M 100644 ${A} 1\tx\0M 100644 ${B} 2\tx\0M 100644 ${C} 3\tx\0`, expect: [{ stage: 1 }, { stage: 2 }, { stage: 3 }] },
  { name: 'tabs, newlines, spaces and unicode in names are verbatim under -z', input: `H 100644 ${A} 0\tmy file\twith\ttabs\nand rén/ö\0`, expect: [{ path: 'my file\twith\ttabs\nand rén/ö' }] },
  { name: 'sha256 ids', input: `H 100644 ${'d'.repeat(64)} 0\tx\0`, expect: [{ id: 'd'.repeat(64) }] },
  { name: 'an empty index', input: '', expect: [] },
];

tableTests('parseLsFilesStage', parseLsFilesStage, indexTable, [
  ['unterminated', `H 100644 ${A} 0\tx`],
  ['no tab', `H 100644 ${A} 0 x\0`],
  ['a short id', `H 100644 abc 0\tx\0`],
  ['without --stage', `H x\0`],
  ['a stage out of range', `H 100644 ${A} 4\tx\0`],
  ['a bad mode', `H 10064x ${A} 0\tx\0`],
  ['an upper-case id', `H 100644 ${A.toUpperCase()} 0\tx\0`],
]);

// `git ls-files --cached --modified`: a file that differs from its entry has a second line, C
// (c for an assume-unchanged entry).
const changesTable: { name: string; input: string; entries: string[]; changed: string[] }[] = [
  { name: 'no change', input: `H 100644 ${A} 0\ta\0H 100644 ${B} 0\tb\0`, entries: ['a', 'b'], changed: [] },
  { name: 'the first entry changed', input: `H 100644 ${A} 0\ta\0C 100644 ${A} 0\ta\0H 100644 ${B} 0\tb\0`, entries: ['a', 'b'], changed: ['a'] },
  { name: 'the last entry changed', input: `H 100644 ${A} 0\ta\0H 100644 ${B} 0\tb\0C 100644 ${B} 0\tb\0`, entries: ['a', 'b'], changed: ['b'] },
  { name: 'a listing that starts with a change', input: `C 100644 ${A} 0\ta\0`, entries: [], changed: ['a'] },
  { name: 'an assume-unchanged entry', input: `h 100644 ${A} 0\ta\0c 100644 ${A} 0\ta\0`, entries: ['a'], changed: ['a'] },
  { name: 'a path with "C " after a tab', input: `H 100644 ${A} 0\tx\tC y\0`, entries: ['x\tC y'], changed: [] },
  { name: 'an empty index', input: '', entries: [], changed: [] },
];
for (const row of changesTable) {
  test(`splitIndexListing and listsChanges: ${row.name}`, () => {
    const listing = Buffer.from(row.input, 'utf8');
    const { entries, changed } = splitIndexListing(listing);
    assert.equal(entries.map((e) => e.path), row.entries);
    assert.equal([...changed], row.changed);
    assert.is(listsChanges(listing), row.changed.length > 0);
  });
}

const obj = (id: string, content: Buffer | string, type = 'blob'): Buffer => {
  const bytes = Buffer.from(content);
  return Buffer.concat([Buffer.from(`${id} ${type} ${bytes.length}\n`), bytes, Buffer.from('\n')]);
};

const catTable: { name: string; input: Buffer; expect: { id: string; missing: boolean; content?: string }[] }[] = [
  { name: 'two blobs', input: Buffer.concat([obj(A, 'hello\n'), obj(B, 'world')]), expect: [{ id: A, missing: false, content: 'hello\n' }, { id: B, missing: false, content: 'world' }] },
  { name: 'a missing object between two', input: Buffer.concat([obj(A, 'x'), Buffer.from(`${C} missing\n`), obj(B, 'y')]), expect: [{ id: A, missing: false, content: 'x' }, { id: C, missing: true }, { id: B, missing: false, content: 'y' }] },
  { name: 'an empty blob', input: obj(A, ''), expect: [{ id: A, missing: false, content: '' }] },
  { name: 'contents that look like headers and hold NUL and LF', input: Buffer.concat([obj(A, `${B} blob 3\nabc\n\0\n`), obj(C, 'z')]), expect: [{ id: A, missing: false, content: `${B} blob 3\nabc\n\0\n` }, { id: C, missing: false, content: 'z' }] },
  { name: 'ambiguous short name', input: Buffer.from('abcd ambiguous\n'), expect: [{ id: 'abcd', missing: true }] },
];

const collect = (chunks: Buffer[]): BatchObject[] => {
  const parser = new CatFileBatchParser();
  const out = chunks.flatMap((c) => parser.push(c));
  parser.end();
  return out;
};

const checkObjects = (got: BatchObject[], expect: (typeof catTable)[number]['expect']): void => {
  assert.equal(got.map((o) => ({ id: o.id, missing: o.missing, ...(o.missing ? {} : { content: o.content.toString('latin1') }) })), expect);
};

for (const row of catTable) {
  test(`cat-file --batch: ${row.name}, whole and split at every byte`, () => {
    checkObjects(collect([row.input]), row.expect);
    for (let cut = 1; cut < row.input.length; cut++) checkObjects(collect([row.input.subarray(0, cut), row.input.subarray(cut)]), row.expect);
    checkObjects(collect([...row.input].map((b) => Buffer.from([b]))), row.expect);
  });
}

test('cat-file --batch: a large blob in many chunks comes out whole', () => {
  const content = Buffer.alloc(1_000_000, 0x61);
  const input = Buffer.concat([obj(A, content), obj(B, 'tail')]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < input.length; i += 65536) chunks.push(input.subarray(i, i + 65536));
  const out = collect(chunks);
  assert.is(out.length, 2);
  assert.ok(!out[0]!.missing && out[0]!.content.equals(content));
});

test('cat-file --batch errors: cut short, bad header, missing newline after contents', () => {
  assert.throws(() => collect([obj(A, 'hello').subarray(0, 50)]), (e: Error) => e instanceof DiffParseError);
  assert.throws(() => collect([Buffer.from(`${A} blob many\n`)]), (e: Error) => e instanceof DiffParseError);
  // Out of step, a "header" may be a line of a file: the error does not quote it.
  assert.throws(() => collect([Buffer.from('API_KEY = quoted-never-0123456789\n')]), (e: Error) => e instanceof DiffParseError && !e.message.includes('quoted-never'));
  assert.throws(() => collect([Buffer.from(`${A} blob 2\nabX`)]), (e: Error) => e instanceof DiffParseError);
});

test.run();
