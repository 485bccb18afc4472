// YAML read with line numbers for change rules (workflows, .yarnrc.yml, Spring configs).
// Failures are values, never exceptions: a change rule reports a file it cannot parse as a
// warning. Alias expansion is capped by the yaml package (maxAliasCount), so a "billion laughs"
// file fails instead of hanging the hook.
// https://eemeli.org/yaml/#parsing-yaml

import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

// Loaded on the first workflow or YAML config a change touches: most commits have none, and
// the parser is the biggest module a rule uses (the hook path loads what it needs).
let lib: typeof YamlLib | undefined;
export function yamlLib(): typeof YamlLib {
  lib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib;
  return lib;
}
const isMap = (n: unknown): n is YamlLib.YAMLMap => yamlLib().isMap(n);
const isPair = (n: unknown): n is YamlLib.Pair => yamlLib().isPair(n);
const isScalar = (n: unknown): n is YamlLib.Scalar => yamlLib().isScalar(n);
const isSeq = (n: unknown): n is YamlLib.YAMLSeq => yamlLib().isSeq(n);
export { isMap, isPair, isScalar, isSeq };

export type YamlResult =
  | { ok: true; docs: Document.Parsed[]; lines: LineCounter }
  | { ok: false; error: string };

/** Config files are small; a bigger one is refused rather than parsed on the hook path. */
const MAX_BYTES = 1_000_000;
/** Deeper flow nesting ("[[[[...") makes the parser run out of memory; no real config nests this deep. */
const MAX_FLOW_DEPTH = 64;

/** Nesting depth of [ and { (quotes ignored: a rough count is enough to refuse hostile input). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    else if (c === 0x0a && max > MAX_FLOW_DEPTH) break;
  }
  return max;
}

/** All documents of a YAML stream (a file separated by `---` has several). */
export function parseYaml(text: string): YamlResult {
  if (text.length > MAX_BYTES) return { ok: false, error: `larger than ${MAX_BYTES / 1_000_000} MB` };
  if (flowDepth(text) > MAX_FLOW_DEPTH) return { ok: false, error: `nested more than ${MAX_FLOW_DEPTH} levels deep` };
  const lines = new (yamlLib().LineCounter)();
  try {
    const parsed = yamlLib().parseAllDocuments(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
    const docs = Array.isArray(parsed) ? parsed : [];
    for (const doc of docs) {
      const error = doc.errors[0];
      if (error) return { ok: false, error: firstLine(error.message) };
    }
    return { ok: true, docs, lines };
  } catch (error) {
    return { ok: false, error: firstLine((error as Error).message) };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 120);
}

/** 1-based line where a node starts, or 0. */
export function lineOf(lines: LineCounter, node: unknown): number {
  const range = (node as Node | null | undefined)?.range;
  return range ? lines.linePos(range[0]).line : 0;
}

/** The value node of `key` in a map node, with the line of its key. */
export function mapGet(node: unknown, key: string, lines: LineCounter): { value: unknown; line: number } | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (String(k) === key) return { value: pair.value, line: lineOf(lines, pair.key) || lineOf(lines, pair.value) };
  }
  return undefined;
}

/** The keys of a map node, in order, with their value nodes and lines. */
export function mapEntries(node: unknown, lines: LineCounter): { key: string; value: unknown; line: number }[] {
  if (!isMap(node)) return [];
  const out: { key: string; value: unknown; line: number }[] = [];
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (k === null || typeof k === 'object') continue;
    out.push({ key: String(k), value: pair.value, line: lineOf(lines, pair.key) || lineOf(lines, pair.value) });
  }
  return out;
}

/** A scalar node's value as text ('' for null), or undefined for a collection or a missing node. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? undefined : String(v);
}

export interface YamlLeaf {
  /** Dotted path of map keys and sequence indexes: "logging.level.root". */
  path: string;
  /** The scalar as written in the document (true, "DEBUG", 1). */
  value: string;
  line: number;
}

/** Every scalar leaf of a document with its dotted path; later documents follow earlier ones. */
export function yamlLeaves(docs: readonly Document.Parsed[], lines: LineCounter, limit = 100_000): YamlLeaf[] {
  const out: YamlLeaf[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (out.length >= limit || depth > 64) return;
    if (isMap(node)) {
      for (const { key, value } of mapEntries(node, lines)) walk(value, path ? `${path}.${key}` : key, depth + 1);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (isScalar(node)) {
      const text = scalarText(node);
      if (text !== undefined) out.push({ path, value: text, line: lineOf(lines, node) });
    }
  };
  for (const doc of docs) walk(doc.contents, '', 0);
  return out;
}
