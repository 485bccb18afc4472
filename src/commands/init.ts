// `shipgate init`: look at the repository and write a commented starting config: the packages
// it publishes, the bundler it uses, its release tag pattern, and which rules are on. It never
// overwrites a config that exists.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../config.js';
import { detectBundlers, detectTagPattern, findPackages, type PackageInfo } from '../detect.js';
import { listTags, listTrackedFiles, showToplevel } from '../git.js';
import { writeFd } from '../io.js';
import { plural } from '../messages.js';
import { rules } from '../../rules/index.js';

export async function runInit(): Promise<number> {
  const root = await showToplevel();
  const paths = await listTrackedFiles(root);
  const manifests = new Map<string, unknown>();
  const scripts: string[] = [];
  for (const path of paths.filter((p) => p === 'package.json' || p.endsWith('/package.json'))) {
    try {
      const json = JSON.parse(readFileSync(join(root, path), 'utf8')) as { scripts?: Record<string, string> };
      manifests.set(path, json);
      scripts.push(...Object.values(json.scripts ?? {}).filter((v) => typeof v === 'string'));
    } catch {
      writeFd(2, `shipgate: ${path} is not valid JSON; left out of what init looked at\n`);
    }
  }
  const packages = findPackages(manifests);
  const published = packages.filter((p) => !p.private);
  const bundlers = detectBundlers(paths, scripts);
  const tags = detectTagPattern(await listTags(root));
  const kinds = countKinds();

  const findings = [
    published.length
      ? `publishes ${plural(published.length, 'package')}: ${published.map(describe).join(', ')}`
      : packages.length ? 'publishes nothing: every package.json is private' : 'has no package.json (the release gate has nothing to pack)',
    bundlers.length ? `builds with ${bundlers.join(', ')}` : 'has no bundler config shipgate recognises',
    tags.seen ? `tags releases as "${tags.pattern}" (${plural(tags.seen, 'tag')} seen)` : 'has no release tags yet: using "v*"',
    `${plural(rules.size, 'rule')} on: ${kinds}`,
  ];
  writeFd(1, `shipgate init: this repository\n${findings.map((f) => `  - ${f}\n`).join('')}`);

  const pkgPath = join(root, 'package.json');
  const pkgHasKey = existsSync(pkgPath) && (() => {
    try {
      return 'shipgate' in (JSON.parse(readFileSync(pkgPath, 'utf8')) as object);
    } catch {
      return false;
    }
  })();
  if (existsSync(join(root, CONFIG_FILE)) || pkgHasKey) {
    writeFd(1, `shipgate init: ${pkgHasKey ? 'package.json already has a "shipgate" key' : `${CONFIG_FILE} already exists`}; nothing written.\n`);
    return 0;
  }
  writeFileSync(join(root, CONFIG_FILE), configText(published, bundlers, tags.pattern));
  writeFd(1, `shipgate init: wrote ${CONFIG_FILE}. Review it, commit it, and run \`npx shipgate install\` if the hooks are not in yet.\n`);
  return 0;
}

function describe(p: PackageInfo): string {
  return p.dir ? `${p.name} (${p.dir})` : p.name;
}

function countKinds(): string {
  const counts = new Map<string, number>();
  for (const rule of rules.values()) counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
  const names: Record<string, string> = { content: 'secret detectors', file: 'file checks', change: 'config-drift checks', package: 'release checks' };
  return [...counts].map(([kind, n]) => `${n} ${names[kind] ?? kind}`).join(', ');
}

export function configText(published: readonly PackageInfo[], bundlers: readonly string[], tagPattern: string): string {
  const lines = [
    '// shipgate configuration, written by `shipgate init`. Comments are allowed in this file.',
    '// Every rule is on at its default severity; `npx shipgate rules` lists them.',
    '{',
    '  // Per rule: "error" blocks, "warn" reports, "off" disables. For example:',
    '  // "rules": { "generic-secret": "warn" },',
    '  "rules": {},',
    '',
    '  // Files no rule looks at (micromatch globs).',
    '  "ignore": [],',
    '',
    `  // The release gate: pushing a tag that matches tagPattern packs the tagged commit as npm would.`,
    published.length
      ? `  // Packages seen: ${published.map(describe).join(', ')}.`
      : '  // No published package was seen (all private, or none).',
    bundlers.length ? `  // Build tools seen: ${bundlers.join(', ')}; their source map settings are checked at commit time.` : '  // No build tool was seen.',
    '  "release": {',
    `    "tagPattern": ${JSON.stringify(tagPattern)},`,
    '    // Block when the unpacked package grows by this factor against the approved release.',
    '    "maxGrowth": 2',
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}
