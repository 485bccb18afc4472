// Picks the rules for a stage and a file, runs the keyword prefilter, then each candidate rule's
// pattern on the lines it was hit on, and turns matches into findings.

import { compileGlobs, type PathMatcher } from './globs.js';
import { findDecodedSegments } from './decode.js';
import { textScanHolding } from './wasm/text-scan.js';
import { ExactReader, type TextSlicer } from './wide-text.js';
import { buildKeywordIndex, candidatesFromHits, FAST_PASS_INPUT_CHARS, findCandidates, type Candidates, type KeywordIndex } from './prefilter.js';
import { fingerprintOf, isAllowedInline, redact } from './findings.js';
import type {
  ChangeRule, Chunk, ContentRule, FileRule, Finding, PackageContext, PackageRule, Rule, ScanFile, ScanInput, ScanResult, Severity,
  SeveritySetting, SkippedRule, Stage,
} from './types.js';
import { nowMs } from './clock.js';

/** How far past its first line a multi-line match (a PEM block) may reach. */
export const MULTILINE_WINDOW = 64 * 1024;

export interface RuleSelection {
  rules: Rule[];
  skipped: SkippedRule[];
}

/** The rules that run in a stage, with config severities applied and skips accounted for. */
export function selectRules(
  all: Iterable<Rule>,
  stage: Stage,
  severities: Readonly<Record<string, SeveritySetting>>,
  skipIds: ReadonlySet<string>,
): RuleSelection {
  const rules: Rule[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of all) {
    if (!rule.stages.includes(stage)) continue;
    if (skipIds.has(rule.id)) {
      skipped.push({ ruleId: rule.id, reason: 'SHIPGATE_SKIP' });
      continue;
    }
    const setting = severities[rule.id];
    if (setting === 'off') continue;
    rules.push(setting ? withSeverity(rule, setting) : rule);
  }
  return { rules, skipped };
}

/**
 * The rule at the config's severity. Its properties are copied as they are defined, so a getter
 * stays one: the generic rule builds its pattern on first use, which a spread would do on every
 * commit of a repository whose config sets that rule's severity.
 */
function withSeverity(rule: Rule, severity: Exclude<SeveritySetting, 'off'>): Rule {
  return Object.defineProperties({}, {
    ...Object.getOwnPropertyDescriptors(rule),
    severity: { value: severity, enumerable: true, writable: true, configurable: true },
    configured: { value: true, enumerable: true, writable: true, configurable: true },
  }) as Rule;
}

interface CompiledRule<R extends Rule> {
  rule: R;
  applies: (path: string) => boolean;
}

/** A rule set made ready to run: glob matchers compiled on first use, keyword index built on first use. */
export interface Engine {
  content: CompiledRule<ContentRule>[];
  /** Ids of the content rules that are catch-alls (`fallback`). */
  fallbackIds: ReadonlySet<string>;
  files: CompiledRule<FileRule>[];
  changes: CompiledRule<ChangeRule>[];
  packages: PackageRule[];
  /** Built on first use: a warm scan answered by a kept result never runs a content rule. */
  readonly keywords: KeywordIndex;
}

export function createEngine(rules: readonly Rule[]): Engine {
  const content: CompiledRule<ContentRule>[] = [];
  const files: CompiledRule<FileRule>[] = [];
  const changes: CompiledRule<ChangeRule>[] = [];
  const packages: PackageRule[] = [];
  for (const rule of rules) {
    if (rule.kind === 'package') {
      packages.push(rule);
      continue;
    }
    const applies = compileApplies(rule);
    if (rule.kind === 'content') content.push({ rule, applies });
    else if (rule.kind === 'file') files.push({ rule, applies });
    else changes.push({ rule, applies });
  }
  const fallbackIds = new Set(content.filter((c) => c.rule.fallback).map((c) => c.rule.id));
  let keywords: KeywordIndex | undefined;
  return {
    content, fallbackIds, files, changes, packages,
    get keywords() {
      return (keywords ??= buildKeywordIndex(content.map((c) => c.rule)));
    },
  };
}

/** How many rules the engine runs, of every kind (the report's stats). */
export function ruleCount(engine: Engine): number {
  return engine.content.length + engine.files.length + engine.changes.length + engine.packages.length;
}

