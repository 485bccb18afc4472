// Config files written in JavaScript or TypeScript (vite.config.ts, webpack.config.js, a build
// script) and TOML (bunfig.toml), READ AS TEXT: never executed, never imported. Comments are
// blanked out (line breaks kept, so line numbers stay right), then `key: literal` settings are
// found with a regex that is linear-time on any input (a literal key, bounded quantifiers, no
// nested repetition). Pure functions, no I/O.

export interface StrippedText {
  /** The text with comments replaced by spaces; line breaks and everything else kept. */
  text: string;
  /** Set when the text ends inside a block comment or a template literal. */
  error?: string;
}

// After one of these (or at the start), a `/` begins a regex literal rather than a division.
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** Blanks out // and /* *\/ comments outside strings, template literals and regex literals. */
export function stripJsComments(src: string): StrippedText {
  const parts: string[] = [];
  const n = src.length;
  let run = 0; // start of the text not yet copied to parts
  let last = ''; // last significant character, to tell a regex literal from a division
  let i = 0;
  let error: string | undefined;
  let noRegexUntil = 0;
  const skip = (from: number, to: number): void => {
    parts.push(src.slice(run, from), blank(src.slice(from, to)));
    run = to;
  };
  while (i < n) {
    const c = src[i]!;
    if (c === '"' || c === "'") {
      // A quoted string ends at its quote, or (unterminated, not valid JS) at the line break.
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = j < n && src[j] === c ? j + 1 : Math.min(j, n);
      last = c;
    } else if (c === '`') {
      let j = i + 1;
      while (j < n && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
      if (j >= n) {
        error = 'unterminated template literal';
        break;
      }
      i = j + 1;
      last = c;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      skip(i, stop);
      i = stop;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end === -1) {
        error = 'unterminated comment';
        skip(i, n);
        i = n;
        break;
      }
      skip(i, end + 2);
      i = end + 2;
    } else if (c === '/' && i >= noRegexUntil && BEFORE_REGEX.has(last)) {
      // A regex literal: up to the unescaped `/` outside a character class, on the same line.
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      if (j < n && src[j] === '/') {
        i = j + 1;
      } else {
        // Not a regex after all: a division. No other `/` up to there is tried again, so a
        // line of `=/[` cannot make this quadratic.
        noRegexUntil = j;
        i++;
      }
      last = '/';
    } else {
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') last = c;
      i++;
    }
  }
  parts.push(src.slice(run));
  return error ? { text: parts.join(''), error } : { text: parts.join('') };
}

/** Blanks out # comments outside "..." and '...' strings (TOML). */
export function stripTomlComments(src: string): StrippedText {
  const parts: string[] = [];
  const n = src.length;
  let run = 0;
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += c === '"' && src[j] === '\\' ? 2 : 1;
      i = j < n && src[j] === c ? j + 1 : Math.min(j, n);
    } else if (c === '#') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      parts.push(src.slice(run, i), blank(src.slice(i, stop)));
      run = stop;
      i = stop;
    } else {
      i++;
    }
  }
  parts.push(src.slice(run));
  return { text: parts.join('') };
}

/** Keeps the line breaks of a comment, and one space so that tokens stay apart. */
function blank(comment: string): string {
  const breaks = comment.replace(/[^\n]/g, '');
  return breaks.length > 0 ? ` ${breaks}` : ' ';
}

/** One `key: value` (or `key = value`) found in the text. */
export interface FoundSetting {
  key: string;
  /** The literal as written (true, 'inline', "hidden"), or undefined for a computed value. */
  literal: string | undefined;
  /** 1-based line. */
  line: number;
  /** The line's text around the setting, whitespace collapsed. */
  lineText: string;
}

const LITERAL = String.raw`true|false|null|undefined|'[^'\\\n]{0,100}'|"[^"\\\n]{0,100}"|` + '`[^`\\\\$\\n]{0,100}`';

/**
 * Every `key: value`, `"key": value`, `obj.key = value` and (TOML) `key = value` of the given
 * keys in comment-stripped text. A value counts only as a literal followed by the end of the
 * property (`,` `}` `)` `]` `;` a line break, or a TypeScript `as`); anything else is computed.
 */
export function findSettings(text: string, keys: readonly string[]): FoundSetting[] {
  const names = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(
    `(?<![\\w$-])(["'\`]?)(${names})\\1[ \\t]{0,20}(?::|=(?![=>]))\\s{0,40}(?:(${LITERAL})(?=[ \\t]{0,40}(?:[,;})\\]\\r\\n]|$|as\\b|satisfies\\b)))?`,
    'g',
  );
  const found: FoundSetting[] = [];
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    while (nextBreak !== -1 && nextBreak < m.index) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    // The line around the match, at most 200 characters either side: a minified one-line config
    // with thousands of settings stays linear.
    const from = Math.max(lineStart, m.index - 200);
    const window = text.slice(m.index, m.index + 200);
    const end = window.indexOf('\n');
    found.push({
      key: m[2]!,
      literal: m[3],
      line,
      lineText: (text.slice(from, m.index) + (end === -1 ? window : window.slice(0, end))).replace(/\s+/g, ' ').trim(),
    });
  }
  return found;
}

/** The unquoted content of a string literal, or the literal itself (true, false, null). */
export function unquote(literal: string): string {
  const q = literal[0];
  return q === '"' || q === "'" || q === '`' ? literal.slice(1, -1) : literal;
}
