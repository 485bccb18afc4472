// A whole file's text as a whole-repository scan holds it (src/wasm/text-scan.ts decodeInPlace): one
// byte per UTF-16 unit, with U+00FF standing in for each unit of a character beyond Latin-1, and
// those stretches kept aside as they are. Node 20 makes a text holding any such character a
// two-byte string, which every search and regex then reads at half the speed, and made it from
// its parts: node_modules files hold an emoji or a dash here and there, and 62 of a
// node_modules' 146 MB were read that way (a scan of it 366 -> 352 ms this way, 2 cores, A/B
// of 12; decoding 76 -> 47 ms of CPU; 1.4 MB are still two-byte). The keyword pass, line ends,
// backslashes and base64 runs are all ASCII, so they are found in the stand-in text as in the
// real one; what a rule's pattern reads is sliced from it exactly (sliceExact).

/** The stretches of a text that hold characters beyond Latin-1. */
export interface WideRuns {
  /** Offsets of each stretch, start and end (exclusive) in turn, ascending. */
  readonly at: readonly number[];
  /** Each stretch as it is, as many UTF-16 units long as it stands for. */
  readonly texts: readonly string[];
}

/** Whether any stretch of `wide` overlaps `start` to `end`. */
export function touchesWide(wide: WideRuns | undefined, start: number, end: number): boolean {
  if (!wide) return false;
  const r = firstEndingAfter(wide.at, start);
  return r < wide.at.length && wide.at[r]! < end;
}

/** The real characters from `start` to `end` of a text held with stand-ins for `wide`. */
export function sliceExact(text: string, wide: WideRuns | undefined, start: number, end: number): string {
  if (!touchesWide(wide, start, end)) return text.slice(start, end);
  const { at, texts } = wide!;
  const parts: string[] = [];
  let from = start;
  for (let r = firstEndingAfter(at, start); r < at.length && at[r]! < end; r += 2) {
    const runStart = at[r]!;
    if (runStart > from) parts.push(text.slice(from, runStart));
    const stop = Math.min(end, at[r + 1]!);
    parts.push(texts[r >> 1]!.slice(Math.max(from, runStart) - runStart, stop - runStart));
    from = stop;
  }
  if (from < end) parts.push(text.slice(from, end));
  return parts.join('');
}

/** Index (even) in `at`, start and end pairs ascending, of the first that ends after `offset`; or at.length. */
function firstEndingAfter(at: readonly number[], offset: number): number {
  let lo = 0;
  let hi = at.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[2 * mid + 1]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** What reads stretches of a text: the string itself, or an ExactReader over one with stand-ins. */
export interface TextSlicer {
  slice(start: number, end: number): string;
}

/**
 * What the rules read of one text held with stand-ins: slices made exactly, each slice that
 * holds stand-ins made once (a minified bundle is one line, which each candidate rule reads),
 * and the lines holding stand-ins found once, from the stretches (there are at most a few
 * hundred: src/wasm/text-scan.ts WIDE_RUN_CAP).
 */
export class ExactReader implements TextSlicer {
  private made = new Map<string, string>();
  /** Start and end (before its newline) of each line holding stand-ins, ascending. */
  private lines: number[] | undefined;

  constructor(private readonly text: string, private readonly wide: WideRuns) {}

  /** text.slice(start, end) with the real characters. */
  slice(start: number, end: number): string {
    if (!touchesWide(this.wide, start, end)) return this.text.slice(start, end);
    const key = `${start},${end}`;
    let slice = this.made.get(key);
    if (slice === undefined) this.made.set(key, (slice = sliceExact(this.text, this.wide, start, end)));
    return slice;
  }

  /**
   * The line holding `at` with the line end on either side, as it is, and where it starts; or
   * undefined if the line holds no stand-in.
   */
  lineAround(at: number): { start: number; text: string } | undefined {
    const lines = (this.lines ??= linesOf(this.text, this.wide));
    const i = firstEndingAfter(lines, at - 1); // the first line ending at or after `at`
    if (i >= lines.length || lines[i]! > at) return undefined;
    const start = Math.max(0, lines[i]! - 1);
    return { start, text: this.slice(start, Math.min(this.text.length, lines[i + 1]! + 1)) };
  }
}

/** The lines holding the stretches: each searched for from the end of the one before. */
function linesOf(text: string, wide: WideRuns): number[] {
  const lines: number[] = [];
  const at = wide.at;
  for (let r = 0; r < at.length; r += 2) {
    const lastEnd = lines.length ? lines[lines.length - 1]! : -1;
    if (at[r]! <= lastEnd) continue; // on the line before's line
    // The newline before the stretch is after the last line found (which ends at one).
    const start = text.lastIndexOf('\n', at[r]! - 1) + 1;
    const newline = text.indexOf('\n', at[r + 1]!);
    lines.push(start, newline === -1 ? text.length : newline);
  }
  return lines;
}
