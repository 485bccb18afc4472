// Small pure helpers shared by change rules (rules/ never does I/O).

import type { ChangeReport } from '../../src/types.js';

/** A file that does not parse: a warning that names it, never a crash. */
export function unparsable(path: string, error: string): ChangeReport {
  return { messageId: 'config-unparsable', data: { path, error }, key: 'unparsable', severity: 'warn' };
}

/** 1-based line of the first occurrence of a setting name (quoted or not), or 0. */
export function lineOfSetting(text: string | null, name: string): number {
  if (!text) return 0;
  const re = new RegExp(`(^|[^A-Za-z0-9_$])["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`, 'm');
  const m = re.exec(text);
  return m ? text.slice(0, m.index + m[1]!.length).split('\n').length : 0;
}
