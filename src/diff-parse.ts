// Pure parsers of git's diff output (`--raw -z` followed by `-p --unified=0`), table-tested in
// test/unit. No I/O here: src/git.ts runs git, these turn its bytes into plain data.

import type { ChangeStatus, Chunk, ScanFile } from './types.js';

export interface RawEntry {
  srcMode: string;
  dstMode: string;
  srcSha: string;
  dstSha: string;
  /** A, C, D, M, R, T, U or X. */
  status: string;
  /** Similarity score of a rename or copy. */
  score?: number;
  path: string;
  /** The source path of a rename or copy. */
  oldPath?: string;
}

export class DiffParseError extends Error {
  constructor(message: string) {
    super(`could not parse git diff output: ${message}`);
    this.name = 'DiffParseError';
  }
}

const NUL = 0;

/**
 * Parses `--raw -z` records: `:srcmode dstmode srcsha dstsha status NUL path NUL`, with a second
 * path for renames and copies. Returns the entries and the offset where the patch begins.
 * https://git-scm.com/docs/git-diff#_raw_output_format
 */
export function parseRawZ(buf: Buffer): { entries: RawEntry[]; end: number } {
  const entries: RawEntry[] = [];
  let pos = 0;
  const field = (): string => {
    const end = buf.indexOf(NUL, pos);
    if (end === -1) throw new DiffParseError(`unterminated field at byte ${pos}`);
    const text = buf.toString('utf8', pos, end);
    pos = end + 1;
    return text;
  };
  while (pos < buf.length && buf[pos] === 0x3a /* ':' */) {
    const head = field().slice(1).split(' ');
    if (head.length !== 5) throw new DiffParseError(`bad raw record "${head.join(' ')}"`);
    const [srcMode, dstMode, srcSha, dstSha, statusField] = head as [string, string, string, string, string];
    const status = statusField[0] ?? '';
    const entry: RawEntry = { srcMode, dstMode, srcSha, dstSha, status, path: '' };
    if (status === 'R' || status === 'C') {
      entry.score = Number(statusField.slice(1));
      entry.oldPath = field();
      entry.path = field();
    } else {
      entry.path = field();
    }
    entries.push(entry);
  }
  // git separates the raw records from the patch with one more NUL.
  if (buf[pos] === NUL) pos++;
  return { entries, end: pos };
}

export interface PatchSection {
  /** `old..new` from the `index` line; absent for pure renames and mode changes. */
  key?: string;
  /** The new path, from the `+++ b/...` line (absent for deletions, binary files, renames without changes). */
  path?: string;
  binary: boolean;
  chunks: Chunk[];
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const INDEX = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/;

/**
 * Parses a `-p --unified=0` patch into sections, one per `diff --git` header, each with the
 * runs of added lines and their line numbers in the new file. Hunk bodies are read by the
 * counts in their headers, so an added line that looks like a header cannot confuse it.
 */
export function parsePatch(text: string): PatchSection[] {
  const sections: PatchSection[] = [];
  const lines = text.split('\n');
  let current: PatchSection | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      current = { binary: false, chunks: [] };
      sections.push(current);
      i++;
      continue;
    }
    if (!current) {
      i++;
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const added = hunk[3] === undefined ? 1 : Number(hunk[3]);
      i++;
      const addedLines: string[] = [];
      let seenRemoved = 0;
      while (i < lines.length && (seenRemoved < removed || addedLines.length < added)) {
        const body = lines[i]!;
        if (body.startsWith('+')) addedLines.push(stripCr(body.slice(1)));
        else if (body.startsWith('-')) seenRemoved++;
        else if (!body.startsWith('\\')) break; // malformed; the count check below reports it
        i++;
      }
      // "\ No newline at end of file" may follow the last line of a hunk.
      while (i < lines.length && lines[i]!.startsWith('\\')) i++;
      if (addedLines.length !== added || seenRemoved !== removed) {
        throw new DiffParseError(`hunk "${line}" has ${seenRemoved} removed and ${addedLines.length} added lines`);
      }
      if (addedLines.length > 0) current.chunks.push({ startLine: start, text: addedLines.join('\n') });
      continue;
    }
    const index = INDEX.exec(line);
    if (index && current.chunks.length === 0) current.key = `${index[1]}..${index[2]}`;
    else if (line.startsWith('+++ b/') || line.startsWith('+++ "b/')) current.path ??= unquoteGitPath(line.slice(4)).slice(2);
    else if (line.startsWith('Binary files ') && line.endsWith(' differ')) current.binary = true;
    else if (line.startsWith('GIT binary patch')) current.binary = true;
    i++;
  }
  return sections;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as a patch header writes it: as is (with a TAB after it when it holds a space), or
 * C-quoted with octal escapes for bytes git will not print.
 * https://git-scm.com/docs/git-config#Documentation/git-config.txt-corequotePath
 */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"')) return text.endsWith('\t') ? text.slice(0, -1) : text;
  const bytes: number[] = [];
  for (let i = 1; i < text.length; i++) {
    // A whole character: with core.quotePath=false, one beyond the BMP stands as is (two units).
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch === '"') break;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
      continue;
    }
    const next = text[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i, i + 3), 8) & 0xff);
      i += 2;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

