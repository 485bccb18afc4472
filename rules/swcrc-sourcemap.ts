import { parseJsonc, stripJsonc } from '../src/parse/jsonc.js';
import type { ChangeRule } from '../src/types.js';
import { lineOfSetting, unparsable } from './support/change.js';
import { findSettings } from './support/js-config.js';
import { sourcemapReports, type MapLevel, type MapSetting } from './support/sourcemap-settings.js';

// swc's source map settings in .swcrc (JSON with comments; an object, or an array of them, one
// per `test` pattern). `sourceMaps: "inline"` appends the map to each output file as a data: URL
// and `inlineSourcesContent: true` puts the original source into the map: those ship code, so
// they block ('error'). `sourceMaps: true` writes separate .map files: a 'warn', they ship only
// if "files" or .npmignore let them through.
// https://swc.rs/docs/configuration/swcrc#sourcemaps
// https://swc.rs/docs/configuration/swcrc#inlinesourcescontent
// Settings before and after are compared as counts per level across the config objects, so a
// reformatting or a reordering of the array never reports.

export const swcrcSourcemap: ChangeRule = {
  id: 'swcrc-sourcemap',
  kind: 'change',
  description: '.swcrc turns on sourceMaps "inline" or inlineSourcesContent (error), or sourceMaps true (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/.swcrc', '**/.swcrc.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://swc.rs/docs/configuration/swcrc#sourcemaps',
  check: ({ path, before, after }) => {
    const next = parseJsonc(after);
    if (!next) return [];
    if (!next.ok) return [unparsable(path, next.error)];
    const prev = parseJsonc(before);
    return sourcemapReports(
      'swcrc-sourcemap',
      prev?.ok ? settingsOf(prev.value, before!) : null,
      settingsOf(next.value, after!),
    );
  },
};

function settingsOf(config: unknown, text: string): MapSetting[] {
  const objects = Array.isArray(config) ? config : [config];
  const stripped = stripJsonc(text);
  const found: MapSetting[] = [];
  for (const name of ['sourceMaps', 'inlineSourcesContent'] as const) {
    // Where each occurrence is, in text order (which is the order JSON.parse reads them in).
    const places = findSettings(stripped, [name]);
    let k = 0;
    objects.forEach((object) => {
      if (typeof object !== 'object' || object === null || Array.isArray(object) || !(name in object)) return;
      const value = (object as Record<string, unknown>)[name];
      const place = places[k++];
      found.push({
        setting: name,
        value: JSON.stringify(value) ?? String(value),
        level: levelOf(name, value),
        line: place?.line ?? lineOfSetting(text, name),
        ...(place ? { lineText: place.lineText } : {}),
      });
    });
  }
  return found;
}

function levelOf(name: 'sourceMaps' | 'inlineSourcesContent', value: unknown): MapLevel {
  if (name === 'inlineSourcesContent') return value === true ? 2 : 0;
  if (value === 'inline') return 2;
  return value === true ? 1 : 0;
}
