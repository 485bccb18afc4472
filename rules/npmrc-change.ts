import { isPlaceholder } from '../src/placeholders.js';
import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { mapEntries, parseYaml, scalarText } from './support/yaml.js';

// The package manager's registry and credentials, committed with the repository.
// - A registry changed or added: where every install comes from and every publish goes to. An
//   error when it moves off the public registry (registry.npmjs.org, registry.yarnpkg.com) to
//   another host, or to plain http; a warning otherwise (one private registry for another, a
//   new scope registry).
// - An auth token added (_authToken, _auth, _password, yarn's npmAuthToken / npmAuthIdent) with a
//   literal value: an error. A ${NPM_TOKEN} reference is the safe form and is not reported. The
//   token itself never appears in a report.
// - always-auth turned on: a warning; it sends credentials to every registry and mirror.
// https://docs.npmjs.com/cli/v10/configuring-npm/npmrc
// https://classic.yarnpkg.com/en/docs/yarnrc
// https://yarnpkg.com/configuration/yarnrc

interface Setting {
  value: string;
  line: number;
}

type Settings = Map<string, Setting>;

const PUBLIC_HOSTS = new Set(['registry.npmjs.org', 'registry.yarnpkg.com']);

/** npm's ini format: key=value, ; and # comments, [sections] ignored, the last value wins. */
function parseNpmrc(text: string): Settings {
  const settings: Settings = new Map();
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#') || line.startsWith('[')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) return;
    settings.set(unquote(line.slice(0, eq).trim()), { value: unquote(line.slice(eq + 1).trim()), line: i + 1 });
  });
  return settings;
}

/** Yarn 1's .yarnrc: `key value` or `"key" "value"`, # comments. */
function parseYarnrc(text: string): Settings {
  const settings: Settings = new Map();
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let key: string;
    let rest: string;
    if (line.startsWith('"')) {
      const end = line.indexOf('"', 1);
      if (end === -1) return;
      key = line.slice(1, end);
      rest = line.slice(end + 1);
    } else {
      const space = line.search(/[\s=]/);
      if (space === -1) return;
      key = line.slice(0, space);
      rest = line.slice(space);
    }
    settings.set(key, { value: unquote(rest.replace(/^[\s=]{1,100}/, '').trim()), line: i + 1 });
  });
  return settings;
}

/** Yarn 2+'s .yarnrc.yml: top-level npm* settings and those under npmScopes and npmRegistries. */
function parseYarnrcYml(text: string): Settings | { error: string } {
  const parsed = parseYaml(text);
  if (!parsed.ok) return { error: parsed.error };
  const settings: Settings = new Map();
  const take = (node: unknown, prefix: string): void => {
    for (const { key, value, line } of mapEntries(node, parsed.lines)) {
      const text = scalarText(value);
      if (text !== undefined && key.startsWith('npm')) settings.set(prefix + key, { value: text, line });
    }
  };
  for (const doc of parsed.docs) {
    take(doc.contents, '');
    for (const group of ['npmScopes', 'npmRegistries']) {
      for (const { key, value } of mapEntries(mapEntries(doc.contents, parsed.lines).find((e) => e.key === group)?.value, parsed.lines)) {
        take(value, `${group}.${key}.`);
      }
    }
  }
  return settings;
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!) ? value.slice(1, -1) : value;
}

const lastPart = (key: string): string => key.slice(Math.max(key.lastIndexOf(':'), key.lastIndexOf('.')) + 1);

function isRegistry(key: string): 'top' | 'scoped' | undefined {
  if (key === 'registry' || key === 'npmRegistryServer' || key === 'npmPublishRegistry') return 'top';
  if (/^@[^:\s]{1,214}:registry$/.test(key) || /^npmScopes\.[^.]{1,214}\.(?:npmRegistryServer|npmPublishRegistry)$/.test(key)) return 'scoped';
  return undefined;
}

const TOKEN_KEYS = new Set(['_authToken', '_auth', '_password', 'npmAuthToken', 'npmAuthIdent']);
const isToken = (key: string): boolean => TOKEN_KEYS.has(lastPart(key));
const isAlwaysAuth = (key: string): boolean => lastPart(key) === 'always-auth' || lastPart(key) === 'npmAlwaysAuth';

function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\/{1,64}$/, '');
}

/** A registry URL for a report: user:password@ removed. */
function showUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]{0,20}:\/\/)[^@/\s]{1,500}@/i, '$1***@').slice(0, 200);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const isPublic = (url: string): boolean => /^https:\/\//i.test(url) && PUBLIC_HOSTS.has(hostOf(url) ?? '');

function readSettings(path: string, text: string): Settings | { error: string } {
  if (/\.ya?ml$/i.test(path)) return parseYarnrcYml(text);
  if (/(^|\/)\.yarnrc$/.test(path)) return parseYarnrc(text);
  return parseNpmrc(text);
}

export const npmrcChange: ChangeRule = {
  id: 'npmrc-change',
  kind: 'change',
  description: 'registry moved off the public registry or to http (error) or changed (warning), auth token committed (error), always-auth turned on (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readSettings(path, after);
    if ('error' in next) return [unparsable(path, next.error)];
    const parsedPrev = before === null ? new Map<string, Setting>() : readSettings(path, before);
    const prev: Settings = 'error' in parsedPrev ? new Map() : parsedPrev;
    const reports: ChangeReport[] = [];
    for (const [key, { value, line }] of next) {
      const old = prev.get(key)?.value;
      const registry = isRegistry(key);
      if (registry) {
        if (old !== undefined && normalizeUrl(old) === normalizeUrl(value)) continue;
        // An unset top-level registry is the public one; an unset scope registry is a new scope.
        const wasPublic = old === undefined ? registry === 'top' : isPublic(old);
        const insecure = /^http:\/\//i.test(value);
        // A ${VAR} registry is decided elsewhere: a warning.
        const leavesPublic = wasPublic && !isPublic(value) && !value.includes('${');
        reports.push({
          messageId: 'npmrc-registry-changed',
          data: { setting: key, old: old === undefined ? 'unset' : showUrl(old), new: showUrl(value) },
          line,
          key: `${key}=${normalizeUrl(showUrl(value))}`,
          severity: insecure || leavesPublic ? 'error' : 'warn',
        });
      } else if (isToken(key)) {
        if (!value || isPlaceholder(value) || value === old) continue;
        reports.push({ messageId: 'npmrc-token-added', data: { setting: key, file: path }, line, key: `token:${key}`, severity: 'error' });
      } else if (isAlwaysAuth(key)) {
        if (value.toLowerCase() !== 'true' || old?.toLowerCase() === 'true') continue;
        reports.push({
          messageId: 'npmrc-always-auth-changed',
          data: { old: old === undefined ? 'unset' : old, new: value },
          line,
          key: `${key}=true`,
          severity: 'warn',
        });
      }
    }
    return reports;
  },
};
