// Pure parsers of `git ls-tree -r -z --full-tree --long <commit>` (src/git.ts listTree): every
// entry of a commit's tree with its mode, type, object id and size, for `shipgate scan --ref`;
// and of `git ls-files -z --cached --modified --stage -v` (listIndex), the index and the files
// that differ from it, for `shipgate scan`. Table-tested in test/unit/objects-parse.test.ts.
// https://git-scm.com/docs/git-ls-tree#_output_format

import { DiffParseError } from './diff-parse.js';

export interface TreeEntry {
  /** 100644, 100755, 120000 (symlink), 160000 (submodule). */
  mode: string;
  /** blob, or commit for a submodule. */
  type: string;
  id: string;
  /** Bytes of a blob; undefined for a submodule (git prints "-"). */
  size?: number;
  path: string;
}

/** `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL`, the size right-aligned. */
export function parseLsTree(buf: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const end = buf.indexOf(0, pos);
    if (end === -1) throw new DiffParseError(`ls-tree: unterminated entry at byte ${pos}`);
    const tab = buf.indexOf(9, pos);
    if (tab === -1 || tab > end) throw new DiffParseError(`ls-tree: no tab in "${buf.toString('utf8', pos, Math.min(end, pos + 120))}"`);
    const fields = buf.toString('latin1', pos, tab).split(/ +/);
    const [mode, type, id, size] = fields;
    if (fields.length !== 4 || !mode || !type || !id || size === undefined || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(id) || !/^(?:\d+|-)$/.test(size)) {
      throw new DiffParseError(`ls-tree: bad entry "${buf.toString('utf8', pos, Math.min(end, pos + 120))}"`);
    }
    const entry: TreeEntry = { mode, type, id, path: buf.toString('utf8', tab + 1, end) };
    if (size !== '-') entry.size = Number(size);
    entries.push(entry);
    pos = end + 1;
  }
  return entries;
}

/** One entry of `git ls-files -z --cached --modified --stage -v` (src/git.ts listIndex). */
export interface IndexEntry {
  /**
   * H: tracked; S: skip-worktree; C: a second line for an entry whose file differs from it; lower
   * case: assume-unchanged.
   */
  tag: string;
  mode: string;
  id: string;
  /** 0, or 1-3 for the sides of a merge conflict. */
  stage: number;
  path: string;
}

/**
 * `<tag> SP <mode> SP <object> SP <stage> TAB <path> NUL`, every field but the path of fixed
 * width: read by offset from one decoded string, as a warm scan parses one entry per tracked
 * file (a Buffer decode per entry was most of the time).
 * https://git-scm.com/docs/git-ls-files#_output
 */
export function parseLsFilesStage(buf: Buffer): IndexEntry[] {
  const entries: IndexEntry[] = [];
  const text = buf.toString('utf8');
  if (text.length && !text.endsWith('\0')) throw new DiffParseError(`ls-files: unterminated entry at "${text.slice(text.lastIndexOf('\0') + 1, text.lastIndexOf('\0') + 121)}"`);
  for (let pos = 0; pos < text.length; ) {
    const end = text.indexOf('\0', pos);
    const tab = text.indexOf('\t', pos);
    // tag, mode, id and stage: 1 + 1 + 6 + 1 + (40 or 64) + 1 + 1 characters before the tab.
    const idLength = tab - pos - 11;
    const mode = text.slice(pos + 2, pos + 8);
    const id = text.slice(pos + 9, pos + 9 + idLength);
    const stage = text.charCodeAt(tab - 1) - 48;
    if (
      tab === -1 || tab > end || (idLength !== 40 && idLength !== 64) || text[pos + 1] !== ' ' || text[pos + 8] !== ' ' || text[tab - 2] !== ' ' ||
      !MODE.test(mode) || !HEX_ID.test(id) || stage < 0 || stage > 3
    ) {
      throw new DiffParseError(`ls-files: bad entry "${text.slice(pos, Math.min(end, pos + 120))}"`);
    }
    entries.push({ tag: text[pos]!, mode, id, stage, path: text.slice(tab + 1, end) });
    pos = end + 1;
  }
  return entries;
}

const MODE = /^[0-7]{6}$/;
const HEX_ID = /^[0-9a-f]+$/;

/** Whether a listing of src/git.ts listIndex names a file that differs from the index (a C line). */
export function listsChanges(listing: Buffer): boolean {
  // Each entry starts the listing or follows a NUL, which no path holds.
  return listing[0] === 0x43 || listing[0] === 0x63 || listing.indexOf('\0C ') !== -1 || listing.indexOf('\0c ') !== -1;
}

/** The entries of a listing of src/git.ts listIndex, and the paths of the files that differ from theirs. */
export function splitIndexListing(listing: Buffer): { entries: IndexEntry[]; changed: Set<string> } {
  const entries: IndexEntry[] = [];
  const changed = new Set<string>();
  for (const entry of parseLsFilesStage(listing)) {
    if (entry.tag === 'C' || entry.tag === 'c') changed.add(entry.path);
    else entries.push(entry);
  }
  return { entries, changed };
}
