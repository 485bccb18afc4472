// Turning a raw match into a finding that is safe to print: redaction, content-hash identity,
// and the inline allow comments people write next to false positives.

import { createRequire } from 'node:module';

// node:crypto is loaded when the first finding needs a fingerprint: most commits have none.
let crypto: typeof import('node:crypto') | undefined;

/**
 * Keeps only a recognisable prefix: at most 4 characters and never more than a quarter of the
 * secret, so that no printed form narrows the search for the rest.
 */
export function redact(secret: string): string {
  const shown = secret.length >= 16 ? 4 : secret.length >= 8 ? 2 : 0;
  return `${secret.slice(0, shown)}${'*'.repeat(Math.min(8, secret.length - shown))}…(${secret.length} chars)`;
}

/** Identity of a finding that survives line moves: sha256 of the rule id and the secret. */
export function fingerprintOf(ruleId: string, secret: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}

// `shipgate-allow` alone allows every rule on the line; `shipgate-allow: a, b` only those ids.
// gitleaks' and detect-secrets' markers are honoured so teams can migrate without editing.
const ALLOW = /shipgate-allow(?:[ \t]*[:=][ \t]*([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+){0,20}))?|gitleaks:allow|pragma: allowlist secret/g;

/** Whether the line carries an allow comment that covers the rule. */
export function isAllowedInline(line: string, ruleId: string): boolean {
  if (!line.includes('allow')) return false;
  ALLOW.lastIndex = 0;
  for (let m = ALLOW.exec(line); m; m = ALLOW.exec(line)) {
    const ids = m[1];
    if (ids === undefined) return true;
    if (ids.split(',').some((id) => id.trim() === ruleId)) return true;
  }
  return false;
}
