// The registry in rules/index.ts against the source tree, and every content rule against input
// built to make a regex backtrack: a keyword followed by long runs of the characters it accepts.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rules } from '../../rules/index.js';
import { hasMessage } from '../../src/messages.js';
import type { ContentRule, FileRule } from '../../src/types.js';
import { findingsFor } from '../helpers/rule-tester.js';

// Compiled to dist/test/rules/registry.test.js: the repository root is three levels up.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.slice(0, -'.ts'.length));
const contentRules = [...rules.values()].filter((r): r is ContentRule => r.kind === 'content');
const fileRules = [...rules.values()].filter((r): r is FileRule => r.kind === 'file');

test('registry: every file in rules/ is registered under its file name', async () => {
  assert.ok(ruleFiles.length > 0, 'found the rules/ folder from the compiled test');
  for (const id of ruleFiles) {
    const registered = rules.get(id);
    assert.ok(registered, `rules/${id}.ts is registered in rules/index.ts`);
    const module = (await import(pathToFileURL(join(here, '..', '..', 'rules', `${id}.js`)).href)) as Record<string, unknown>;
    assert.ok(Object.values(module).includes(registered), `rules/${id}.ts exports the rule registered as "${id}"`);
  }
  assert.equal([...rules.keys()].sort(), [...ruleFiles].sort(), 'no registered rule without a file');
});

test('registry: keys are sorted and match the rules\' ids', () => {
  const keys = [...rules.keys()];
  assert.equal(keys, [...keys].sort());
  for (const [key, rule] of rules) assert.is(rule.id, key);
});

test('registry: every rule has a test table', () => {
  const tests = new Set(readdirSync(join(root, 'test', 'rules')));
  for (const id of rules.keys()) assert.ok(tests.has(`${id}.test.ts`), `test/rules/${id}.test.ts exists`);
});

test('registry: every rule is complete', () => {
  for (const rule of rules.values()) {
    assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${rule.id}: kebab-case id`);
    assert.ok(rule.description.length > 0, `${rule.id}: description`);
    assert.match(rule.source, /^https:\/\//, `${rule.id}: source is a URL`);
    assert.ok(rule.stages.length > 0, `${rule.id}: stages`);
  }
});

test('registry: content rules have a global pattern, lower-case keywords and a way to revoke', () => {
  for (const rule of contentRules) {
    assert.ok(rule.pattern.flags.includes('g'), `${rule.id}: pattern has the g flag`);
    if (rule.anchored) assert.ok(rule.pattern.sticky && !rule.multiline, `${rule.id}: an anchored rule has a sticky pattern and is not multi-line`);
    if (rule.lineHas instanceof RegExp) assert.ok(!rule.lineHas.global && !rule.lineHas.sticky, `${rule.id}: lineHas has no g or y flag`);
    if (rule.lineHas) assert.ok(!rule.anchored, `${rule.id}: a rule with lineHas is not anchored`);
    assert.ok(rule.keywords.length > 0, `${rule.id}: has keywords`);
    for (const keyword of rule.keywords) assert.is(keyword, keyword.toLowerCase(), `${rule.id}: keyword "${keyword}" is lower case`);
    assert.ok(rule.secretName.length > 0, `${rule.id}: secretName`);
    assert.match(rule.revoke, /https:\/\//, `${rule.id}: revoke names a URL`);
    assert.ok(hasMessage('secret'), 'content findings use the "secret" message');
  }
});

// Paths that some file rule reports; every message code they produce must have text.
const FILE_PROBES = [
  '.env', 'apps/api/.env.production', 'deploy/prod.env', '.env.example', 'id_rsa', 'id_rsa.pub',
  'certs/client.p12', 'keys/app.pfx', 'server.jks', 'release.keystore', 'server.ppk', 'README.md',
];

test('registry: file rules report message codes that have text', () => {
  for (const rule of fileRules) {
    let reported = 0;
    for (const path of FILE_PROBES) {
      const ref = rule.check({ path, kind: 'file', status: 'A' });
      if (!ref) continue;
      reported++;
      assert.ok(hasMessage(ref.messageId), `${rule.id}: message code "${ref.messageId}" has text in src/messages.ts`);
    }
    assert.ok(reported > 0, `${rule.id}: reports at least one of the probe paths (add one to FILE_PROBES)`);
  }
});

// Runs of the characters token formats are made of, and of the separators between their parts.
const FILLERS = ['A', 'a', '1', '-1', '_a', '/+', ' =', ':', '\\n', 'A\n'];
const LIMIT = 10;

for (const rule of contentRules) {
  test(`registry: ${rule.id} survives adversarial input`, () => {
    for (const keyword of rule.keywords) {
      for (const start of new Set([keyword, keyword.toUpperCase()])) {
        const inputs = [
          ...FILLERS.map((filler) => start + filler.repeat(Math.ceil(200_000 / filler.length))),
          // Many keyword lines, each its own candidate.
          (start + '\n').repeat(Math.ceil(200_000 / (start.length + 1))),
          // One 1 MB line of keywords, each followed by a token-like run cut one short.
          (start + 'A1b2'.repeat(10) + '-').repeat(Math.ceil(1_000_000 / (start.length + 41))),
        ];
        for (const code of inputs) {
          const findings = findingsFor(rule, { path: 'adversarial.txt', code });
          assert.ok(findings.length <= LIMIT, `${rule.id}: ${findings.length} findings from ${JSON.stringify(code.slice(0, 40))}...`);
        }
      }
    }
  });
}

// Catastrophic backtracking costs orders of magnitude, not percent: each rule's worst adversarial
// input is bounded by 100x its time on the same amount of ordinary code that hits its keywords
// (200 ms floor, best of 3), which no noisy machine reaches by chance.
function bestOf3(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

for (const rule of contentRules) {
  test(`registry: ${rule.id} is linear on adversarial input, measured against ordinary text`, () => {
    const keyword = rule.keywords[0]!;
    const ordinaryLine = `  const value${keyword.replace(/[^a-z0-9]/gi, '')} = settings.${keyword.replace(/[^a-z0-9]/gi, '')}Value ?? fallback(42); // ${keyword} docs`;
    const ordinary = Array.from({ length: Math.ceil(1_000_000 / ordinaryLine.length) }, () => ordinaryLine).join('\n');
    const adversarial = [
      keyword + 'A'.repeat(1_000_000),
      (keyword + 'A1b2'.repeat(10) + '-').repeat(Math.ceil(1_000_000 / (keyword.length + 41))),
      (keyword + '=').repeat(Math.ceil(1_000_000 / (keyword.length + 1))),
    ];
    const base = bestOf3(() => findingsFor(rule, { path: 'ordinary.ts', code: ordinary }));
    for (const code of adversarial) {
      const worst = bestOf3(() => findingsFor(rule, { path: 'adversarial.txt', code }));
      assert.ok(worst <= Math.max(100 * base, 200), `${rule.id}: ${worst.toFixed(1)} ms on ${JSON.stringify(code.slice(0, 30))}... vs ${base.toFixed(1)} ms on ordinary text`);
    }
  });
}

test.run();
