import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowActionUnpinned } from '../../rules/workflow-action-unpinned.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const sha = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const ci = `name: CI
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@${sha} # v4.0.2
        with:
          node-version: 20
      - run: npm ci && npm test
`;

testChangeRule(workflowActionUnpinned, {
  valid: [
    { name: 'run step added', path: '.github/workflows/ci.yml', before: ci, after: `${ci}      - run: npm run lint\n` },
    { name: 'new action pinned to a SHA', path: '.github/workflows/ci.yml', before: ci, after: `${ci}      - uses: codecov/codecov-action@${sha} # v4\n` },
    { name: 'existing tag moved to another line, quoted', path: '.github/workflows/ci.yml', before: ci,
      after: ci.replace('      - uses: actions/checkout@v4\n', '').replace('      - run:', '      - uses: "actions/checkout@v4"\n      - run:') },
    { name: 'local action and docker image', path: '.github/workflows/ci.yml', before: ci,
      after: `${ci}      - uses: ./.github/actions/setup\n      - uses: docker://alpine:3.19\n` },
    { name: 'a 64-hex SHA', path: '.github/workflows/ci.yml', before: ci, after: `${ci}      - uses: some/action@${'a1'.repeat(32)}\n` },
    { name: 'uses mentioned in a comment', path: '.github/workflows/ci.yml', before: ci, after: `# try uses: evil/action@main\n${ci}` },
    { name: 'workflow deleted', path: '.github/workflows/ci.yml', before: ci, after: null },
    { name: 'not a workflow', path: 'action.yml', before: null, after: 'runs:\n  using: composite\n  steps:\n    - uses: evil/action@main\n' },
  ],
  invalid: [
    {
      name: 'third-party action by tag',
      path: '.github/workflows/ci.yml', before: ci, after: `${ci}      - uses: tj-actions/changed-files@v44\n`,
      reports: [{ messageId: 'workflow-action-unpinned', severity: 'error', line: 12, says: ['action tj-actions/changed-files is pinned to "v44"'] }],
    },
    {
      name: 'first-party tag bumped: warning',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('actions/checkout@v4', 'actions/checkout@v5'),
      reports: [{ messageId: 'workflow-action-unpinned', severity: 'warn', line: 7, says: ['actions/checkout', '"v5"'] }],
    },
    {
      name: 'SHA replaced by a branch',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace(`actions/setup-node@${sha} # v4.0.2`, 'actions/setup-node@main'),
      reports: [{ messageId: 'workflow-action-unpinned', severity: 'warn', line: 8 }],
    },
    {
      name: 'action in a subfolder and a reusable workflow',
      path: '.github/workflows/ci.yml', before: ci,
      after: `${ci}      - uses: aws-actions/amazon-ecr-login/login@v2\n  reuse:\n    uses: octo-org/shared/.github/workflows/deploy.yml@main\n`,
      reports: [
        { messageId: 'workflow-action-unpinned', severity: 'error', line: 12, says: ['aws-actions/amazon-ecr-login/login'] },
        { messageId: 'workflow-action-unpinned', severity: 'error', line: 14, says: ['octo-org/shared/.github/workflows/deploy.yml', '"main"'] },
      ],
    },
    {
      name: 'github/ org: warning, in a new workflow',
      path: '.github/workflows/codeql.yaml', before: null,
      after: 'on: push\njobs:\n  analyze:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@v3\n',
      reports: [{ messageId: 'workflow-action-unpinned', severity: 'warn', line: 6 }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: '.github/workflows/ci.yml', before: ci, after: `${ci}    - uses: x/y@v1\n   bad: [\n`,
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('workflow-action-unpinned: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'uses: a/b@', '/']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(workflowActionUnpinned, { name: 'hostile', path: '.github/workflows/ci.yml', before: null, after: hostile });
    findingsForChange(workflowActionUnpinned, { name: 'hostile', path: '.github/workflows/ci.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
