// The progress line of a long scan (src/scan/progress.ts): only on a terminal, only after a
// second, files and MB done with the rate and an ETA, redrawn at most every 100 ms, cleared at
// the end. Driven by a terminal of the test's, with its own clock.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createProgress, type ProgressTerminal } from '../../src/scan/progress.js';

function terminal(tty = true, columns = 200): ProgressTerminal & { lines: string[]; at: number } {
  const t = {
    lines: [] as string[],
    at: 0,
    isTty: () => tty,
    columns: () => columns,
    write: (text: string) => void t.lines.push(text),
    now: () => t.at,
  };
  return t;
}

test('nothing in the first second; then files, MB, rate and ETA; redrawn at most every 100 ms; cleared at the end', () => {
  const term = terminal();
  const progress = createProgress({ enabled: true, totalFiles: 1000, totalBytes: 100e6 }, term);
  term.at = 900;
  progress.add(100, 10e6);
  assert.equal(term.lines, [], 'not before a second');
  term.at = 2000;
  progress.add(100, 10e6);
  assert.equal(term.lines, ['\r\x1b[Kshipgate: scanning 200/1,000 files, 20.0/100.0 MB, 10.0 MB/s, ETA 8s']);
  term.at = 2050;
  progress.add(1, 0);
  assert.is(term.lines.length, 1, 'not redrawn within 100 ms');
  term.at = 2100;
  progress.add(99, 30e6);
  assert.is(term.lines.at(-1), '\r\x1b[Kshipgate: scanning 300/1,000 files, 50.0/100.0 MB, 23.8 MB/s, ETA 3s');
  assert.is(progress.filesDone, 300);
  progress.done();
  assert.is(term.lines.at(-1), '\r\x1b[K', 'the line is cleared for the report');
});

test('without every size, the ETA comes from the files left; a narrow terminal gets the line cut', () => {
  const term = terminal(true, 40);
  const progress = createProgress({ enabled: true, totalFiles: 400 }, term);
  term.at = 4000;
  progress.add(100, 8e6);
  assert.equal(term.lines, [`\r\x1b[K${'shipgate: scanning 100/400 files, 8.0 MB, 2.0 MB/s, ETA 12s'.slice(0, 39)}`]);
  const wide = terminal();
  const again = createProgress({ enabled: true, totalFiles: 400 }, wide);
  wide.at = 4000;
  again.add(100, 8e6);
  assert.is(wide.lines[0], '\r\x1b[Kshipgate: scanning 100/400 files, 8.0 MB, 2.0 MB/s, ETA 12s');
});

test('silent when not on a terminal, or when not enabled (--quiet)', () => {
  for (const [tty, enabled] of [[false, true], [true, false]] as const) {
    const term = terminal(tty);
    const progress = createProgress({ enabled, totalFiles: 10, totalBytes: 10 }, term);
    term.at = 5000;
    progress.add(5, 5);
    progress.done();
    assert.equal(term.lines, []);
  }
});

test.run();
