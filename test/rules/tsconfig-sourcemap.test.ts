import { test } from 'uvu';
import { tsconfigSourcemap } from '../../rules/tsconfig-sourcemap.js';
import { testChangeRule } from '../helpers/change-tester.js';

const base = `{
  // Build settings for the published package
  "extends": "./tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "declaration": true,
  },
}
`;
const withMaps = (options: string): string => base.replace('"declaration": true,', `"declaration": true,\n    ${options}`);

testChangeRule(tsconfigSourcemap, {
  valid: [
    { name: 'unrelated option added', path: 'tsconfig.json', before: base, after: withMaps('"strict": true,') },
    { name: 'reformatted only, maps still on', path: 'tsconfig.json', before: withMaps('"sourceMap": true,'), after: withMaps('"sourceMap": true').replace(/\n\s+/g, ' ') },
    { name: 'comment mentioning sourceMap', path: 'tsconfig.json', before: base, after: base.replace('// Build', '// sourceMap: true would go here. Build') },
    { name: 'turned off', path: 'tsconfig.json', before: withMaps('"inlineSources": true,'), after: withMaps('"inlineSources": false,') },
    { name: 'file deleted', path: 'tsconfig.build.json', before: withMaps('"inlineSources": true,'), after: null },
    { name: 'not a tsconfig', path: 'config/settings.json', before: base, after: withMaps('"inlineSources": true,') },
    { name: 'a string value, not true', path: 'tsconfig.json', before: base, after: withMaps('"sourceMap": "false",') },
  ],
  invalid: [
    {
      name: 'sourceMap and inlineSources turned on',
      path: 'tsconfig.json', before: base, after: withMaps('"sourceMap": true,\n    "inlineSources": true,'),
      reports: [
        { messageId: 'sourcemap-enabled', severity: 'warn', line: 7, says: ['compilerOptions.sourceMap', 'unset -> true'] },
        { messageId: 'sourcemap-enabled', severity: 'error', line: 8, says: ['compilerOptions.inlineSources', 'unset -> true'] },
      ],
    },
    {
      name: 'false to true in a build config',
      path: 'packages/cli/tsconfig.build.json', before: withMaps('"inlineSourceMap": false,'), after: withMaps('"inlineSourceMap": true,'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['false -> true'] }],
    },
    {
      name: 'new tsconfig with declarationMap',
      path: 'tsconfig.lib.json', before: null, after: withMaps('"declarationMap": true'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn' }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: 'tsconfig.json', before: base, after: '{ "compilerOptions": { "sourceMap": true, ',
      reports: [{ messageId: 'config-unparsable', severity: 'warn', says: ['could not parse tsconfig.json'] }],
    },
  ],
});

test.run();
