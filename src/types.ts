// The plain data that flows between sources, engine, findings and reports.
// Rules import only types from here: they never do I/O.

import type { WideRuns } from './wide-text.js';

export type Stage = 'commit' | 'push' | 'release' | 'scan';
export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A message code from src/messages.ts and the values its text is made from. */
export interface MessageRef {
  messageId: string;
  data?: Record<string, string | number>;
}

interface RuleBase {
  /** kebab-case, unique; the rule's file in rules/ is named after it. */
  id: string;
  description: string;
  severity: Severity;
  stages: readonly Stage[];
  /** micromatch globs (matched with `dot: true` against repo-relative paths); absent = every file. */
  files?: readonly string[];
  /** micromatch globs of files the rule never applies to. */
  excludeFiles?: readonly string[];
  /** Where the format or the risk is documented. */
  source: string;
  /** Set by the engine when the config chose this rule's severity. */
  configured?: boolean;
}

/** Runs over lines of text: added lines on commit and push, all lines on scan and release. */
export interface ContentRule extends RuleBase {
  kind: 'content';
  /** Lower-case literals; the rule's pattern only runs on lines that contain one of them. */
  keywords: readonly string[];
  /**
   * Must carry the `g` flag. The secret is the named group `secret`, or the whole match.
   * Must be linear-time on any input: bounded quantifiers, no nested repetition.
   */
  pattern: RegExp;
  /** The match may span lines (a PEM block); it must then start on a keyword line. */
  multiline?: boolean;
  /**
   * Every match starts where one of the keywords does: the pattern (then sticky, `gy`) is tried
   * at each keyword instead of searched along the keyword's line. Not with `multiline`. It reads
   * nothing beyond the keyword's line and the line end on either side (test/unit/wide-text.test.ts
   * holds each such rule to it), so it may be tried on those alone.
   */
  anchored?: boolean;
  /**
   * What every line holding a match also holds, found faster than the pattern finds a match (a
   * literal irregexp can search for, where the pattern opens with look-arounds; or a check that
   * reads only some characters, where the pattern has no literal at all): a keyword line
   * without it is not searched. A regex has no `g` or `y` flag. Not with `anchored` (tried at
   * the keywords).
   */
  lineHas?: RegExp | ((line: string) => boolean);
  /** Checksum, placeholder and shape checks; false drops the candidate. */
  validate?: (secret: string) => boolean;
  /**
   * A catch-all detector (the generic assignment rule): its finding gives way to a specific
   * rule's finding on the same line, so one secret is reported once, by its real name.
   */
  fallback?: boolean;
  /** Human name of what leaked, for the report: "GitHub personal access token". */
  secretName: string;
  /** Where a leaked one is revoked or rotated. */
  revoke: string;
}

/** What a file rule sees: the path and what kind of entry git records. */
export interface FileInfo {
  path: string;
  kind: 'file' | 'symlink' | 'submodule';
  /** Added (new in this change) or changed. */
  status: ChangeStatus;
}

/** Runs over paths (committed .env files, private key files...). */
export interface FileRule extends RuleBase {
  kind: 'file';
  check: (file: FileInfo) => MessageRef | null;
}

/** A changed file as a change rule sees it: both versions, null where the file is absent. */
export interface FileChange {
  path: string;
  status: ChangeStatus;
  before: string | null;
  after: string | null;
  /** Every path of the tree after the change; present only for rules with needsRepoFiles. */
  repoFiles?: ReadonlySet<string>;
}

/** What a change rule reports: a message code, its data (old -> new values), and where. */
export interface ChangeReport extends MessageRef {
  /** 1-based line in the new version; 0 for the file as a whole. */
  line?: number;
  /** Stable identity of what changed (e.g. "sourceMap=true"), for the fingerprint. */
  key: string;
  /**
   * This report's default severity when it differs from the rule's (a parse failure is only a
   * warning); a severity set for the rule in the config wins over it.
   */
  severity?: Severity;
}

/** Gets {path, before, after} of a changed file; config-drift rules are this kind. */
export interface ChangeRule extends RuleBase {
  kind: 'change';
  /** The check needs to know which other files exist (a Dockerfile and its .dockerignore). */
  needsRepoFiles?: boolean;
  check: (change: FileChange) => ChangeReport[];
}

/** One file of a packed package, as `npm pack` put it in the tarball (without the `package/` prefix). */
export interface PackedFile {
  path: string;
  size: number;
  /** The file's bytes, read from the tarball on demand. */
  bytes: () => Buffer;
  /** UTF-8 text, or null for a binary file (a NUL in the first 8000 bytes). */
  text: () => string | null;
}

