// A pure parser of `git ls-tree -r -z --full-tree --long <commit>` (src/git.ts listTree): every
// entry of a commit's tree with its mode, type, object id and size, for `shipgate scan --ref`.
// Table-tested in test/unit/tree-parse.test.ts.
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
