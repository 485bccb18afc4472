// shipgate.config.json at the repository root, or the "shipgate" key of package.json.
// Validated in full: every problem is reported with its path, so one run shows all of them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripJsonc } from './parse/jsonc.js';
import type { SeveritySetting } from './types.js';

export interface ReleaseConfig {
  /** Tags that trigger the release gate on push (a glob on the tag name). */
  tagPattern: string;
  /** The npm script run before packing; false for none; default "build" when the package has one. */
  build?: string | false;
  /** Block when the unpacked size grows by this factor or more against the approved release. */
  maxGrowth: number;
  /** Block when one file grows past this many bytes. */
  maxFileBytes?: number;
  /** How long the build may run, in seconds. */
  buildTimeout: number;
}

/** `shipgate scan` settings. */
export interface ScanConfig {
  /** Files larger than this are not read by `shipgate scan` (reported on stderr). Default 10 MB. */
  maxFileBytes: number;
}

export interface Config {
  /** Per-rule severity overrides. */
  rules: Record<string, SeveritySetting>;
  /** Repo-relative globs of files no rule looks at. */
  ignore: string[];
  release: ReleaseConfig;
  scan: ScanConfig;
  /** Where it came from, for messages; undefined when defaults are used. */
  file?: string;
}

export const CONFIG_FILE = 'shipgate.config.json';

/** Files larger than this are not read by `shipgate scan` unless the config says otherwise. */
export const DEFAULT_SCAN_MAX_FILE_BYTES = 10 * 1024 * 1024;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): Config {
  return { rules: {}, ignore: [], release: { tagPattern: 'v*', maxGrowth: 2, buildTimeout: 600 }, scan: { maxFileBytes: DEFAULT_SCAN_MAX_FILE_BYTES } };
}

const SEVERITIES: readonly string[] = ['error', 'warn', 'off'];
const KEYS = ['$schema', 'rules', 'ignore', 'release', 'scan'];
const SCAN_KEYS = ['maxFileBytes'];
const RELEASE_KEYS = ['tagPattern', 'build', 'maxGrowth', 'maxFileBytes', 'buildTimeout'];

export interface LoadedConfig {
  config: Config;
  warnings: string[];
}

/**
 * Reads the config from `dir` (the repository root). `knownRuleIds` turns unknown rule ids into
 * warnings: a typo must be visible, but a config written for a newer shipgate must not break.
 */
export function loadConfig(dir: string, knownRuleIds: ReadonlySet<string>, read?: RepoFileReader): LoadedConfig {
  const own = readJson(join(dir, CONFIG_FILE), CONFIG_FILE, read);
  if (own !== undefined) return validateConfig(own.value, CONFIG_FILE, knownRuleIds);
  const pkg = readJson(join(dir, 'package.json'), 'package.json', read);
  if (pkg !== undefined && isObject(pkg.value) && 'shipgate' in pkg.value) {
    return validateConfig(pkg.value['shipgate'], 'package.json#shipgate', knownRuleIds);
  }
  return { config: defaultConfig(), warnings: [] };
}

/**
 * Reads a repo-relative file from somewhere other than the working tree (a commit's tree, for
 * `shipgate scan --ref`); undefined when the file does not exist there.
 */
export type RepoFileReader = (path: string) => string | undefined;

