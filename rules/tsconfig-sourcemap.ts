import { getPath, parseJsonc } from '../src/parse/jsonc.js';
import type { ChangeReport, ChangeRule } from '../src/types.js';
import { lineOfSetting, unparsable } from './support/change.js';

// TypeScript's own source map settings. inlineSources puts the original source into the map and
// inlineSourceMap puts the map into the .js file: those ship code, so they block; sourceMap and
// declarationMap only emit .map files next to the output, so they warn.
// https://www.typescriptlang.org/tsconfig/#sourceMap
// https://www.typescriptlang.org/tsconfig/#inlineSources
const SETTINGS: { name: string; severity: 'error' | 'warn' }[] = [
  { name: 'inlineSources', severity: 'error' },
  { name: 'inlineSourceMap', severity: 'error' },
  { name: 'sourceMap', severity: 'warn' },
  { name: 'declarationMap', severity: 'warn' },
];

export const tsconfigSourcemap: ChangeRule = {
  id: 'tsconfig-sourcemap',
  kind: 'change',
  description: 'tsconfig turns on inlineSources or inlineSourceMap (error), sourceMap or declarationMap (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/tsconfig.json', '**/tsconfig.*.json', '**/tsconfig-*.json', '**/jsconfig.json'],
  source: 'https://www.typescriptlang.org/tsconfig/#sourceMap',
  check: ({ path, before, after }) => {
    const next = parseJsonc(after);
    if (!next) return [];
    if (!next.ok) return [unparsable(path, next.error)];
    const prev = parseJsonc(before);
    const reports: ChangeReport[] = [];
    for (const { name, severity } of SETTINGS) {
      const now = getPath(next.value, `compilerOptions.${name}`);
      const was = prev?.ok ? getPath(prev.value, `compilerOptions.${name}`) : undefined;
      if (now !== true || was === true) continue;
      reports.push({
        messageId: 'sourcemap-enabled',
        data: { setting: `compilerOptions.${name}`, old: was === undefined ? 'unset' : String(was), new: 'true', rule: 'tsconfig-sourcemap' },
        line: lineOfSetting(after, name),
        key: `${name}=true`,
        severity,
      });
    }
    return reports;
  },
};
