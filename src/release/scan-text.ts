// The secret rules over one text of a packed file (or a source embedded in a map), for package
// rules: pure, no I/O.

import { runEngine, type Engine } from '../engine.js';
import type { Finding } from '../types.js';

export function makeScanText(engine: Engine): (path: string, text: string) => Finding[] {
  const contentOnly: Engine = { ...engine, files: [], changes: [], packages: [] };
  return (path, text) =>
    runEngine(contentOnly, {
      stage: 'release',
      label: path,
      files: [{ path, status: 'A', kind: 'file', binary: false, chunks: text ? [{ startLine: 1, text }] : [] }],
    }).findings;
}