function readJson(file: string, label: string, read?: RepoFileReader): { value: unknown } | undefined {
  let text: string;
  try {
    if (read) {
      const found = read(label);
      if (found === undefined) return undefined;
      text = found;
    } else {
      text = readFileSync(file, 'utf8');
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(label, [`cannot be read: ${(error as Error).message}`]);
  }
  try {
    // shipgate.config.json may carry comments (`shipgate init` writes some), like tsconfig.json.
    return { value: JSON.parse(stripJsonc(text.replace(/^\uFEFF/, ''))) };
  } catch (error) {
    throw new ConfigError(label, [`is not valid JSON: ${describeJsonError(error as Error, text)}`]);
  }
}

/** "Unexpected token } in JSON at position 42" -> "... (line 3, column 5)". */
export function describeJsonError(error: Error, text: string): string {
  // Node 20 quotes the whole text after "Unexpected token"; keep the message to one short line.
  const message = error.message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/, "[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

export function validateConfig(value: unknown, file: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const config = defaultConfig();
  config.file = file;
  if (!isObject(value)) throw new ConfigError(file, ['must be a JSON object']);
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) problems.push(`"${key}" is not a config key (known: ${KEYS.slice(1).join(', ')})`);
  }
  const rules = value['rules'];
  if (rules !== undefined) {
    if (!isObject(rules)) problems.push('"rules" must be an object of rule id -> "error" | "warn" | "off"');
    else {
      for (const [id, setting] of Object.entries(rules)) {
        if (typeof setting !== 'string' || !SEVERITIES.includes(setting)) {
          problems.push(`"rules.${id}" must be "error", "warn" or "off", not ${JSON.stringify(setting)}`);
          continue;
        }
        if (!knownRuleIds.has(id)) warnings.push(`${file}: "rules.${id}": no rule has this id (see \`shipgate rules\`)`);
        config.rules[id] = setting as SeveritySetting;
      }
    }
  }
  const ignore = value['ignore'];
  if (ignore !== undefined) {
    if (!Array.isArray(ignore)) problems.push('"ignore" must be an array of globs');
    else {
      ignore.forEach((glob, i) => {
        if (typeof glob !== 'string' || glob.trim() === '') problems.push(`"ignore[${i}]" must be a non-empty glob string`);
        else config.ignore.push(glob);
      });
    }
  }
  validateRelease(value['release'], config.release, problems);
  validateScan(value['scan'], config.scan, problems);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { config, warnings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateRelease(value: unknown, release: ReleaseConfig, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) return void problems.push('"release" must be an object');
  for (const key of Object.keys(value)) {
    if (!RELEASE_KEYS.includes(key)) problems.push(`"release.${key}" is not a release setting (known: ${RELEASE_KEYS.join(', ')})`);
  }
  const { tagPattern, build, maxGrowth, maxFileBytes, buildTimeout } = value;
  if (tagPattern !== undefined) {
    if (typeof tagPattern !== 'string' || tagPattern === '') problems.push('"release.tagPattern" must be a non-empty glob such as "v*"');
    else release.tagPattern = tagPattern;
  }
  if (build !== undefined) {
    if (build !== false && (typeof build !== 'string' || build === '')) problems.push('"release.build" must be an npm script name or false');
    else release.build = build as string | false;
  }
  release.maxGrowth = numberSetting('release.maxGrowth', maxGrowth, problems) ?? release.maxGrowth;
  const budget = numberSetting('release.maxFileBytes', maxFileBytes, problems, 'bytes');
  if (budget !== undefined) release.maxFileBytes = budget;
  release.buildTimeout = numberSetting('release.buildTimeout', buildTimeout, problems) ?? release.buildTimeout;
}

/** A numeric setting >= 1 (a whole number for bytes), or undefined: absent, or a problem told. */
function numberSetting(name: string, value: unknown, problems: string[], unit?: 'bytes'): number | undefined {
  if (value === undefined) return undefined;
  const whole = unit === 'bytes';
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1 && (!whole || Number.isInteger(value))) return value;
  problems.push(`"${name}" must be a ${whole ? 'whole number of bytes' : 'number'} >= 1, not ${JSON.stringify(value)}`);
  return undefined;
}

function validateScan(value: unknown, scan: ScanConfig, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) return void problems.push('"scan" must be an object');
  for (const key of Object.keys(value)) {
    if (!SCAN_KEYS.includes(key)) problems.push(`"scan.${key}" is not a scan setting (known: ${SCAN_KEYS.join(', ')})`);
  }
  scan.maxFileBytes = numberSetting('scan.maxFileBytes', value.maxFileBytes, problems, 'bytes') ?? scan.maxFileBytes;
}
