import { parseJsonc } from '../src/parse/jsonc.js';
import type { ChangeReport, ChangeRule } from '../src/types.js';
import { lineOfSetting, unparsable } from './support/change.js';
import { parseYaml, yamlLeaves } from './support/yaml.js';

// Production config files that newly turn debugging on: DEBUG / debug / APP_DEBUG / FLASK_DEBUG /
// Django's DEBUG = True / Rails' consider_all_requests_local (errors: stack traces, settings and
// sometimes secrets on error pages), NODE_ENV / FLASK_ENV / RAILS_ENV ... = development (errors:
// development mode in production), and log levels set to debug or trace, Spring's
// logging.level.* included (warnings: verbose logs that can carry tokens and personal data).
// Only values that were not already on are reported; a setting read from the environment
// (os.environ.get, process.env, ${VAR}) is not a literal and is left alone.
// https://owasp.org/Top10/A05_2021-Security_Misconfiguration/
// https://docs.djangoproject.com/en/stable/ref/settings/#debug

interface Setting {
  path: string;
  value: string;
  line: number;
}

type Format = 'json' | 'yaml' | 'python' | 'env' | 'code';

function formatOf(path: string): Format {
  if (/\.json5?$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.py$/i.test(path)) return 'python';
  if (/\.(?:[cm]?[jt]s|rb)$/i.test(path)) return 'code';
  return 'env'; // .env.production, .properties, .toml, .ini, .conf
}

function jsonLeaves(value: unknown, text: string): Setting[] {
  const out: Setting[] = [];
  const walk = (node: unknown, path: string, key: string, depth: number): void => {
    if (depth > 64 || out.length > 100_000) return;
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}.${i}`, key, depth + 1));
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k, k, depth + 1);
    } else if (path) {
      out.push({ path, value: String(node), line: lineOfSetting(text, key) });
    }
  };
  walk(value, '', '', 0);
  return out;
}

const ENV_LINE = /^[ \t]{0,40}(?:export[ \t]{1,10})?([A-Za-z_][\w.-]{0,199})[ \t]{0,20}[=:][ \t]{0,20}(.{0,1000})/;
const PYTHON_LINE = /^([A-Za-z_]\w{0,99})[ \t]{0,20}=[ \t]{0,20}(.{0,1000})/;
const CODE_LINE = /^[ \t]{0,80}["']?([A-Za-z_$][\w$.-]{0,99})["']?[ \t]{0,20}(?::|=(?!=))[ \t]{0,20}([^,;\n]{0,200})/;

function lineSettings(text: string, pattern: RegExp): Setting[] {
  const out: Setting[] = [];
  text.split('\n').forEach((line, i) => {
    const m = pattern.exec(line.replace(/\r$/, ''));
    if (m) out.push({ path: m[1]!, value: m[2]!, line: i + 1 });
  });
  return out;
}

function readSettings(path: string, text: string): Setting[] | { error: string } {
  const format = formatOf(path);
  if (format === 'json') {
    const parsed = parseJsonc(text)!;
    return parsed.ok ? jsonLeaves(parsed.value, text) : { error: parsed.error };
  }
  if (format === 'yaml') {
    const parsed = parseYaml(text);
    return parsed.ok ? yamlLeaves(parsed.docs, parsed.lines) : { error: parsed.error };
  }
  if (format === 'python') return lineSettings(text, PYTHON_LINE);
  if (format === 'code') return lineSettings(text, CODE_LINE);
  return lineSettings(text, ENV_LINE);
}

/** A value as written, without quotes, a trailing comment, a trailing comma or a Ruby symbol's colon. */
function clean(value: string): string {
  let v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.indexOf(v[0], 1) > 0) v = v.slice(1, v.indexOf(v[0], 1));
  else v = v.replace(/[ \t]{1,100}(?:#|\/\/).{0,2000}$/, '').replace(/[,;]$/, '').trim();
  return v.replace(/^:/, '').slice(0, 80);
}

const DEBUG_NAMES = new Set(['debug', 'app_debug', 'flask_debug', 'django_debug', 'debug_mode', 'consider_all_requests_local', 'display_errors']);
const ENV_NAMES = new Set(['node_env', 'flask_env', 'app_env', 'rails_env', 'rack_env', 'aspnetcore_environment', 'django_env', 'environment']);
const LOG_NAMES = new Set(['log_level', 'loglevel', 'logging_level']);

/** Whether a setting turns debugging on, and how bad that is. */
function debugSeverity(path: string, value: string, format: Format): 'error' | 'warn' | undefined {
  const name = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const v = value.toLowerCase();
  if (DEBUG_NAMES.has(name)) {
    if (/^(?:true|1|yes|on|\*)$/.test(v)) return 'error';
    // The debug package: DEBUG=express:*,app:* turns on namespaces.
    if (format === 'env' && name === 'debug' && /^[\w.*-]{1,100}:[\w.*,:-]{0,300}$/.test(value)) return 'error';
    return undefined;
  }
  if (ENV_NAMES.has(name)) return /^(?:dev|development|debug|local)$/.test(v) ? 'error' : undefined;
  if (LOG_NAMES.has(name) || /^logging\.level(?:\.|$)/i.test(path)) return /^(?:debug|trace|all|verbose)$/.test(v) ? 'warn' : undefined;
  return undefined;
}

export const debugEnabled: ChangeRule = {
  id: 'debug-enabled',
  kind: 'change',
  description: 'production config turns debug on (DEBUG=true, NODE_ENV=development...) or the log level to debug (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: [
    '**/.env.production', '**/.env.prod', '**/config/production.*', '**/config/prod.*', '**/*.production.json',
    '**/settings/production.py', '**/application-prod*.yml', '**/application-prod*.yaml', '**/application-prod*.properties',
  ],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://owasp.org/Top10/A05_2021-Security_Misconfiguration/',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readSettings(path, after);
    if ('error' in next) return [unparsable(path, next.error)];
    const parsedPrev = before === null ? [] : readSettings(path, before);
    const prev = new Map(('error' in parsedPrev ? [] : parsedPrev).map((s) => [s.path, clean(s.value)]));
    const format = formatOf(path);
    const reports: ChangeReport[] = [];
    for (const { path: setting, value: raw, line } of next) {
      const value = clean(raw);
      const severity = debugSeverity(setting, value, format);
      if (!severity) continue;
      const old = prev.get(setting);
      if (old !== undefined && debugSeverity(setting, old, format)) continue;
      reports.push({
        messageId: 'debug-enabled',
        data: { setting, old: old === undefined ? 'unset' : old, new: value },
        line,
        key: `${setting}=${value}`,
        severity,
      });
    }
    return reports;
  },
};
