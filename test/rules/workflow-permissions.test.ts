import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowPermissions } from '../../rules/workflow-permissions.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const ci = `name: CI
on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: none
    steps:
      - run: npm publish
`;

testChangeRule(workflowPermissions, {
  valid: [
    { name: 'unrelated step added', path: '.github/workflows/ci.yml', before: ci, after: ci.replace('npm ci && npm test', 'npm ci && npm run lint && npm test') },
    { name: 'reformatted: flow mapping and comments', path: '.github/workflows/ci.yml', before: ci,
      after: ci.replace('permissions:\n  contents: read\n', '# least privilege\npermissions: { contents: read }\n') },
    { name: 'narrowed: read-all to a scope', path: '.github/workflows/ci.yml', before: ci.replace('permissions:\n  contents: read\n', 'permissions: read-all\n'), after: ci },
    { name: 'top-level removed but every job has its own block', path: '.github/workflows/ci.yml',
      before: ci.replace('  test:\n    runs-on', '  test:\n    permissions: {}\n    runs-on'),
      after: ci.replace('  test:\n    runs-on', '  test:\n    permissions: {}\n    runs-on').replace('permissions:\n  contents: read\n\n', '') },
    { name: 'default replaced by explicit scopes', path: '.github/workflows/ci.yml', before: ci.replace('permissions:\n  contents: read\n\n', ''), after: ci },
    { name: 'new workflow with narrow write scope', path: '.github/workflows/release.yml', before: null,
      after: 'on: push\npermissions:\n  contents: write\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n' },
    { name: 'workflow deleted', path: '.github/workflows/ci.yml', before: ci.replace('contents: read\n\njobs', 'write-all\n\njobs'), after: null },
    { name: 'not a workflow file', path: '.github/dependabot.yml', before: ci, after: ci.replace(/contents: read/g, 'contents: write') },
    { name: 'yaml extension, write kept', path: '.github/workflows/ci.yaml', before: ci.replace('id-token: none', 'id-token: write'), after: ci.replace('id-token: none', 'id-token: write') },
  ],
  invalid: [
    {
      name: 'top-level scope raised to write',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('permissions:\n  contents: read\n\njobs', 'permissions:\n  contents: write\n\njobs'),
      reports: [{ messageId: 'workflow-permissions-widened', severity: 'error', line: 8, says: ['workflow permissions widened: contents: read -> contents: write'] }],
    },
    {
      name: 'job set to write-all',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('    permissions:\n      contents: read\n      id-token: none\n', '    permissions: write-all\n'),
      reports: [{ messageId: 'workflow-permissions-widened', line: 18, says: ['in job release: contents: read, id-token: none -> write-all'] }],
    },
    {
      name: 'job scope raised from none to write',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('id-token: none', 'id-token: write'),
      reports: [{ messageId: 'workflow-permissions-widened', line: 20, says: ['in job release: id-token: none -> id-token: write'] }],
    },
    {
      name: 'job scope added as write (absent meant none)',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('      id-token: none\n', '      id-token: none\n      packages: write\n'),
      reports: [{ messageId: 'workflow-permissions-widened', line: 21, says: ['packages: none -> packages: write'] }],
    },
    {
      name: 'top-level block removed: repository default',
      path: '.github/workflows/ci.yml', before: ci, after: ci.replace('permissions:\n  contents: read\n\n', ''),
      reports: [{ messageId: 'workflow-permissions-widened', says: ['contents: read -> repository default'] }],
    },
    {
      name: 'job block removed with no top-level block',
      path: '.github/workflows/ci.yml', before: ci.replace('permissions:\n  contents: read\n\n', ''),
      after: ci.replace('permissions:\n  contents: read\n\n', '').replace('    permissions:\n      contents: read\n      id-token: none\n', ''),
      reports: [{ messageId: 'workflow-permissions-widened', says: ['in job release', '-> repository default'] }],
    },
    {
      name: 'new job with write-all',
      path: '.github/workflows/ci.yml', before: ci, after: `${ci}  deploy:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: ./deploy.sh\n`,
      reports: [{ messageId: 'workflow-permissions-widened', line: 25, says: ['in job deploy: (new job) -> write-all'] }],
    },
    {
      name: 'new workflow with write-all',
      path: '.github/workflows/bot.yaml', before: null, after: 'on: issues\npermissions: write-all\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
      reports: [{ messageId: 'workflow-permissions-widened', line: 2 }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: '.github/workflows/ci.yml', before: ci, after: 'on: [push\njobs:\n',
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('workflow-permissions: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'permissions: write-all\n', '- ']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(workflowPermissions, { name: 'hostile', path: '.github/workflows/ci.yml', before: null, after: hostile });
    findingsForChange(workflowPermissions, { name: 'hostile', path: '.github/workflows/ci.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
