// Tables for package rules: packages built in memory from {path: content} and a manifest, run
// through the real engine (createEngine + runPackageRules) with the registered secret rules behind
// context.scanText; valid cases must report nothing, invalid ones exactly the reports listed.

import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rules } from '../../rules/index.js';
import { createEngine, runPackageRules } from '../../src/engine.js';
import { formatMessage, hasMessage } from '../../src/messages.js';
import { makeScanText } from '../../src/release/scan-text.js';
import type {
  ContentRule, Finding, PackageContext, PackageRule, PackedFile, PackedPackage, ReleaseBaseline,
} from '../../src/types.js';

export interface PackageSpec {
  /** package.json fields; name and version default to example-cli 1.0.0. */
  manifest?: Record<string, unknown>;
  /** Packed files by path (without `package/`); package.json is added from the manifest unless given. */
  files: Record<string, string | Buffer>;
}

export interface PackageCase {
  name: string;
  pkg: PackageSpec;
  /** The approved release: a package to record, or a ready baseline. */
  baseline?: PackageSpec | ReleaseBaseline;
  limits?: Partial<PackageContext['limits']>;
}

export interface ExpectedPackageReport {
  messageId: string;
  severity?: 'error' | 'warn';
  /** The packed file the report names (package.json when it names none). */
  file?: string;
  /** Pieces the rendered one-line message must contain. */
  says?: string[];
  /** Pieces the rendered fix must contain. */
  fixSays?: string[];
  /** Data values the report must carry. */
  data?: Record<string, string | number>;
}

export interface InvalidPackageCase extends PackageCase {
  reports: ExpectedPackageReport[];
  /** Raw secrets that must not appear in any report, rendered or as data. */
  secrets?: string[];
}

/** The registered content rules (the secret rules), as the release command runs them. */
export const releaseScanText: PackageContext['scanText'] = makeScanText(
  createEngine([...rules.values()].filter((r): r is ContentRule => r.kind === 'content')),
);

export function packedFile(path: string, content: string | Buffer): PackedFile {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    path,
    size: buffer.length,
    bytes: () => buffer,
    text: () => (buffer.subarray(0, 8000).includes(0) ? null : buffer.toString('utf8')),
  };
}

export function makePackage(spec: PackageSpec, origin = 'test package'): PackedPackage {
  const manifest: Record<string, unknown> = { name: 'example-cli', version: '1.0.0', ...spec.manifest };
  const entries = Object.entries(spec.files);
  if (!('package.json' in spec.files)) entries.unshift(['package.json', `${JSON.stringify(manifest, null, 2)}\n`]);
  const files = entries.map(([path, content]) => packedFile(path, content));
  const unpackedSize = files.reduce((sum, f) => sum + f.size, 0);
  return {
    name: String(manifest['name']),
    version: String(manifest['version']),
    manifest,
    files,
    packedSize: Math.ceil(unpackedSize / 4),
    unpackedSize,
    origin,
  };
}

/** A package recorded as the approved release. */
export function baselineOf(spec: PackageSpec, label = 'approved release 0.9.0'): ReleaseBaseline {
  const pkg = makePackage(spec);
  return {
    label,
    version: pkg.version,
    files: pkg.files.map((f) => ({ path: f.path, size: f.size, sha256: createHash('sha256').update(f.bytes()).digest('hex') })),
    unpackedSize: pkg.unpackedSize,
    manifest: pkg.manifest,
  };
}

export function contextFor(c: PackageCase): PackageContext {
  const baseline = c.baseline === undefined ? undefined : 'label' in c.baseline ? c.baseline : baselineOf(c.baseline);
  return {
    pkg: makePackage(c.pkg),
    ...(baseline ? { baseline } : {}),
    limits: { maxGrowth: 2, ...c.limits },
    scanText: releaseScanText,
  };
}

export function findingsForPackage(rule: PackageRule, c: PackageCase | PackageContext): Finding[] {
  const context = 'pkg' in c && 'scanText' in c ? c : contextFor(c as PackageCase);
  return runPackageRules(createEngine([rule]), context);
}

function render(f: Finding): string {
  const text = formatMessage(f);
  return `${text.message}\n${text.why}\n${text.fix}`;
}

