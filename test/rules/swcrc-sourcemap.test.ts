import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { swcrcSourcemap } from '../../rules/swcrc-sourcemap.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const swcrc = (extra: string): string => `{
  "$schema": "https://swc.rs/schema.json",
  // TypeScript in, CommonJS out
  "jsc": {
    "parser": { "syntax": "typescript", "tsx": false },
    "target": "es2022"
  },
  "module": { "type": "commonjs" },${extra}
}
`;

const list = (first: string, second: string): string => `[
  {
    "test": ".*\\\\.ts$",
    "jsc": { "parser": { "syntax": "typescript" } }${first}
  },
  {
    "test": ".*\\\\.js$",
    "jsc": { "parser": { "syntax": "ecmascript" } }${second}
  }
]
`;

testChangeRule(swcrcSourcemap, {
  valid: [
    { name: 'unrelated option added', path: '.swcrc', before: swcrc(''), after: swcrc('\n  "minify": true') },
    { name: 'reformatted, maps still on', path: '.swcrc', before: swcrc('\n  "sourceMaps": true,'), after: swcrc('').replace('{\n', '{\n  "sourceMaps":true,\n').replace(/\n  /g, '\n    ') },
    { name: 'a comment mentions inline maps', path: '.swcrc', before: swcrc(''), after: swcrc('\n  // "sourceMaps": "inline" for local debugging') },
    { name: 'inline lowered to true', path: '.swcrc', before: swcrc('\n  "sourceMaps": "inline"'), after: swcrc('\n  "sourceMaps": true') },
    { name: 'turned off', path: 'packages/core/.swcrc', before: swcrc('\n  "sourceMaps": true,\n  "inlineSourcesContent": true'), after: swcrc('\n  "sourceMaps": false,\n  "inlineSourcesContent": false') },
    { name: 'array entries reordered', path: '.swcrc', before: list(',\n    "sourceMaps": true', ''), after: list('', ',\n    "sourceMaps": true') },
    { name: 'file deleted', path: '.swcrc', before: swcrc('\n  "sourceMaps": "inline"'), after: null },
    { name: 'not an .swcrc', path: 'swc.config.json', before: null, after: swcrc('\n  "sourceMaps": "inline"') },
    { name: 'a string "true" is not true', path: '.swcrc', before: swcrc(''), after: swcrc('\n  "sourceMaps": "true"') },
  ],
  invalid: [
    {
      name: 'sourceMaps inline',
      path: '.swcrc', before: swcrc(''), after: swcrc('\n  "sourceMaps": "inline"'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', line: 9, says: ['sourceMaps changed: unset -> "inline"'] }],
    },
    {
      name: 'sourceMaps true and inlineSourcesContent',
      path: 'apps/api/.swcrc', before: swcrc('\n  "sourceMaps": false,'), after: swcrc('\n  "sourceMaps": true,\n  "inlineSourcesContent": true,'),
      reports: [
        { messageId: 'sourcemap-enabled', severity: 'warn', line: 9, says: ['false -> true'] },
        { messageId: 'sourcemap-enabled', severity: 'error', line: 10, says: ['inlineSourcesContent changed: unset -> true'] },
      ],
    },
    {
      name: 'true raised to inline',
      path: '.swcrc', before: swcrc('\n  "sourceMaps": true'), after: swcrc('\n  "sourceMaps": "inline"'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'error', says: ['true -> "inline"'] }],
    },
    {
      name: 'a second config in the array gains maps',
      path: '.swcrc', before: list(',\n    "sourceMaps": true', ''), after: list(',\n    "sourceMaps": true', ',\n    "sourceMaps": true'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn', line: 10 }],
    },
    {
      name: 'new .swcrc with maps',
      path: '.swcrc', before: null, after: swcrc('\n  "sourceMaps": true'),
      reports: [{ messageId: 'sourcemap-enabled', severity: 'warn' }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: '.swcrc', before: swcrc(''), after: '{ "sourceMaps": "inline", ',
      reports: [{ messageId: 'config-unparsable', severity: 'warn', says: ['could not parse .swcrc'] }],
    },
  ],
});

test('swcrc-sourcemap: adversarial input stays fast', () => {
  const inputs = [
    `{"a": [${'"sourceMaps",'.repeat(50_000)} 1]}`,
    `[${'{"sourceMaps": true},'.repeat(30_000)} {}]`,
    `{"x": "${'\\"'.repeat(200_000)}"}`,
    '/*'.repeat(200_000),
  ];
  for (const text of inputs) {
    const started = performance.now();
    findingsForChange(swcrcSourcemap, { name: 'adversarial', path: '.swcrc', before: null, after: text });
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 30))}...`);
  }
});

test.run();
