// SARIF 2.1.0, in the subset GitHub code scanning reads (its "SARIF support for code scanning"
// page): one run, the rules that have findings, one result per finding. `match` is already
// redacted in the finding, and nothing else a finding carries can hold a secret.

import { pathToFileURL } from 'node:url';
import { rules as registry } from '../../rules/index.js';
import { allowHint, formatMessage } from '../messages.js';
import type { Finding, Rule, ScanResult, Severity } from '../types.js';
import { hintKind } from './text.js';
import { toolVersion } from '../version.js';

/** The schema URI GitHub's documentation gives for SARIF 2.1.0. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/shipgate';
/** The key of shipgate's content-hash fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'shipgate/v1';

/** GitHub cuts shortDescription and fullDescription at 1024 characters. */
const DESCRIPTION_LIMIT = 1024;

type Level = 'error' | 'warning';
type Category = 'secret' | 'config' | 'release';

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: SarifMessage;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, string | number>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version?: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

const levelOf = (severity: Severity): Level => (severity === 'error' ? 'error' : 'warning');

/**
 * A repository-relative path as a relative URI reference: each segment percent-encoded, so a
 * space, `#`, `%` or a `:` in the first segment cannot change what the URI means.
 */
export function pathToUri(path: string): string {
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function categoryOf(rule: Rule | undefined, finding: Finding): Category {
  if (!rule) return finding.data['pack'] !== undefined || finding.ruleId.startsWith('release') ? 'release' : 'config';
  switch (rule.kind) {
    case 'content':
    case 'file':
      return 'secret';
    case 'change':
      return 'config';
    case 'package':
      return 'release';
  }
}

/** Backslash-escapes Markdown syntax outside `code spans`, so "!**\/*.map" is not read as emphasis. */
function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>#|~])/g, '\\$1')))
    .join('');
}

function clip(text: string, limit = DESCRIPTION_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

const pascalCase = (id: string): string =>
  id.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/**
 * The rule's documentation, from the message texts of its findings (why it matters, how to fix
 * it, how to allow a false positive). A rule reporting several kinds of problem gets one
 * section per kind. Build output (a failed pack's last lines) stays out: it is the run's, not the rule's.
 */
function ruleHelp(findings: readonly Finding[]): { text: string; markdown: string; why: string } {
  const sections = new Map<string, { message: string; why: string; fix: string; allow?: string }>();
  for (const finding of findings) {
    const data = finding.data['tail'] === undefined ? finding.data : { ...finding.data, tail: '(see the log of the run)' };
    const text = formatMessage({ messageId: finding.messageId, data });
    const key = `${text.why}\0${text.fix}`;
    if (sections.has(key)) continue;
    const allow = finding.ruleId === 'release-pack' ? undefined : allowHint(finding.ruleId, hintKind(finding));
    sections.set(key, { message: text.message, why: text.why, fix: text.fix, ...(allow ? { allow } : {}) });
  }
  const list = [...sections.values()];
  const several = list.length > 1;
  const text = list
    .map((s) => [several ? `${s.message}:` : '', `Why it matters: ${s.why}`, `How to fix it: ${s.fix}`, s.allow ?? '']
      .filter(Boolean).join('\n'))
    .join('\n\n');
  const markdown = list
    .map((s) => [
      several ? `#### ${escapeMarkdown(s.message)}` : '',
      `**Why it matters:** ${escapeMarkdown(s.why)}`,
      `**How to fix it:** ${escapeMarkdown(s.fix)}`,
      s.allow ? escapeMarkdown(s.allow) : '',
    ].filter(Boolean).join('\n\n'))
    .join('\n\n');
  return { text, markdown, why: list[0]?.why ?? '' };
}

function describeRule(id: string, findings: readonly Finding[]): SarifRule {
  const rule = registry.get(id);
  const first = findings[0]!;
  const help = ruleHelp(findings);
  const description = rule?.description ?? (id === 'release-pack'
    ? 'the release could not be packed as npm would publish it'
    : formatMessage(first).message);
  const short = description[0]!.toUpperCase() + description.slice(1);
  let helpUri: string | undefined;
  if (rule?.source) {
    try {
      helpUri = new URL(rule.source).href;
    } catch {
      // a source that is not an absolute URL is left out (helpUri must be one)
    }
  }
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: clip(short) },
    fullDescription: { text: clip(help.why ? `${short}. ${help.why}` : short) },
    help: { text: help.text, markdown: help.markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: levelOf(rule?.severity ?? first.severity) },
    properties: { tags: ['security', categoryOf(rule, first)] },
  };
}

/** Secrets show their redacted form; for other findings the message already names what changed. */
function resultMessage(finding: Finding): string {
  const { message } = formatMessage(finding);
  const secret = finding.messageId === 'secret' || finding.messageId === 'secret-in-package';
  return secret && finding.match && !message.includes(finding.match) ? `${message}: ${finding.match}` : message;
}

function toResult(finding: Finding, ruleIndex: number): SarifResult {
  // GitHub rejects a region whose startLine is below 1: a finding about the whole file has none.
  const region = finding.line >= 1
    ? { startLine: finding.line, ...(finding.column >= 1 ? { startColumn: finding.column } : {}) }
    : undefined;
  const properties: Record<string, string | number> = {};
  for (const key of ['pack', 'commit'] as const) {
    if (finding.data[key] !== undefined) properties[key] = finding.data[key]!;
  }
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOf(finding.severity),
    message: { text: resultMessage(finding) },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(finding.file) }, ...(region ? { region } : {}) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}

export function buildSarif(result: ScanResult, options: { version?: string } = {}): SarifLog {
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const ids = [...byRule.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const version = 'version' in options ? options.version : toolVersion();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipgate',
            ...(version ? { version } : {}),
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => describeRule(id, byRule.get(id)!)),
          },
        },
        // Columns count UTF-16 code units: they are JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => toResult(f, index.get(f.ruleId)!)),
      },
    ],
  };
}

export function formatSarif(result: ScanResult, options: { version?: string } = {}): string {
  return JSON.stringify(buildSarif(result, options), null, 2) + '\n';
}
