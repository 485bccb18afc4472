import type { ChangeReport, ChangeRule } from '../src/types.js';
import { lineOf, objectField, parsePackageJson, previousPackage, redactUrl, shown } from './support/package-json.js';

// publishConfig in package.json overrides npm's config at publish time: `access` decides who can
// see a scoped package, `registry` (and `@scope:registry`) where it goes.
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#publishconfig
// https://docs.npmjs.com/cli/v10/commands/npm-publish#access
// Severity: a registry added, changed or removed sends the package somewhere else (removed: to
// the public npm registry) - 'error'. access becoming "public" makes a package visible to
// everyone - 'error'. Any other access change (to "restricted", or removed, which is restricted
// for scoped packages) narrows visibility or is neutral - 'warn'.
// A new package.json is compared with nothing: its publishConfig reports. A package.json that does
// not parse reports nothing here (package-files reports it). Credentials in a registry URL are
// hidden in the report.

export const packagePublishConfig: ChangeRule = {
  id: 'package-publish-config',
  kind: 'change',
  description: 'package.json publishConfig registry changed, or access made public (error); other access changes (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#publishconfig',
  check: ({ before, after }) => {
    const next = parsePackageJson(after);
    if (!next?.ok) return [];
    const now = objectField(next.value, 'publishConfig') ?? {};
    const was = objectField(previousPackage(before), 'publishConfig') ?? {};
    const keys = new Set([...Object.keys(was), ...Object.keys(now)].filter((k) => k === 'access' || k === 'registry' || /^@[^/\s]{1,214}:registry$/.test(k)));
    const reports: ChangeReport[] = [];
    for (const key of keys) {
      const old = was[key];
      const value = now[key];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      const severity = key !== 'access' || value === 'public' ? 'error' : 'warn';
      reports.push({
        messageId: 'package-publish-config-changed',
        data: { setting: `publishConfig.${key}`, old: display(old), new: display(value) },
        line: value === undefined ? lineOf(after, 'publishConfig') : lineOf(after, key, 'publishConfig'),
        key: `publishConfig.${key}=${display(value)}`,
        severity,
      });
    }
    return reports;
  },
};

/** A value for the report, with any credentials in a URL hidden. */
function display(value: unknown): string {
  return shown(typeof value === 'string' ? redactUrl(value) : value);
}
