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
