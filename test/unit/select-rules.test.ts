// selectRules (src/engine.ts) applies the config's severities without building what a rule
// builds on first use: the generic rule's pattern stays a getter on the commit path.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { selectRules } from '../../src/engine.js';
import { rules } from '../../rules/index.js';

test('selectRules: a configured severity, the rule otherwise as it is defined', () => {
  const { rules: selected } = selectRules(rules.values(), 'commit', { 'generic-secret': 'warn', 'npm-token': 'off' }, new Set(['github-token']));
  const generic = selected.find((r) => r.id === 'generic-secret')!;
  assert.is(generic.severity, 'warn');
  assert.is(generic.configured, true);
  assert.type(Object.getOwnPropertyDescriptor(generic, 'pattern')?.get, 'function', 'the pattern is still built on first use');
  const original = rules.get('generic-secret')!;
  assert.is(original.severity, 'error', 'the registry is left alone');
  assert.equal(Object.keys(generic).sort(), [...Object.keys(original), 'configured'].sort());
  assert.is(generic.kind === 'content' && original.kind === 'content' && generic.pattern.source, original.kind === 'content' && original.pattern.source);
  assert.not.ok(selected.some((r) => r.id === 'npm-token' || r.id === 'github-token'));
});

test.run();
