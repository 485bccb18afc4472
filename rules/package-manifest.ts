import type { PackageReport, PackageRule, Severity } from '../src/types.js';
import { normalize } from './support/sourcemap.js';

// The packed package.json against the packed files and against the last approved release.
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json (main, bin, types, publishConfig, scripts)
// https://nodejs.org/api/packages.html#package-entry-points (exports, subpath patterns, conditions)
// https://www.typescriptlang.org/docs/handbook/declaration-files/publishing.html (types)
//
// error: an entry point that is not in the tarball (main, module, types/typings, each bin, each
//   file target of "exports", nested conditions included). The package installs and then fails
//   on import, or `npx` fails; it is what a "files" list that forgot a build folder looks like.
//   Targets with `*` are subpath patterns: missing only when no packed file matches at all.
//   null targets deliberately block a subpath and are skipped.
// Against the approved release's package.json, when there is one:
// error: "private": true removed; an install script (preinstall, install, postinstall) added,
//   since those run on every machine that installs the package; publishConfig.access or
//   .registry changed, which publishes elsewhere or to everyone.
// warning: other publishConfig changes (tag, provenance...).

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const SEVERE_PUBLISH_SETTINGS = new Set(['access', 'registry']);

export const packageManifest: PackageRule = {
  id: 'package-manifest',
  kind: 'package',
  description: 'package.json entry points (main, module, types, bin, exports) missing from the package; private, publishConfig and install scripts changed since the approved release',
  severity: 'error',
  stages: ['release'],
  source: 'https://nodejs.org/api/packages.html#package-entry-points',
  check: ({ pkg, baseline }) => {
    const manifest = pkg.manifest;
    const packed = new Set(pkg.files.map((f) => f.path));
    packed.add('package.json');
    const reports: PackageReport[] = [];
    const missing = (field: string, target: string): void => {
      reports.push({
        messageId: 'entry-point-missing',
        data: { field, target },
        file: 'package.json',
        key: `entry:${field}=${target}`,
        match: target,
        severity: 'error',
      });
    };

    const check = (field: string, value: unknown, extensions: readonly string[]): void => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!resolves(value, packed, extensions)) missing(field, value);
    };
    check('main', manifest['main'], MAIN_EXTENSIONS);
    check('module', manifest['module'], MODULE_EXTENSIONS);
    check('types', manifest['types'], TYPES_EXTENSIONS);
    check('typings', manifest['typings'], TYPES_EXTENSIONS);
    const bin = manifest['bin'];
    if (typeof bin === 'string') check('bin', bin, []);
    else if (isObject(bin)) for (const [name, target] of Object.entries(bin)) check(`bin${property(name)}`, target, []);
    walkExports(manifest['exports'], 'exports', packed, pkg.files.map((f) => f.path), missing);

    const before = baseline?.manifest;
    if (before) compareWithBaseline(before, manifest, reports);
    return reports;
  },
};

// How Node (main), bundlers (module) and TypeScript (types) fill in a path without extension.
const MAIN_EXTENSIONS = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
const MODULE_EXTENSIONS = ['', '.js', '.mjs', '/index.js', '/index.mjs'];
const TYPES_EXTENSIONS = ['', '.d.ts', '/index.d.ts'];

function resolves(target: string, packed: ReadonlySet<string>, extensions: readonly string[]): boolean {
  const path = normalize(target.replace(/\\/g, '/'));
  if (!path) return false;
  if (packed.has(path)) return true;
  return extensions.some((ext) => ext !== '' && packed.has(path + ext));
}

/**
 * Every file target of "exports": a string, an array of fallbacks, or an object of subpaths or
 * conditions (nested). `field` names where the target sits: exports["./cli"].import.
 */
function walkExports(
  value: unknown, field: string, packed: ReadonlySet<string>, paths: readonly string[],
  missing: (field: string, target: string) => void, depth = 0,
): void {
  if (depth > 32 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (!value.startsWith('./')) return; // a package name or an invalid target: not a file
    const path = normalize(value);
    if (path === null) return missing(field, value);
    if (value.includes('*')) {
      const pattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
      if (!paths.some((p) => pattern.test(p))) missing(field, value);
    } else if (value.endsWith('/')) {
      // The old folder mappings ("./features/": "./src/features/").
      if (!paths.some((p) => p.startsWith(`${path}/`))) missing(field, value);
    } else if (!packed.has(path)) {
      missing(field, value);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkExports(item, `${field}[${i}]`, packed, paths, missing, depth + 1));
    return;
  }
  if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) walkExports(item, `${field}${property(key)}`, packed, paths, missing, depth + 1);
  }
}

function compareWithBaseline(before: Record<string, unknown>, after: Record<string, unknown>, reports: PackageReport[]): void {
  if (before['private'] === true && after['private'] !== true) {
    reports.push({ messageId: 'package-private-removed', data: {}, file: 'package.json', key: 'private-removed', match: '"private": true', severity: 'error' });
  }
  const oldConfig = isObject(before['publishConfig']) ? before['publishConfig'] : {};
  const newConfig = isObject(after['publishConfig']) ? after['publishConfig'] : {};
  for (const setting of [...new Set([...Object.keys(oldConfig), ...Object.keys(newConfig)])].sort()) {
    const was = show(oldConfig[setting]);
    const now = show(newConfig[setting]);
    if (was === now) continue;
    const severity: Severity = SEVERE_PUBLISH_SETTINGS.has(setting) ? 'error' : 'warn';
    reports.push({
      messageId: 'package-publish-config-changed',
      data: { setting: `publishConfig.${setting}`, old: was, new: now },
      file: 'package.json', key: `publishConfig.${setting}=${now}`, match: `publishConfig.${setting}`, severity,
    });
  }
  const oldScripts = isObject(before['scripts']) ? before['scripts'] : {};
  const newScripts = isObject(after['scripts']) ? after['scripts'] : {};
  for (const script of INSTALL_SCRIPTS) {
    const command = newScripts[script];
    if (typeof command !== 'string' || command.trim() === '') continue;
    const was = oldScripts[script];
    if (typeof was === 'string' && was.trim() !== '') continue;
    reports.push({
      messageId: 'package-install-script-added',
      data: { script, command: clip(command) },
      file: 'package.json', key: `script:${script}=${command}`, match: `scripts.${script}`, severity: 'error',
    });
  }
}

/** A value for the report: "unset", or its JSON. */
function show(value: unknown): string {
  return value === undefined ? 'unset' : clip(JSON.stringify(value));
}

/** `.import` for identifiers, `["./cli"]` for subpaths and names with other characters. */
function property(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