/** Whether any change rule wants the before/after of this path: only those blobs are read. */
export function wantsChange(engine: Engine, path: string): boolean {
  return engine.changes.some((c) => c.applies(path));
}

function compileApplies(rule: Rule): (path: string) => boolean {
  let include: PathMatcher | undefined;
  let exclude: PathMatcher | undefined;
  return (path) => {
    if (rule.files) {
      include ??= compileGlobs(rule.files);
      if (!include(path)) return false;
    }
    if (rule.excludeFiles) {
      exclude ??= compileGlobs(rule.excludeFiles);
      if (exclude(path)) return false;
    }
    return true;
  };
}

export interface ScanOptions {
  isIgnored?: PathMatcher;
  skipped?: SkippedRule[];
}

export function runEngine(engine: Engine, input: ScanInput, options: ScanOptions = {}): ScanResult {
  const started = nowMs();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const stats = {
    files: 0, lines: 0, bytes: 0, binaryFiles: 0, ignoredFiles: 0,
    rules: ruleCount(engine),
    suppressed: 0, durationMs: 0,
  };
  const add = (finding: Finding): void => {
    const key = `${finding.ruleId}\0${finding.file}\0${finding.line}\0${finding.fingerprint}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };

  let chars = 0;
  for (const file of input.files) for (const chunk of file.chunks) chars += chunk.text.length;
  // (The keyword index is built on first use: a run with no text never builds it.)
  if (chars >= FAST_PASS_INPUT_CHARS) engine.keywords.fastAfter = 0;
  for (const file of input.files) {
    if (options.isIgnored?.(file.path)) {
      stats.ignoredFiles++;
      continue;
    }
    if (file.status === 'D') continue; // change rules see deletions; nothing else is there to scan
    stats.files++;
    for (const { rule, applies } of engine.files) {
      if (!applies(file.path)) continue;
      const ref = rule.check({ path: file.path, kind: file.kind, status: file.status });
      if (ref) {
        add({
          ruleId: rule.id, severity: rule.severity, file: file.path, line: 0, column: 0,
          messageId: ref.messageId, data: ref.data ?? {}, match: file.path,
          fingerprint: fingerprintOf(rule.id, file.path),
        });
      }
    }
    if (file.binary) {
      stats.binaryFiles++;
      continue;
    }
    for (const chunk of file.chunks) {
      stats.lines += scanChunk(engine, file, chunk, add, () => stats.suppressed++);
      stats.bytes += chunk.text.length;
    }
  }
  for (const change of input.changes ?? []) {
    if (options.isIgnored?.(change.path)) continue;
    for (const { rule, applies } of engine.changes) {
      if (!applies(change.path)) continue;
      for (const report of rule.check(change)) {
        add({
          ruleId: rule.id, severity: rule.configured ? rule.severity : (report.severity ?? rule.severity),
          file: change.path, line: report.line ?? 0, column: report.line ? 1 : 0,
          messageId: report.messageId, data: report.data ?? {}, match: report.key,
          fingerprint: fingerprintOf(rule.id, `${change.path}\0${report.key}`),
        });
      }
    }
  }
  const kept = dropFallbackDuplicates(engine, findings);
  kept.sort(compareFindings);
  stats.durationMs = nowMs() - started;
  return { label: input.label, findings: kept, skipped: options.skipped ?? [], stats };
}

/** A catch-all rule's finding on a line a specific rule already reported is the same secret. */
function dropFallbackDuplicates(engine: Engine, findings: Finding[]): Finding[] {
  const fallback = engine.fallbackIds;
  if (fallback.size === 0 || findings.length === 0) return findings;
  const specific = new Set(
    findings.filter((f) => f.messageId === 'secret' && !fallback.has(f.ruleId)).map((f) => `${f.file}\0${f.line}`),
  );
  return findings.filter((f) => !fallback.has(f.ruleId) || !specific.has(`${f.file}\0${f.line}`));
}

/** Runs the content rules over a chunk; returns its number of lines. */
function scanChunk(
  engine: Engine, file: ScanFile, chunk: Chunk, add: (f: Finding) => void, suppressed: () => void,
): number {
  const text = chunk.text;
  const exact = chunk.wide ? new ExactReader(text, chunk.wide) : undefined;
  // What the rules read, as it is: the text itself, unless it stands in for some characters.
  const read: TextSlicer = exact ?? text;
  const lines = new LineIndex(text, read);
  const finding = (rule: ContentRule, secret: string, at: number, data: Record<string, string>): Finding => {
    const position = lines.positionOf(at);
    return {
      ruleId: rule.id, severity: rule.severity, file: file.path,
      line: chunk.startLine + position.line, column: position.column + 1,
      messageId: 'secret', data: { name: rule.secretName, revoke: rule.revoke, ...data },
      match: redact(secret), fingerprint: fingerprintOf(rule.id, secret),
    };
  };
  const seenOnLine = new Set<string>();
  const found = chunk.found;
  const candidates = found ? candidatesFromHits(text, engine.keywords, found.hits, found.shift) : findCandidates(text, engine.keywords);
  // Counted in WebAssembly memory: with the chunk's file, or while the prefilter's copy of a large text is there.
  const lineCount = found ? found.lines : countLines(text);
  runCandidates(engine, file.path, text, exact, candidates, (rule, secret, at, end) => {
    const f = finding(rule, secret, at, {});
    seenOnLine.add(`${rule.id}\0${f.line}`);
    if (lines.allows(at, rule.id) || lines.allows(end, rule.id)) suppressed();
    else add(f);
  });
  // Secrets inside base64 blobs and JSON-escaped strings: found in the decoded text, reported
  // at the encoded segment, allowed by a comment on its line. A rule that already matched the
  // line as written (an escaped PEM block) is not reported twice.
  for (const segment of findDecodedSegments(text, keywordLines(candidates), read, found?.runs)) {
    // The text before the blob on its line comes along, so a rule that needs the key name
    // (`AWS_SECRET_ACCESS_KEY: <base64>`) sees it next to the decoded value.
    const prefix = segment.encoding === 'base64' ? read.slice(lines.startOf(segment.offset), segment.offset) : '';
    matchText(engine, file.path, prefix + segment.decoded, (rule, secret) => {
      const f = finding(rule, secret, segment.offset, { encoding: segment.encoding });
      if (seenOnLine.has(`${rule.id}\0${f.line}`)) return;
      if (lines.allows(segment.offset, rule.id)) suppressed();
      else add(f);
    });
  }
  return lineCount;
}

type OnMatch = (rule: ContentRule, secret: string, at: number, end: number) => void;

/** Finds the candidate rules of `text` and runs them (see runCandidates). */
function matchText(engine: Engine, path: string, text: string, onMatch: OnMatch): void {
  runCandidates(engine, path, text, undefined, findCandidates(text, engine.keywords), onMatch);
}

/**
 * Runs the candidate rules where their keywords are in `text`; reports each valid match. An
 * anchored rule is tried at each of its keywords, not at every position of the keyword's line:
 * the generic rule's keywords (token, pass, auth, secret) are on 1 line in 12 of
 * bench/sourcegen.ts's corpus, and its pattern is the most expensive one to try (270 ms there
 * for 52 MB searching those lines, 12 ms tried at the keywords, with the same matches:
 * test/unit/prefilter.test.ts).
 */
function runCandidates(
  engine: Engine, path: string, text: string, exact: ExactReader | undefined, candidates: Candidates, onMatch: OnMatch,
): void {
  for (const [ruleIndex, hits] of candidates) {
    const { rule, applies } = engine.content[ruleIndex]!;
    if (!applies(path)) continue;
    if (rule.anchored) matchAtKeywords(rule, text, exact, hits.at, onMatch);
    else matchLines(rule, text, exact, hits.lines, onMatch);
  }
}

/**
 * The sticky pattern tried at each keyword, on the whole text (an anchored match cannot cross a
 * line end), skipping keywords inside the previous match: what a search of each line finds.
 * Where the text stands in for characters beyond Latin-1 on the keyword's line or its line ends,
 * it is tried on those as they are: all an anchored pattern reads (ContentRule.anchored).
 */
function matchAtKeywords(rule: ContentRule, text: string, exact: ExactReader | undefined, keywordsAt: readonly number[], onMatch: OnMatch): void {
  const pattern = rule.pattern;
  let from = 0;
  for (const at of keywordsAt) {
    if (at < from) continue;
    const line = exact?.lineAround(at);
    const offset = line ? line.start : 0;
    pattern.lastIndex = at - offset;
    const m = pattern.exec(line ? line.text : text);
    if (!m) continue;
    from = offset + m.index + Math.max(1, m[0].length);
    report(rule, m, offset, onMatch);
  }
}

/** The pattern searched along each candidate line. */
function matchLines(rule: ContentRule, text: string, exact: ExactReader | undefined, lineStarts: readonly number[], onMatch: OnMatch): void {
  const pattern = rule.pattern;
  const lineHas = rule.lineHas;
  for (const lineStart of lineStarts) {
    const lineEnd = endOfLine(text, lineStart);
    // A multi-line rule sees its whole line however long, and up to 64 KB past its start.
    const windowEnd = rule.multiline ? Math.min(text.length, Math.max(lineEnd, lineStart + MULTILINE_WINDOW)) : lineEnd;
    const window = (exact ?? text).slice(lineStart, windowEnd);
    if (lineHas && !(typeof lineHas === 'function' ? lineHas(window) : lineHas.test(window))) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      if (m[0].length === 0) pattern.lastIndex++;
      // A multi-line match belongs to the line it starts on; later lines have their own turn.
      if (lineStart + m.index > lineEnd) break;
      report(rule, m, lineStart, onMatch);
    }
  }
}

/** A match at `offset + m.index` of the text, reported if its secret is valid. */
function report(rule: ContentRule, m: RegExpExecArray, offset: number, onMatch: OnMatch): void {
  const secret = m.groups?.['secret'] ?? m[0];
  if (!secret || (rule.validate && !rule.validate(secret))) return;
  const start = offset + m.index;
  onMatch(rule, secret, start + Math.max(0, m[0].indexOf(secret)), start + Math.max(0, m[0].length - 1));
}

/** Whether a line (by its start) holds a keyword of any rule; the set is made on first use. */
function keywordLines(candidates: Candidates): (lineStart: number) => boolean {
  let starts: Set<number> | undefined;
  return (lineStart) => {
    if (!starts) {
      starts = new Set();
      for (const hits of candidates.values()) for (const start of hits.lines) starts.add(start);
    }
    return starts.has(lineStart);
  };
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/**
 * Line positions of a chunk, built on the first finding (most chunks have none), so a line
 * holding thousands of matches is not re-read for each: positions by binary search, allow
 * comments looked up once per line and rule.
 */
class LineIndex {
  private starts: number[] | undefined;
  private allowed = new Map<string, boolean>();

  constructor(private readonly text: string, private readonly read: TextSlicer) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  private lineOf(at: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the start of the line holding `at`. */
  startOf(at: number): number {
    return this.lineStarts()[this.lineOf(at)]!;
  }

  /** 0-based line and column of an offset. */
  positionOf(at: number): { line: number; column: number } {
    const line = this.lineOf(at);
    return { line, column: at - this.lineStarts()[line]! };
  }

  /** Whether the line holding `at` has an allow comment covering the rule. */
  allows(at: number, ruleId: string): boolean {
    const line = this.lineOf(at);
    const key = `${line}\0${ruleId}`;
    let result = this.allowed.get(key);
    if (result === undefined) {
      const start = this.lineStarts()[line]!;
      result = isAllowedInline(this.read.slice(start, endOfLine(this.text, start)), ruleId);
      this.allowed.set(key, result);
    }
    return result;
  }
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  const scan = textScanHolding(text);
  if (scan) return scan.newlines() + 1;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export function isBlocking(findings: readonly Finding[], failOn: Severity = 'error'): boolean {
  return findings.some((f) => f.severity === 'error' || (failOn === 'warn' && f.severity === 'warn'));
}

/** Runs the package rules on a packed release; findings name the packed file they are about. */
export function runPackageRules(engine: Engine, context: PackageContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of engine.packages) {
    for (const report of rule.check(context)) {
      findings.push({
        ruleId: rule.id,
        severity: rule.configured ? rule.severity : (report.severity ?? rule.severity),
        file: report.file ?? 'package.json',
        line: report.line ?? 0,
        column: report.line ? 1 : 0,
        messageId: report.messageId,
        data: report.data ?? {},
        match: report.match ?? report.key,
        fingerprint: fingerprintOf(rule.id, report.key),
      });
    }
  }
  return findings.sort(compareFindings);
}
