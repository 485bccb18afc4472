// `shipgate rules`: what each built-in rule checks, where, and how seriously.

import type { Format } from '../args.js';
import { writeFd } from '../io.js';
import { rules } from '../../rules/index.js';

export function listRules(format: Format): number {
  const list = [...rules.values()];
  if (format === 'json') {
    const rows = list.map((r) => ({
      id: r.id, kind: r.kind, severity: r.severity, stages: r.stages, description: r.description, source: r.source,
    }));
    writeFd(1, JSON.stringify({ version: 1, rules: rows }, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...list.map((r) => r.id.length));
  writeFd(1, list.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(5)}  ${rule.stages.join(',').padEnd(25)}  ${rule.description}\n`).join(''));
  return 0;
}
