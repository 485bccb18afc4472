// Progress of a long `shipgate scan` on stderr: files and MB done, rate and ETA, redrawn in
// place. Only on a terminal, only once the scan has run for a second, never with --quiet.

import { createRequire } from 'node:module';
import { groupThousands } from '../messages.js';
import { nowMs } from '../clock.js';

export interface Progress {
  /** Work finished since the last call. */
  add(files: number, bytes: number): void;
  /** Clears the line (the report follows). */
  done(): void;
  readonly filesDone: number;
}

const DELAY_MS = 1000;
const REDRAW_MS = 100;

/** Where the line goes and the time it is drawn by: stderr and the clock, or a test's. */
export interface ProgressTerminal {
  isTty(): boolean;
  columns(): number;
  write(text: string): void;
  now(): number;
}

const stderrTerminal: ProgressTerminal = {
  isTty: isStderrTty,
  columns: () => process.stderr.columns || 80,
  write: (text) => void process.stderr.write(text),
  now: nowMs,
};

export function createProgress(
  options: { enabled: boolean; totalFiles?: number; totalBytes?: number; unit?: string }, terminal: ProgressTerminal = stderrTerminal,
): Progress {
  let files = 0;
  let bytes = 0;
  let drawn = false;
  let lastDraw = 0;
  const started = terminal.now();
  const unit = options.unit ?? 'files';
  const enabled = options.enabled && terminal.isTty();
  const draw = (): void => {
    const elapsed = (terminal.now() - started) / 1000;
    const rate = bytes / 1e6 / Math.max(elapsed, 0.001);
    const parts = [
      options.totalFiles !== undefined ? `${groupThousands(files)}/${groupThousands(options.totalFiles)} ${unit}` : `${groupThousands(files)} ${unit}`,
      options.totalBytes !== undefined ? `${(bytes / 1e6).toFixed(1)}/${(options.totalBytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e6).toFixed(1)} MB`,
      `${rate.toFixed(1)} MB/s`,
    ];
    if (options.totalBytes !== undefined && bytes > 0 && rate > 0) {
      parts.push(`ETA ${formatSeconds(Math.max(0, (options.totalBytes - bytes) / 1e6 / rate))}`);
    } else if (options.totalBytes === undefined && options.totalFiles !== undefined && files > 0) {
      // Not every file's size is known (a walk without the cache): the files left at the rate of files.
      parts.push(`ETA ${formatSeconds(Math.max(0, ((options.totalFiles - files) * elapsed) / files))}`);
    }
    terminal.write(`\r\x1b[K${`shipgate: scanning ${parts.join(', ')}`.slice(0, terminal.columns() - 1)}`);
    drawn = true;
  };
  const timer = enabled ? setInterval(() => tick(), REDRAW_MS * 2) : undefined;
  timer?.unref();
  const tick = (): void => {
    const now = terminal.now();
    if (now - started < DELAY_MS || now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    draw();
  };
  return {
    add(f, b) {
      files += f;
      bytes += b;
      if (enabled) tick();
    },
    done() {
      if (timer) clearInterval(timer);
      if (drawn) terminal.write('\r\x1b[K');
    },
    get filesDone() {
      return files;
    },
  };
}

function isStderrTty(): boolean {
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(2);
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
