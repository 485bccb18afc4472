import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DiffParseError } from '../../src/diff-parse.js';
import { HistoryParser, parseHistory, type HistoryCommit } from '../../src/history-parse.js';

// Streams in the shape of `git log --all --format=%x01%H -z --raw -p --unified=0 ...`
// (src/git.ts HISTORY_LOG_ARGS), built from parts as git writes them.

const Z = '0'.repeat(40);
const id = (c: string): string => c.repeat(40);
const C1 = id('1');
const C2 = id('2');
const C3 = id('3');

const header = (commit: string): string => `\x01${commit}\0\n`;
const raw = (status: string, dst: string, ...paths: string[]): string =>
  `:${status.startsWith('A') ? '000000' : '100644'} 100644 ${status.startsWith('A') ? Z : id('e')} ${dst} ${status}\0${paths.join('\0')}\0`;
const added = (path: string, dst: string, lines: string[]): string =>
  `diff --git a/${path} b/${path}\nnew file mode 100644\nindex ${Z}..${dst}\n--- /dev/null\n+++ b/${path}\n` +
  `@@ -0,0 +1${lines.length === 1 ? '' : `,${lines.length}`} @@\n${lines.map((l) => `+${l}\n`).join('')}`;
const modified = (path: string, dst: string, at: number, lines: string[]): string =>
  `diff --git a/${path} b/${path}\nindex ${id('e')}..${dst}\n--- a/${path}\n+++ b/${path}\n` +
  `@@ -${at} +${at}${lines.length === 1 ? '' : `,${lines.length}`} @@\n-old\n${lines.map((l) => `+${l}\n`).join('')}`;

interface Row {
  name: string;
  stream: string;
  expect: { commit: string; files: { path: string; status?: string; binary?: boolean; chunks?: { startLine: number; text: string }[] }[] }[];
}

const table: Row[] = [
  {
    name: 'two commits, each adding lines',
    stream:
      header(C1) + raw('A', id('a'), 'src/a.js') + '\0' + added('src/a.js', id('a'), ['const a = 1;', 'const b = 2;']) +
      header(C2) + raw('M', id('b'), 'src/b.js') + '\0' + modified('src/b.js', id('b'), 3, ['new line']),
    expect: [
      { commit: C1, files: [{ path: 'src/a.js', status: 'A', chunks: [{ startLine: 1, text: 'const a = 1;\nconst b = 2;' }] }] },
      { commit: C2, files: [{ path: 'src/b.js', status: 'M', chunks: [{ startLine: 3, text: 'new line' }] }] },
    ],
  },
  {
    name: 'several files in one commit, joined to their sections by blob ids',
    stream:
      header(C1) + raw('A', id('a'), 'a.txt') + raw('A', id('b'), 'b.txt') + '\0' +
      added('a.txt', id('a'), ['first']) + added('b.txt', id('b'), ['second', 'third']),
    expect: [{ commit: C1, files: [{ path: 'a.txt', chunks: [{ startLine: 1, text: 'first' }] }, { path: 'b.txt', chunks: [{ startLine: 1, text: 'second\nthird' }] }] }],
  },
  {
    name: 'an added line holding \\x01 and one that looks like a header are content',
    stream:
      header(C1) + raw('A', id('a'), 'x.txt') + '\0' + added('x.txt', id('a'), ['a\x01b', '\x01' + C3, 'diff --git a/y b/y']) +
      header(C2) + raw('A', id('b'), 'y.txt') + '\0' + added('y.txt', id('b'), ['y']),
    expect: [
      { commit: C1, files: [{ path: 'x.txt', chunks: [{ startLine: 1, text: `a\x01b\n\x01${C3}\ndiff --git a/y b/y` }] }] },
      { commit: C2, files: [{ path: 'y.txt' }] },
    ],
  },
  {
    name: 'a name with a newline and \\x01 in the raw records does not end the commit',
    stream: header(C1) + raw('A', id('a'), 'odd\n\x01name') + '\0' + added('"odd\\n\\001name"'.slice(1, -1), id('a'), ['v']) + header(C2) + raw('A', id('b'), 'z') + '\0' + added('z', id('b'), ['z']),
    expect: [
      { commit: C1, files: [{ path: 'odd\n\x01name', chunks: [{ startLine: 1, text: 'v' }] }] },
      { commit: C2, files: [{ path: 'z' }] },
    ],
  },
  {
    name: 'a pure rename and a mode change have sections without lines',
    stream:
      header(C1) + `:100644 100644 ${id('a')} ${id('a')} R100\0old.txt\0new.txt\0` + '\0' +
      'diff --git a/old.txt b/new.txt\nsimilarity index 100%\nrename from old.txt\nrename to new.txt\n' +
      header(C2) + `:100644 100755 ${id('a')} ${id('a')} M\0run.sh\0` + '\0' + 'diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n',
    expect: [
      { commit: C1, files: [{ path: 'new.txt', status: 'R', chunks: [] }] },
      { commit: C2, files: [{ path: 'run.sh', status: 'M', chunks: [] }] },
    ],
  },
  {
    name: 'a binary file is flagged, not read',
    stream:
      header(C1) + raw('A', id('b'), 'logo.png') + '\0' +
      `diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex ${Z}..${id('b')}\nBinary files /dev/null and b/logo.png differ\n`,
    expect: [{ commit: C1, files: [{ path: 'logo.png', binary: true, chunks: [] }] }],
  },
  {
    name: 'a commit without a patch is followed directly by the next header',
    stream: header(C1) + raw('A', id('a'), 'a') + header(C2) + raw('A', id('b'), 'b') + '\0' + added('b', id('b'), ['b']),
    expect: [
      { commit: C1, files: [{ path: 'a', chunks: [] }] },
      { commit: C2, files: [{ path: 'b', chunks: [{ startLine: 1, text: 'b' }] }] },
    ],
  },
  {
    name: 'trailing NUL and newline after the last commit',
    stream: header(C1) + raw('A', id('a'), 'a') + '\0' + added('a', id('a'), ['x']) + '\0\n',
    expect: [{ commit: C1, files: [{ path: 'a', chunks: [{ startLine: 1, text: 'x' }] }] }],
  },
  {
    name: 'CRLF content keeps its text without the CR; no-newline marker skipped',
    stream: header(C1) + raw('A', id('a'), 'w.bat') + '\0' + `diff --git a/w.bat b/w.bat\nnew file mode 100644\nindex ${Z}..${id('a')}\n--- /dev/null\n+++ b/w.bat\n@@ -0,0 +1,2 @@\n+echo 1\r\n+echo 2\n\\ No newline at end of file\n`,
    expect: [{ commit: C1, files: [{ path: 'w.bat', chunks: [{ startLine: 1, text: 'echo 1\necho 2' }] }] }],
  },
  {
    name: 'sha256 repositories: 64-digit ids',
    stream: header('f'.repeat(64)) + `:000000 100644 ${'0'.repeat(64)} ${'a'.repeat(64)} A\0a\0` + '\0' +
      `diff --git a/a b/a\nnew file mode 100644\nindex ${'0'.repeat(64)}..${'a'.repeat(64)}\n--- /dev/null\n+++ b/a\n@@ -0,0 +1 @@\n+x\n`,
    expect: [{ commit: 'f'.repeat(64), files: [{ path: 'a', chunks: [{ startLine: 1, text: 'x' }] }] }],
  },
  { name: 'an empty history', stream: '', expect: [] },
];

