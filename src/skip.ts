// The escape hatches users set in the environment: SHIPGATE=0 skips the hooks,
// SHIPGATE_SKIP=id,id skips rules, and the report says which.

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
