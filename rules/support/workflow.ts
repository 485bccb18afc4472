// GitHub Actions workflow files read into the few things the workflow rules look at, with lines:
// triggers, permissions, env, jobs, steps (uses, run). Pure: the yaml package parses, nothing is
// read from disk. The four workflow rules look at the same before/after texts, so the last few
// parses are kept.
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions

import { isMap, isScalar, isSeq, yamlLib } from './yaml.js';
import { lineOf, mapEntries, mapGet, parseYaml, scalarText } from './yaml.js';

export type Level = 'read' | 'write' | 'none';

/** A permissions block as GitHub reads it. */
export type Permissions =
  | { kind: 'default' } // no block: the repository's default token permissions, possibly write-all
  | { kind: 'all'; level: Level } // read-all, write-all
  | { kind: 'scopes'; scopes: Map<string, { level: Level; line: number }> }; // {} is every scope none

export interface RunScript {
  text: string;
  /** Line of the script's first line (a `run: |` block starts on the line after `run:`). */
  firstLine: number;
  /** Each script line has its own file line (literal blocks); otherwise all share firstLine. */
  exactLines: boolean;
}

export interface Step {
  line: number;
  uses?: { value: string; line: number };
  run?: RunScript;
  env: Map<string, string>;
}

export interface Job {
  id: string;
  line: number;
  permissions: Permissions;
  /** Line of the job's `permissions:` key, 0 when it has none. */
  permissionsLine: number;
  /** A reusable workflow call: `jobs.<id>.uses`. */
  uses?: { value: string; line: number };
  env: Map<string, string>;
  steps: Step[];
}

export interface Workflow {
  /** Trigger names with the line each is named on. */
  events: Map<string, number>;
  permissions: Permissions;
  permissionsLine: number;
  env: Map<string, string>;
  jobs: Map<string, Job>;
}

export type WorkflowResult = { ok: true; workflow: Workflow } | { ok: false; error: string };

const cache = new Map<string, WorkflowResult>();

export function readWorkflow(text: string): WorkflowResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseWorkflow(text);
  cache.set(text, result);
  if (cache.size > 8) cache.delete(cache.keys().next().value!);
  return result;
}

function parseWorkflow(text: string): WorkflowResult {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { lines } = parsed;
  const root = parsed.docs[0]?.contents ?? null;
  if (root !== null && !isMap(root)) return { ok: false, error: 'a workflow is a mapping of on, jobs and settings' };
  const topPermissions = mapGet(root, 'permissions', lines);
  const workflow: Workflow = {
    events: events(mapGet(root, 'on', lines) ?? mapGet(root, 'true', lines), lines),
    permissions: readPermissions(topPermissions, lines),
    permissionsLine: topPermissions?.line ?? 0,
    env: readEnv(mapGet(root, 'env', lines)?.value, lines),
    jobs: new Map(),
  };
  for (const { key: id, value, line } of mapEntries(mapGet(root, 'jobs', lines)?.value, lines)) {
    const permissions = mapGet(value, 'permissions', lines);
    const steps: Step[] = [];
    const stepsNode = mapGet(value, 'steps', lines)?.value;
    if (isSeq(stepsNode)) {
      for (const item of stepsNode.items) {
        if (!isMap(item)) continue;
        const run = mapGet(item, 'run', lines);
        steps.push({
          line: lineOf(lines, item),
          ...usesOf(item, lines),
          ...(run ? runOf(run.value, run.line, lines) : {}),
          env: readEnv(mapGet(item, 'env', lines)?.value, lines),
        });
      }
    }
    workflow.jobs.set(id, {
      id, line, steps,
      permissions: readPermissions(permissions, lines),
      permissionsLine: permissions?.line ?? 0,
      ...usesOf(value, lines),
      env: readEnv(mapGet(value, 'env', lines)?.value, lines),
    });
  }
  return { ok: true, workflow };
}