/** What a release ships: the tarball's files and its package.json. */
export interface PackedPackage {
  name: string;
  version: string;
  /** package.json as packed. */
  manifest: Record<string, unknown>;
  files: PackedFile[];
  /** Size of the .tgz in bytes. */
  packedSize: number;
  /** Sum of the files' sizes. */
  unpackedSize: number;
  /** Which pack this is, for the report: "tagged commit v1.2.0", "working tree", "tarball x.tgz". */
  origin: string;
}

/** A file of an approved or previous release, as recorded in .shipgate/release.json. */
export interface ReleaseFileRecord {
  path: string;
  size: number;
  sha256: string;
}

/** What a release is compared with: the approved manifest, or the previous release's pack. */
export interface ReleaseBaseline {
  /** "approved release 1.2.0 (.shipgate/release.json)" or "previous release tag v1.1.0". */
  label: string;
  version: string;
  files: ReleaseFileRecord[];
  unpackedSize: number;
  /** package.json of that release, when known. */
  manifest?: Record<string, unknown>;
  /** Source maps a person approved (`shipgate release approve`): expected, so they only warn. */
  approvedMaps?: string[];
}

export interface PackageContext {
  pkg: PackedPackage;
  /** The release tag being pushed or checked, when there is one. */
  tag?: string;
  baseline?: ReleaseBaseline;
  /** Release settings from the config (growth factor, per-file budget). */
  limits: { maxGrowth: number; maxFileBytes?: number };
  /** Runs the release-stage content rules (secrets) over a text: findings with `file` set to `path`. */
  scanText: (path: string, text: string) => Finding[];
}

/** What a package rule reports. */
export interface PackageReport extends MessageRef {
  /** The packed file it is about, when it is about one. */
  file?: string;
  line?: number;
  /** Stable identity for the fingerprint (e.g. "map:dist/cli.js.map"). */
  key: string;
  severity?: Severity;
  /** Redacted match text, for secrets. */
  match?: string;
}

/** Gets the packed package, the approved or previous release, and reports what is wrong with it. */
export interface PackageRule extends RuleBase {
  kind: 'package';
  check: (context: PackageContext) => PackageReport[];
}

export type Rule = ContentRule | FileRule | ChangeRule | PackageRule;

/** A run of consecutive lines of one file, joined with '\n' (no trailing newline). */
export interface Chunk {
  /** 1-based line number of the first line in the new file. */
  startLine: number;
  text: string;
  /**
   * Where `text` stands U+00FF in for characters beyond Latin-1, and what they are: a whole
   * file decoded for a large scan (src/wide-text.ts). What a rule reads is sliced exactly.
   */
  wide?: WideRuns;
  /** What the WebAssembly passes found in `text`, run over the whole file it is part of (src/scan/file-chunks.ts). */
  found?: FoundInChunk;
}

/** A chunk's keywords, base64 runs and lines, found before it was cut from its file. */
export interface FoundInChunk {
  /**
   * Offset and keyword id pairs, as TextScan.keywordHits finds them in the chunk's file (src/prefilter.ts
   * candidatesFromHits): an offset is `shift` more than in the chunk.
   */
  hits: Int32Array;
  shift: number;
  /** Offset and length pairs of the base64 runs decodeBase64Text may accept (TextScan.textRuns). */
  runs: number[];
  lines: number;
}

export type ChangeStatus = 'A' | 'M' | 'R' | 'C' | 'T' | 'D';

/** One file as a source presents it to the engine. */
export interface ScanFile {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  kind: 'file' | 'symlink' | 'submodule';
  /** Binary content is not line-scanned; file rules still see the path. */
  binary: boolean;
  chunks: Chunk[];
  /** Blob ids of the old and new versions, when git gave them (all zeros: absent). */
  oldBlob?: string;
  blob?: string;
}

export interface ScanInput {
  stage: Stage;
  /** What the source is, for the report: "staged changes". */
  label: string;
  files: ScanFile[];
  /** Before/after of changed files that change rules apply to. */
  changes?: FileChange[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  messageId: string;
  data: Record<string, string | number>;
  /** Redacted: never the full secret. */
  match: string;
  /** sha256 of rule id and secret (or of rule id and path for file rules): stable across line moves. */
  fingerprint: string;
}

export interface SkippedRule {
  ruleId: string;
  reason: 'SHIPGATE_SKIP' | 'config';
}

export interface ScanStats {
  files: number;
  lines: number;
  bytes: number;
  binaryFiles: number;
  ignoredFiles: number;
  rules: number;
  suppressed: number;
  durationMs: number;
}

export interface ScanResult {
  label: string;
  findings: Finding[];
  skipped: SkippedRule[];
  stats: ScanStats;
  /** Summaries of the release packs screened (release gate only): text lines and data. */
  releases?: { lines: string[]; data: object }[];
}
