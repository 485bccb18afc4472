import { test } from 'uvu';
import { packageForbiddenFiles } from '../../rules/package-forbidden-files.js';
import { bundle, testPackageRule } from '../helpers/package-tester.js';
import { pemLine, pemPrivateKey, randomFrom, BASE62 } from '../helpers/tokens.js';

const certificate = [pemLine('BEGIN').replace('PRIVATE KEY', 'CERTIFICATE'), randomFrom(BASE62, 64), pemLine('END').replace('PRIVATE KEY', 'CERTIFICATE')].join('\n');
const tarball = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

testPackageRule(packageForbiddenFiles, {
  valid: [
    {
      name: 'a tidy package',
      pkg: {
        files: {
          'dist/cli.js': bundle(),
          'dist/index.d.ts': 'export {};\n',
          'README.md': '# acme\n',
          LICENSE: 'MIT\n',
          'CHANGELOG.md': '## 2.1.0\n',
        },
      },
    },
    {
      name: 'templates and look-alikes: .env.example, .gitignore, .github/, env.ts, a certificate, public key',
      pkg: {
        files: {
          '.env.example': 'API_URL=\nAPI_TOKEN=\n',
          '.env.sample': 'PORT=3000\n',
          'config/.env.template': 'DB_URL=\n',
          '.gitignore': 'node_modules\n.env\n',
          '.github/workflows/ci.yml': 'on: push\n',
          'dist/env.js': 'module.exports = process.env;\n',
          'dist/.env.d.ts': 'export {};\n',
          'certs/ca.pem': certificate,
          'keys/id_ed25519.pub': 'ssh-ed25519 AAAA... ci@acme\n',
          'dist/testing.js': 'export const testing = true;\n',
          'docs/coverage.md': '# Coverage\n',
          'schemas/api.spec.json': '{}\n',
          'dist/claude.js': 'export {};\n',
          'node_modules/bundled-dep/test/fixtures/a.json': '{}',
          'node_modules/bundled-dep/index.test.js': 'test()',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'dotenv files and .npmrc',
      pkg: {
        files: {
          '.env': 'TOKEN=x\n',
          'config/.env.production': 'DB=x\n',
          'deploy/staging.env': 'A=1\n',
          '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
        },
      },
      reports: [
        { messageId: 'forbidden-file', severity: 'error', file: '.env', says: ['environment file .env is in the package'], fixSays: ['"files"', '.npmignore', 'rotate'] },
        { messageId: 'forbidden-file', severity: 'error', file: 'config/.env.production', data: { category: 'env' } },
        { messageId: 'forbidden-file', severity: 'error', file: 'deploy/staging.env' },
        { messageId: 'forbidden-file', severity: 'error', file: '.npmrc', says: ['npm config file (.npmrc) .npmrc'] },
      ],
    },
    {
      name: 'private keys: PEM with a private key, id_rsa, .key, .p12, .pfx',
      pkg: {
        files: {
          'certs/server.pem': pemPrivateKey(),
          'id_rsa': 'not really\n',
          'ssl/site.key': 'key\n',
          'certs/client.p12': Buffer.from([0x30, 0x82, 0x0a, 0x00]),
          'certs/client.pfx': Buffer.from([0x30, 0x82, 0x0b, 0x00]),
        },
      },
      reports: [
        { messageId: 'forbidden-file', severity: 'error', file: 'certs/server.pem', says: ['private key certs/server.pem'], data: { exclude: '*.pem' } },
        { messageId: 'forbidden-file', severity: 'error', file: 'id_rsa' },
        { messageId: 'forbidden-file', severity: 'error', file: 'ssl/site.key' },
        { messageId: 'forbidden-file', severity: 'error', file: 'certs/client.p12' },
        { messageId: 'forbidden-file', severity: 'error', file: 'certs/client.pfx' },
      ],
    },
    {
      name: 'git data and coverage output',
      pkg: {
        files: {
          '.git/config': '[core]\n',
          '.git/HEAD': 'ref: refs/heads/main\n',
          'coverage/lcov-report/index.html': '<html></html>',
          '.nyc_output/out.json': '{}',
        },
      },
      reports: [
        { messageId: 'forbidden-file', severity: 'error', file: '.git/config', says: ['git repository data (.git/) .git/config'] },
        { messageId: 'forbidden-file', severity: 'error', file: '.git/HEAD' },
        { messageId: 'forbidden-file', severity: 'error', file: 'coverage/lcov-report/index.html', says: ['test coverage output'], fixSays: ['"!coverage/"'] },
        { messageId: 'forbidden-file', severity: 'error', file: '.nyc_output/out.json' },
      ],
    },
    {
      name: 'test fixtures and test files: warnings',
      pkg: {
        files: {
          'test/fixtures/config.json': '{}',
          'src/__fixtures__/a.txt': 'a',
          'src/__tests__/cli.ts': 'test()',
          'dist/cli.test.js': 'test()',
          'dist/cli.spec.d.ts': 'export {};',
        },
      },
      reports: [
        { messageId: 'forbidden-file', severity: 'warn', file: 'test/fixtures/config.json', says: ['test fixture'], fixSays: ['test/fixtures/'] },
        { messageId: 'forbidden-file', severity: 'warn', file: 'src/__fixtures__/a.txt' },
        { messageId: 'forbidden-file', severity: 'warn', file: 'src/__tests__/cli.ts' },
        { messageId: 'forbidden-file', severity: 'warn', file: 'dist/cli.test.js', says: ['test file'], fixSays: ['*.test.*'] },
        { messageId: 'forbidden-file', severity: 'warn', file: 'dist/cli.spec.d.ts' },
      ],
    },
    {
      name: 'AI coding tool folders',
      pkg: {
        files: {
          '.claude/settings.local.json': '{}',
          '.cursor/rules/style.mdc': 'x',
          '.aider.chat.history.md': '# aider chat',
          '.continue/config.json': '{}',
          '.windsurf/rules.md': 'x',
          '.codeium/cache': 'x',
        },
      },
      reports: [
        { messageId: 'forbidden-file', severity: 'error', file: '.claude/settings.local.json', says: ['AI coding tool folder'], fixSays: ['".claude/"'] },
        { messageId: 'forbidden-file', severity: 'error', file: '.cursor/rules/style.mdc' },
        { messageId: 'forbidden-file', severity: 'error', file: '.aider.chat.history.md', fixSays: ['.aider*'] },
        { messageId: 'forbidden-file', severity: 'error', file: '.continue/config.json' },
        { messageId: 'forbidden-file', severity: 'error', file: '.windsurf/rules.md' },
        { messageId: 'forbidden-file', severity: 'error', file: '.codeium/cache' },
      ],
    },
    {
      name: 'archives: the previous tarball packed into the next one',
      pkg: { files: { 'acme-cli-2.0.0.tgz': tarball, 'release/build.tar.gz': tarball, 'assets/site.zip': Buffer.from('PK\u0003\u0004') } },
      reports: [
        { messageId: 'forbidden-file', severity: 'error', file: 'acme-cli-2.0.0.tgz', says: ['archive acme-cli-2.0.0.tgz'], fixSays: ['*.tgz'] },
        { messageId: 'forbidden-file', severity: 'error', file: 'release/build.tar.gz' },
        { messageId: 'forbidden-file', severity: 'error', file: 'assets/site.zip' },
      ],
    },
  ],
});

test.run();
