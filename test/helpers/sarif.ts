// Checks a SARIF log two ways: against the SARIF 2.1.0 JSON schema (the copy
// @microsoft/jest-sarif ships, from SchemaStore: a draft-04 schema, as the OASIS one is too), and
// against what GitHub code scanning adds on top of the schema.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  // ajv 8 reads draft-07 and later by default; ajv-draft-04 is its class for draft-04 schemas.
  const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const schema = require(SCHEMA_PATH) as { title: string };
  if (!schema.title.includes('2.1.0')) throw new Error(`${SCHEMA_PATH} is not the SARIF 2.1.0 schema: ${schema.title}`);
  // strict: false only stops ajv from linting the schema's own style (it uses "required" in
  // anyOf branches); every keyword is still validated. unicodeRegExp: false because this schema
  // version's run.language pattern has a stray "]" that a u-flag RegExp rejects (errata01 fixed it).
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: true });
  addFormats(ajv); // uri, uri-reference, date-time
  validate = ajv.compile(schema);
  return validate;
}

/** Schema errors, as readable lines; empty when the log is valid SARIF 2.1.0. */
export function schemaErrors(log: unknown): string[] {
  const check = validator();
  if (check(log)) return [];
  return (check.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

interface Log {
  $schema?: string;
  version?: string;
  runs?: {
    tool: { driver: { name?: string; rules?: { id: string; shortDescription?: { text?: string }; fullDescription?: { text?: string }; help?: { text?: string } }[] } };
    results?: {
      ruleId?: string;
      ruleIndex?: number;
      message?: { text?: string };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
      partialFingerprints?: Record<string, string>;
    }[];
  }[];
}

/** GitHub's constraints beyond the schema (docs: "SARIF support for code scanning"). */
export function githubProblems(raw: unknown): string[] {
  const log = raw as Log;
  const problems: string[] = [];
  if (!log.$schema) problems.push('$schema missing');
  if (log.version !== '2.1.0') problems.push(`version ${String(log.version)}`);
  if (!log.runs?.length) problems.push('no runs');
  for (const run of log.runs ?? []) {
    const rules = run.tool.driver.rules ?? [];
    if (!run.tool.driver.name) problems.push('tool.driver.name missing');
    if (new Set(rules.map((r) => r.id)).size !== rules.length) problems.push('duplicate rule ids');
    for (const rule of rules) {
      for (const [field, text] of [['shortDescription', rule.shortDescription?.text], ['fullDescription', rule.fullDescription?.text], ['help', rule.help?.text]] as const) {
        if (!text) problems.push(`rule ${rule.id}: ${field}.text missing or empty`);
      }
      for (const text of [rule.shortDescription?.text, rule.fullDescription?.text]) {
        if (text && text.length > 1024) problems.push(`rule ${rule.id}: description over 1024 characters`);
      }
    }
    if (!run.results) problems.push('results missing');
    for (const [i, result] of (run.results ?? []).entries()) {
      const at = `result ${i} (${String(result.ruleId)})`;
      if (typeof result.ruleIndex !== 'number' || rules[result.ruleIndex]?.id !== result.ruleId) {
        problems.push(`${at}: ruleIndex ${String(result.ruleIndex)} does not point at rule ${String(result.ruleId)}`);
      }
      if (!result.message?.text) problems.push(`${at}: message.text missing`);
      const locations = result.locations ?? [];
      if (locations.length < 1 || locations.length > 10) problems.push(`${at}: ${locations.length} locations`);
      const physical = locations[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      if (!uri) problems.push(`${at}: no artifactLocation.uri`);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) problems.push(`${at}: uri ${uri} is not relative`);
      const region = physical?.region;
      if (region && !(Number.isInteger(region.startLine) && region.startLine! >= 1)) {
        problems.push(`${at}: region.startLine ${String(region.startLine)} is not >= 1`);
      }
      if (region?.startColumn !== undefined && !(region.startColumn >= 1)) problems.push(`${at}: startColumn ${region.startColumn}`);
      const prints = result.partialFingerprints ?? {};
      if (Object.keys(prints).length === 0 || Object.values(prints).some((v) => typeof v !== 'string' || v === '')) {
        problems.push(`${at}: partialFingerprints missing or empty`);
      }
    }
  }
  return problems;
}
