import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowPullRequestTarget } from '../../rules/workflow-pull-request-target.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const jobs = `jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/labeler@v5
`;
const wf = (on: string): string => `name: Label\n${on}\n${jobs}`;

testChangeRule(workflowPullRequestTarget, {
  valid: [
    { name: 'pull_request added', path: '.github/workflows/label.yml', before: wf('on: push'), after: wf('on: [push, pull_request]') },
    { name: 'already there, reformatted to a map', path: '.github/workflows/label.yml', before: wf('on: [pull_request_target]'),
      after: wf('on:\n  # forks need labels too\n  pull_request_target:\n    types: [opened]') },
    { name: 'mentioned in a comment and a step name', path: '.github/workflows/label.yml', before: wf('on: push'),
      after: wf('# do not use pull_request_target here\non: push').replace('- uses', '- name: not pull_request_target\n        uses') },
    { name: 'removed', path: '.github/workflows/label.yml', before: wf('on: pull_request_target'), after: wf('on: pull_request') },
    { name: 'workflow deleted', path: '.github/workflows/label.yml', before: wf('on: pull_request_target'), after: null },
    { name: 'not a workflow', path: 'docs/workflow.yml', before: null, after: wf('on: pull_request_target') },
  ],
  invalid: [
    {
      name: 'string form',
      path: '.github/workflows/label.yml', before: wf('on: pull_request'), after: wf('on: pull_request_target'),
      reports: [{ messageId: 'workflow-pull-request-target', severity: 'error', line: 2, says: ['pull_request_target'] }],
    },
    {
      name: 'list form',
      path: '.github/workflows/label.yml', before: wf('on: [push]'), after: wf('on:\n  - push\n  - pull_request_target'),
      reports: [{ messageId: 'workflow-pull-request-target', line: 4 }],
    },
    {
      name: 'map form in a new workflow',
      path: '.github/workflows/greet.yaml', before: null, after: wf('on:\n  issues:\n  pull_request_target:\n    types: [opened, synchronize]'),
      reports: [{ messageId: 'workflow-pull-request-target', line: 4 }],
    },
    {
      name: 'quoted "on" key',
      path: '.github/workflows/label.yml', before: wf('"on": push'), after: wf('"on": [push, "pull_request_target"]'),
      reports: [{ messageId: 'workflow-pull-request-target', line: 2 }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: '.github/workflows/label.yml', before: wf('on: push'), after: 'on: pull_request_target\njobs:\n  x: [\n',
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('workflow-pull-request-target: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'on: pull_request_target\n', '- ']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(workflowPullRequestTarget, { name: 'hostile', path: '.github/workflows/ci.yml', before: null, after: hostile });
    findingsForChange(workflowPullRequestTarget, { name: 'hostile', path: '.github/workflows/ci.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
