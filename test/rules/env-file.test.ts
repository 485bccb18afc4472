import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { envFile } from '../../rules/env-file.js';
import { formatMessage } from '../../src/messages.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';

testRule(envFile, {
  valid: [
    { path: '.env.example' },
    { path: '.env.sample' },
    { path: '.env.template' },
    { path: '.env.dist' },
    { path: '.env.defaults' },
    { path: '.env.schema' },
    { path: 'apps/web/.env.local.example' },
    { path: 'docker/example.env' },
    { name: 'dotenv-vault encrypted file', path: '.env.vault' },
    { name: 'direnv', path: '.envrc' },
    { name: 'type declarations', path: 'src/.env.d.ts' },
    { name: 'source named env', path: 'src/env.ts' },
    { name: 'config module', path: 'src/config.env.ts' },
    { name: 'doc', path: 'docs/.env.md' },
    { name: 'hyphenated template', path: '.env-sample' },
    { name: 'virtualenv named .env', path: '.env/bin/activate' },
    { name: 'environment.yml', path: 'environment.yml' },
    { name: 'symlink records only its target', path: '.env', kind: 'symlink' },
    { name: 'submodule', path: 'vendor/.env', kind: 'submodule' },
  ],
  invalid: [
    { path: '.env', findings: [{ line: 0, column: 0 }] },
    { path: '.env.local', findings: [{ line: 0 }] },
    { path: '.env.production', findings: [{ line: 0 }] },
    { path: '.env.development.local', findings: [{ line: 0 }] },
    { path: '.env.test', findings: [{ line: 0 }] },
    { name: 'nested folder', path: 'apps/api/.env', findings: [{ line: 0 }] },
    { name: 'named env file', path: 'deploy/production.env', findings: [{ line: 0 }] },
    { name: 'added content does not matter', path: 'services/db/.env.staging', code: 'POSTGRES_PASSWORD=hunter2\n', findings: [{ line: 0 }] },
  ],
});

test('env-file: the message names the path', () => {
  const [finding] = findingsFor(envFile, { path: 'apps/api/.env.local' });
  assert.equal(finding?.messageId, 'env-file');
  assert.equal(finding?.data, { path: 'apps/api/.env.local' });
  assert.ok(formatMessage({ messageId: finding!.messageId, data: finding!.data }).message.includes('apps/api/.env.local'));
});

test.run();