function check(commits: HistoryCommit[], row: Row): void {
  assert.equal(commits.map((c) => c.commit), row.expect.map((c) => c.commit));
  row.expect.forEach((want, i) => {
    const got = commits[i]!;
    assert.is(got.files.length, want.files.length, `${row.name}: files of commit ${i}`);
    want.files.forEach((f, j) => {
      for (const [k, v] of Object.entries(f)) assert.equal((got.files[j] as unknown as Record<string, unknown>)[k], v, `${row.name}: ${k}`);
    });
  });
}

for (const row of table) {
  test(`history stream: ${row.name}`, () => {
    check(parseHistory(Buffer.from(row.stream, 'utf8')), row);
  });

  test(`history stream: ${row.name}, split at every byte`, () => {
    const bytes = Buffer.from(row.stream, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const parser = new HistoryParser();
      const out = [...parser.push(bytes.subarray(0, cut)), ...parser.push(bytes.subarray(cut)), ...parser.end()];
      check(out, row);
    }
    // And one byte at a time.
    const parser = new HistoryParser();
    const out: HistoryCommit[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(...parser.push(bytes.subarray(i, i + 1)));
    out.push(...parser.end());
    check(out, row);
  });
}

test('history stream: commits come out as soon as the next header arrives', () => {
  const parser = new HistoryParser();
  const first = header(C1) + raw('A', id('a'), 'a') + '\0' + added('a', id('a'), ['x']);
  assert.equal(parser.push(Buffer.from(first)), []);
  const out = parser.push(Buffer.from(header(C2)));
  assert.equal(out.map((c) => c.commit), [C1]);
  assert.is(out[0]!.bytes, Buffer.byteLength(first));
});

const errors: [string, string][] = [
  ['text before the first header', 'commit abc\n'],
  ['a bad commit id', '\x01not-a-commit\0\n'],
  ['a header cut short', `\x01${C1.slice(0, 20)}`],
  ['a hunk with fewer lines than its header says', header(C1) + raw('A', id('a'), 'a') + '\0' + `diff --git a/a b/a\nindex ${Z}..${id('a')}\n--- /dev/null\n+++ b/a\n@@ -0,0 +1,3 @@\n+only one\n`],
  ['a raw record cut short', header(C1) + `:000000 100644 ${Z} ${id('a')} A\0unterminated`],
];

for (const [name, stream] of errors) {
  test(`history stream errors: ${name}`, () => {
    assert.throws(() => parseHistory(Buffer.from(stream)), (e: Error) => e instanceof DiffParseError);
  });
}

test('history stream errors do not quote what stands where a header should', () => {
  assert.throws(() => parseHistory(Buffer.from('+password = quoted-never-0123\n')), (e: Error) => e instanceof DiffParseError && !e.message.includes('quoted-never'));
});

test('history stream: no data after end()', () => {
  const parser = new HistoryParser();
  parser.end();
  assert.throws(() => parser.push(Buffer.from('x')), (e: Error) => e instanceof DiffParseError);
});

test.run();