function usesOf(node: unknown, lines: Parameters<typeof lineOf>[0]): { uses?: { value: string; line: number } } {
  const uses = mapGet(node, 'uses', lines);
  const value = scalarText(uses?.value);
  return uses && value ? { uses: { value: value.trim(), line: lineOf(lines, uses.value) || uses.line } } : {};
}

function runOf(node: unknown, keyLine: number, lines: Parameters<typeof lineOf>[0]): { run?: RunScript } {
  const text = scalarText(node);
  if (text === undefined || !isScalar(node)) return {};
  const at = lineOf(lines, node) || keyLine;
  const block = node.type === yamlLib().Scalar.BLOCK_LITERAL || node.type === yamlLib().Scalar.BLOCK_FOLDED;
  return { run: { text, firstLine: block ? at + 1 : at, exactLines: node.type === yamlLib().Scalar.BLOCK_LITERAL || !text.includes('\n') } };
}

function events(on: { value: unknown; line: number } | undefined, lines: Parameters<typeof lineOf>[0]): Map<string, number> {
  const out = new Map<string, number>();
  if (!on) return out;
  const node = on.value;
  const single = scalarText(node);
  if (single) out.set(single.trim(), lineOf(lines, node) || on.line);
  else if (isSeq(node)) {
    for (const item of node.items) {
      const name = scalarText(item);
      if (name) out.set(name.trim(), lineOf(lines, item) || on.line);
    }
  } else {
    for (const { key, line } of mapEntries(node, lines)) out.set(key, line);
  }
  return out;
}

function readPermissions(entry: { value: unknown; line: number } | undefined, lines: Parameters<typeof lineOf>[0]): Permissions {
  if (!entry) return { kind: 'default' };
  const text = scalarText(entry.value);
  if (text !== undefined) {
    const value = text.trim().toLowerCase();
    if (value === 'write-all') return { kind: 'all', level: 'write' };
    if (value === 'read-all') return { kind: 'all', level: 'read' };
    return { kind: 'default' }; // empty or an expression: GitHub decides
  }
  const scopes = new Map<string, { level: Level; line: number }>();
  for (const { key, value, line } of mapEntries(entry.value, lines)) {
    const level = (scalarText(value) ?? '').trim().toLowerCase();
    scopes.set(key, { level: level === 'write' ? 'write' : level === 'read' ? 'read' : 'none', line });
  }
  return { kind: 'scopes', scopes };
}

function readEnv(node: unknown, lines: Parameters<typeof lineOf>[0]): Map<string, string> {
  const env = new Map<string, string>();
  for (const { key, value } of mapEntries(node, lines)) {
    const text = scalarText(value);
    if (text !== undefined) env.set(key, text);
  }
  return env;
}

/** A scope's level under a permissions block; undefined under the repository default. */
export function levelOf(p: Permissions, scope: string): Level | undefined {
  if (p.kind === 'default') return undefined;
  if (p.kind === 'all') return p.level;
  return p.scopes.get(scope)?.level ?? 'none';
}

export function describePermissions(p: Permissions): string {
  if (p.kind === 'default') return 'repository default';
  if (p.kind === 'all') return p.level === 'none' ? '{}' : `${p.level}-all`;
  if (p.scopes.size === 0) return '{}';
  return [...p.scopes].map(([scope, { level }]) => `${scope}: ${level}`).join(', ');
}

/** `${{ secrets.NAME }}` and `secrets['NAME']` inside an expression: "secrets.NAME" each. */
const SECRET_REF = /\bsecrets(?:\.([A-Za-z_][\w-]{0,99})|\[\s{0,4}['"]([^'"\]\n]{1,100})['"]\s{0,4}\])/g;

export function secretsIn(text: string): string[] {
  const out: string[] = [];
  SECRET_REF.lastIndex = 0;
  for (let m = SECRET_REF.exec(text); m; m = SECRET_REF.exec(text)) out.push(`secrets.${m[1] ?? m[2]}`);
  return out;
}
