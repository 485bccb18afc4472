// Values that are shaped like secrets but are documentation, templates or references to where
// the real secret lives. Shared by the validators of rules that have no checksum.

const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|changeme|redacted|your[_-]?|fake|xxxx|\*\*\*|\.\.\.|<|>|\$\{|\{\{|%\(|process\.env|os\.environ/i;

/** True when the candidate is a template, a doc example or a variable reference, not a value. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  return distinctChars(value) < Math.min(6, value.length);
}

function distinctChars(value: string): number {
  return new Set(value).size;
}

/**
 * A run of `length` characters that repeat or climb or fall by one ("aaaaaa", "123456",
 * "fedcba"): typed by a person writing an example, rare in a random token.
 */
export function hasTypedRun(value: string, length = 6): boolean {
  let run = 1;
  let step = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (Math.abs(d) <= 1 && (run === 1 || d === step)) {
      step = d;
      run++;
      if (run >= length) return true;
    } else {
      run = Math.abs(d) <= 1 ? 2 : 1;
      step = d;
    }
  }
  return false;
}
