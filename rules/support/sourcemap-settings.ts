// Which source map settings a change turned on: the settings found in the old and the new
// version of a file are compared as counts per setting and level, so a reformatting, a moved
// line or a comment never reports; only a setting that is on after and was not on (at that
// level) before does. Pure functions, no I/O.

import type { ChangeReport } from '../../src/types.js';

/** 0: off or unset; 1: maps written to separate files (warn); 2: source embedded (error). */
export type MapLevel = 0 | 1 | 2;

/** One setting as found in one version of a file. */
export interface MapSetting {
  /** What it is, for the report: "vite build.sourcemap", "scripts.build --sourcemap". */
  setting: string;
  /** The value as written: true, 'inline', "--sourcemap=inline". */
  value: string;
  level: MapLevel;
  /** 1-based line in its version of the file; 0 when unknown. */
  line: number;
  /** The text of that line, trimmed: tells a new line from one that was already there. */
  lineText?: string;
}

/**
 * For each setting, the highest level at which the new version has more occurrences than the
 * old one, reported once at an occurrence whose line is new (else the last one). `old` lists
 * the setting's previous values, or "unset". A null `before` is a new file.
 */
export function newlyEnabled(before: readonly MapSetting[] | null, after: readonly MapSetting[]): { found: MapSetting; old: string }[] {
  const out: { found: MapSetting; old: string }[] = [];
  const previous = before ?? [];
  const oldLines = new Set(previous.map((s) => s.lineText).filter((t): t is string => t !== undefined));
  const wasBySetting = groupBy(previous);
  for (const [name, now] of groupBy(after)) {
    const was = wasBySetting.get(name) ?? [];
    for (const level of [2, 1] as const) {
      const nowAt = now.filter((s) => s.level >= level);
      if (nowAt.length <= was.filter((s) => s.level >= level).length) continue;
      const found = nowAt.find((s) => s.lineText !== undefined && !oldLines.has(s.lineText)) ?? nowAt[nowAt.length - 1]!;
      const oldValues = [...new Set(was.map((s) => s.value))];
      out.push({ found, old: oldValues.length > 0 ? oldValues.join(', ') : 'unset' });
      break;
    }
  }
  return out;
}

function groupBy(settings: readonly MapSetting[]): Map<string, MapSetting[]> {
  const groups = new Map<string, MapSetting[]>();
  for (const s of settings) {
    const group = groups.get(s.setting);
    if (group) group.push(s);
    else groups.set(s.setting, [s]);
  }
  return groups;
}

/** The 'sourcemap-enabled' reports for the settings a change turned on. */
export function sourcemapReports(ruleId: string, before: readonly MapSetting[] | null, after: readonly MapSetting[]): ChangeReport[] {
  return newlyEnabled(before, after).map(({ found, old }) => ({
    messageId: 'sourcemap-enabled',
    data: { setting: found.setting, old, new: found.value, rule: ruleId },
    line: found.line,
    // Quotes left out: re-quoting a value keeps the fingerprint (and a baseline entry) stable.
    key: `${found.setting}=${found.value.replace(/^(["'`])(.*)\1$/, '$2')}`,
    severity: found.level === 2 ? 'error' : 'warn',
  }));
}
