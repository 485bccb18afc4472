import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { debugEnabled } from '../../rules/debug-enabled.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const env = `# Production settings (no secrets here: they come from the vault)
NODE_ENV=production
DEBUG=false
LOG_LEVEL=info
PORT=8080
`;
const json = `{
  // node-config: config/production.json
  "server": { "port": 8080 },
  "debug": false,
  "logging": { "level": "info" }
}
`;
const django = `from .base import *

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
`;
const spring = `spring:
  datasource:
    url: jdbc:postgresql://db:5432/app
logging:
  level:
    root: INFO
`;

testChangeRule(debugEnabled, {
  valid: [
    { name: 'unrelated .env change', path: '.env.production', before: env, after: env.replace('PORT=8080', 'PORT=9090') },
    { name: 'comment mentions DEBUG=true', path: '.env.production', before: env, after: `${env}# DEBUG=true for local runs only\n` },
    { name: 'already on, reformatted', path: '.env.prod', before: env.replace('DEBUG=false', 'DEBUG=true'), after: env.replace('DEBUG=false', 'export DEBUG="true"') },
    { name: 'debug turned off', path: 'config/production.json', before: json.replace('"debug": false', '"debug": true'), after: json },
    { name: 'JSON reformatted', path: 'config/production.json', before: json, after: JSON.stringify({ server: { port: 8080 }, debug: false, logging: { level: 'info' } }) },
    { name: 'Django DEBUG from the environment', path: 'app/settings/production.py', before: django, after: django.replace('DEBUG = False', 'DEBUG = os.environ.get("DEBUG", "False") == "True"') },
    { name: 'not a production file', path: 'config/development.json', before: json, after: json.replace('"debug": false', '"debug": true') },
    { name: 'Spring: another logger at INFO', path: 'src/main/resources/application-prod.yml', before: spring, after: `${spring}    org.hibernate: WARN\n` },
    { name: 'file deleted', path: '.env.production', before: env.replace('DEBUG=false', 'DEBUG=true'), after: null },
  ],
  invalid: [
    {
      name: '.env: DEBUG=true',
      path: '.env.production', before: env, after: env.replace('DEBUG=false', 'DEBUG=true'),
      reports: [{ messageId: 'debug-enabled', severity: 'error', line: 3, says: ['DEBUG changed: false -> true in a production config'] }],
    },
    {
      name: '.env: debug namespaces and NODE_ENV=development',
      path: 'apps/api/.env.production', before: env, after: env.replace('DEBUG=false', 'DEBUG=express:*,app:*').replace('NODE_ENV=production', 'NODE_ENV=development'),
      reports: [
        { messageId: 'debug-enabled', line: 2, says: ['NODE_ENV changed: production -> development'] },
        { messageId: 'debug-enabled', line: 3, says: ['DEBUG changed: false -> express:*,app:*'] },
      ],
    },
    {
      name: '.env: APP_DEBUG and FLASK_DEBUG added, LOG_LEVEL=debug a warning',
      path: '.env.prod', before: env, after: `${env.replace('LOG_LEVEL=info', 'LOG_LEVEL=debug')}APP_DEBUG=true\nFLASK_DEBUG=1\n`,
      reports: [
        { messageId: 'debug-enabled', severity: 'warn', line: 4, says: ['LOG_LEVEL changed: info -> debug'] },
        { messageId: 'debug-enabled', severity: 'error', line: 6, says: ['APP_DEBUG changed: unset -> true'] },
        { messageId: 'debug-enabled', severity: 'error', line: 7, says: ['FLASK_DEBUG'] },
      ],
    },
    {
      name: 'node-config JSON: "debug": true',
      path: 'config/production.json', before: json, after: json.replace('"debug": false', '"debug": true'),
      reports: [{ messageId: 'debug-enabled', line: 4, says: ['debug changed: false -> true'] }],
    },
    {
      name: '*.production.json: nested debug',
      path: 'appsettings.production.json', before: '{"Logging": {"LogLevel": {"Default": "Warning"}}}', after: '{"Logging": {"LogLevel": {"Default": "Warning"}}, "App": {"Debug": true}}',
      reports: [{ messageId: 'debug-enabled', says: ['App.Debug changed: unset -> true'] }],
    },
    {
      name: 'Django: DEBUG = True',
      path: 'app/settings/production.py', before: django, after: django.replace('DEBUG = False', 'DEBUG = True  # temporary'),
      reports: [{ messageId: 'debug-enabled', line: 3, says: ['DEBUG changed: False -> True'] }],
    },
    {
      name: 'Spring: debug and logging.level.root=DEBUG (warning)',
      path: 'src/main/resources/application-prod.yml', before: spring, after: spring.replace('root: INFO', 'root: DEBUG') + 'debug: true\n',
      reports: [
        { messageId: 'debug-enabled', severity: 'warn', line: 6, says: ['logging.level.root changed: INFO -> DEBUG'] },
        { messageId: 'debug-enabled', severity: 'error', line: 7, says: ['debug changed: unset -> true'] },
      ],
    },
    {
      name: 'Spring properties',
      path: 'src/main/resources/application-prod.properties', before: 'server.port=8080\n', after: 'server.port=8080\nlogging.level.root=TRACE\n',
      reports: [{ messageId: 'debug-enabled', severity: 'warn', line: 2 }],
    },
    {
      name: 'JS config: debug: true',
      path: 'config/production.js', before: 'module.exports = {\n  port: 8080,\n  debug: false,\n};\n', after: 'module.exports = {\n  port: 8080,\n  debug: true,\n};\n',
      reports: [{ messageId: 'debug-enabled', line: 3, says: ['debug changed: false -> true'] }],
    },
    {
      name: 'Rails: consider_all_requests_local',
      path: 'config/production.rb', before: 'Rails.application.configure do\n  config.consider_all_requests_local = false\nend\n',
      after: 'Rails.application.configure do\n  config.consider_all_requests_local = true\nend\n',
      reports: [{ messageId: 'debug-enabled', line: 2 }],
    },
    {
      name: 'YAML does not parse: a warning, no crash',
      path: 'config/production.yaml', before: 'debug: false\n', after: 'debug: true\n  bad: [\n',
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('debug-enabled: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'debug: true\n', 'a:\n  ']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(debugEnabled, { name: 'hostile', path: 'config/production.yml', before: null, after: hostile });
    findingsForChange(debugEnabled, { name: 'hostile', path: 'config/production.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
