// The escape hatches users set in the environment: SHIPGATE=0 skips the hooks,
// SHIPGATE_SKIP=id,id skips rules, and the report says which.

import { writeFd } from './io.js';

export function hooksDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['SHIPGATE']?.trim().toLowerCase();
  return value === '0' || value === 'false' || value === 'off';
}

export function skippedRuleIds(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env['SHIPGATE_SKIP'] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

/** Says that a hook's checks were skipped (SHIPGATE=0); its exit code, 0. */
export function reportHookSkipped(hook: 'pre-commit' | 'pre-push'): 0 {
  writeFd(2, `shipgate: ${hook} checks skipped (SHIPGATE=0)\n`);
  return 0;
}