/** Registers one uvu test per case; the file calling this runs `test.run()` once at the end. */
export function testPackageRule(rule: PackageRule, table: { valid: PackageCase[]; invalid: InvalidPackageCase[] }): void {
  test(`${rule.id}: table has valid and invalid cases`, () => {
    assert.ok(table.valid.length > 0 && table.invalid.length > 0);
    assert.is(rule.kind, 'package');
    assert.equal([...rule.stages], ['release']);
  });
  for (const c of table.valid) {
    test(`${rule.id}: valid: ${c.name}`, () => {
      const findings = findingsForPackage(rule, c);
      assert.equal(findings.map((f) => `${f.file}: ${f.messageId}: ${formatMessage(f).message}`), []);
    });
  }
  for (const c of table.invalid) {
    test(`${rule.id}: invalid: ${c.name}`, () => {
      const findings = findingsForPackage(rule, c);
      assert.equal(
        findings.map((f) => f.messageId).sort(),
        c.reports.map((r) => r.messageId).sort(),
        `message codes; got ${findings.map((f) => `${f.file}: ${f.messageId}`).join(' | ')}`,
      );
      const unused = [...findings];
      for (const expected of c.reports) {
        // Among reports with the code (and file), the one that meets every expectation; else the
        // first, so that the assertions below say what differs.
        const fits = (f: Finding): boolean => f.messageId === expected.messageId && (expected.file === undefined || f.file === expected.file);
        const matches = (f: Finding): boolean =>
          fits(f) &&
          (expected.severity === undefined || f.severity === expected.severity) &&
          Object.entries(expected.data ?? {}).every(([key, value]) => f.data[key] === value) &&
          (expected.says ?? []).every((part) => formatMessage(f).message.includes(part));
        let at = unused.findIndex(matches);
        if (at === -1) at = unused.findIndex(fits);
        assert.ok(at !== -1, `a ${expected.messageId} report${expected.file ? ` on ${expected.file}` : ''}; got ${findings.map((f) => f.file).join(', ')}`);
        const f = unused.splice(at, 1)[0]!;
        if (expected.severity) assert.is(f.severity, expected.severity, `severity of ${f.messageId} on ${f.file}`);
        const text = formatMessage(f);
        for (const part of expected.says ?? []) assert.ok(text.message.includes(part), `"${text.message}" says "${part}"`);
        for (const part of expected.fixSays ?? []) assert.ok(text.fix.includes(part), `fix "${text.fix}" says "${part}"`);
        for (const [key, value] of Object.entries(expected.data ?? {})) assert.is(f.data[key], value, `data.${key}`);
      }
      for (const f of findings) {
        assert.ok(hasMessage(f.messageId), `message code "${f.messageId}" has text in src/messages.ts`);
        const rendered = render(f);
        assert.not.match(rendered, /undefined|NaN|\[object /, `rendered text of ${f.messageId} is complete: ${rendered}`);
        assert.match(f.fingerprint, /^[0-9a-f]{64}$/);
        for (const secret of c.secrets ?? []) {
          assert.not.ok(rendered.includes(secret), 'the secret is not in the rendered text');
          assert.not.ok(JSON.stringify(f).includes(secret), 'the secret is not in the finding');
        }
      }
    });
  }
}

// Realistic content for the tables.

/** A TypeScript module of roughly `size` characters, like a CLI's source file. */
export function tsModule(name: string, size = 600): string {
  const lines = [
    `// ${name}: part of the command line interface`,
    `import { readFile } from 'node:fs/promises';`,
    `import type { Options } from './types.js';`,
    '',
  ];
  let i = 0;
  while (lines.join('\n').length < size) {
    lines.push(
      `export async function step${i}(options: Options, input: string): Promise<string> {`,
      `  const text = await readFile(options.paths[${i % 7}] ?? input, 'utf8');`,
      `  if (!text.includes('${name}')) throw new Error(\`missing section ${i} in \${input}\`);`,
      `  return text.trim().split('\\n').map((line) => line.replace(/\\s+$/, '')).join('\\n');`,
      '}',
      '',
    );
    i++;
  }
  return `${lines.join('\n')}\n`;
}

/** A source map's JSON text. */
export function sourceMap(fields: Record<string, unknown>): string {
  return JSON.stringify({ version: 3, names: [], mappings: 'AAAA,SAASA,GAAG;AACZ', ...fields });
}

/** The comment a bundler appends for an inline map. */
export function inlineMapComment(map: string, css = false): string {
  const url = `data:application/json;charset=utf-8;base64,${Buffer.from(map, 'utf8').toString('base64')}`;
  return css ? `/*# sourceMappingURL=${url} */` : `//# sourceMappingURL=${url}`;
}

/** A small bundled CLI entry, as esbuild writes it. */
export function bundle(name = 'cli'): string {
  return [
    '#!/usr/bin/env node',
    '"use strict";',
    `var import_promises = require("node:fs/promises");`,
    `async function main(argv) {`,
    `  const text = await (0, import_promises.readFile)(argv[2] ?? "input.txt", "utf8");`,
    `  process.stdout.write(text.trim() + "\\n");`,
    `}`,
    `main(process.argv).catch((error) => { console.error("${name}:", error.message); process.exitCode = 1; });`,
    '',
  ].join('\n');
}
