// `shipgate baseline`: accept every current finding, so a team adopting shipgate in an old
// repository blocks only new secrets. Entries are fingerprints, never secrets.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { showToplevel } from '../git.js';
import { writeFd } from '../io.js';
import { plural } from '../messages.js';
import { BASELINE_FILE, baselineFile } from '../suppress.js';
import { scanFiles } from './scan.js';

export async function writeBaseline(): Promise<number> {
  const root = await showToplevel();
  const file = join(root, BASELINE_FILE);
  // Everything found now, as if there were no baseline yet: the new file replaces the old one,
  // so secrets since removed drop out of it.
  const { findings } = await scanFiles([], root, { withoutBaseline: true });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, baselineFile(findings));
  writeFd(1, `shipgate: ${BASELINE_FILE} records ${plural(findings.length, 'finding')}. Commit it: only findings not in it will block.\n`);
  return 0;
}