const ZERO = /^0+$/;

function kindOf(mode: string): ScanFile['kind'] {
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  return 'file';
}

/**
 * Joins raw entries with their patch sections by blob ids, into what the engine scans. With
 * `byPath`, an entry whose new blob id git left as zeros (a working-tree file it did not hash,
 * in `git diff <commit>`) is joined by its path instead.
 */
export function joinStaged(entries: readonly RawEntry[], sections: readonly PatchSection[], options: { byPath?: boolean } = {}): ScanFile[] {
  const byKey = new Map<string, PatchSection>();
  const byPath = new Map<string, PatchSection>();
  for (const section of sections) {
    if (section.key) byKey.set(section.key, section);
    if (options.byPath && section.path !== undefined) byPath.set(section.path, section);
  }
  const files: ScanFile[] = [];
  for (const entry of entries) {
    if (!'ACDMRT'.includes(entry.status) || entry.status === '') continue;
    const kind = kindOf(entry.dstMode);
    const zero = '0'.repeat(entry.dstSha.length);
    // A type change (file <-> symlink) is shown as a deletion and a creation.
    const srcSha = entry.status === 'T' || entry.status === 'A' || ZERO.test(entry.srcSha) ? zero : entry.srcSha;
    const section = byKey.get(`${srcSha}..${entry.dstSha}`) ?? (options.byPath && ZERO.test(entry.dstSha) ? byPath.get(entry.path) : undefined);
    const file: ScanFile = {
      path: entry.path,
      status: entry.status as ChangeStatus,
      kind,
      binary: section?.binary ?? false,
      // A gitlink's "content" is the commit it points at, not text of this repository.
      chunks: kind === 'submodule' || !section ? [] : section.chunks,
    };
    if (entry.oldPath !== undefined) file.oldPath = entry.oldPath;
    file.oldBlob = entry.srcSha;
    file.blob = entry.dstSha;
    if (entry.status === 'D') file.chunks = [];
    files.push(file);
  }
  return files;
}

/** The whole staged diff output of src/git.ts's readStagedDiff, as files to scan. */
export function parseStagedDiff(buf: Buffer): ScanFile[] {
  const { entries, end } = parseRawZ(buf);
  const sections = parsePatch(buf.toString('utf8', end));
  return joinStaged(entries, sections);
}

/**
 * `git diff <commit>` against the working tree (src/git.ts readWorkingTreeDiff), as files to
 * scan: the same shape as the staged diff, except that files git did not hash have zeros for
 * their new blob id in the raw records, so those are joined to their patch by path.
 */
export function parseWorkingTreeDiff(buf: Buffer): ScanFile[] {
  const { entries, end } = parseRawZ(buf);
  const sections = parsePatch(buf.toString('utf8', end));
  return joinStaged(entries, sections, { byPath: true });
}

/**
 * The hook stub pipes `git diff` into node so git runs while node starts, and appends
 * NUL "shipgate-exit:" status NUL: a diff output never holds a NUL after the raw part (binary
 * files are summarised), so the marker cannot be faked by content, and a missing or non-zero
 * status means the diff is not complete.
 */
export function splitPipedDiff(buf: Buffer): { diff: Buffer; status: number | undefined } {
  const marker = Buffer.from('\0shipgate-exit:');
  const at = buf.lastIndexOf(marker);
  if (at === -1 || buf[buf.length - 1] !== NUL) return { diff: buf, status: undefined };
  const status = Number(buf.toString('latin1', at + marker.length, buf.length - 1));
  return { diff: buf.subarray(0, at), status: Number.isInteger(status) ? status : undefined };
}
