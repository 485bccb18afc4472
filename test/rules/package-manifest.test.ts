import { test } from 'uvu';
import { packageManifest } from '../../rules/package-manifest.js';
import { bundle, testPackageRule } from '../helpers/package-tester.js';

const built = {
  'dist/index.js': 'export const x = 1;\n',
  'dist/index.cjs': 'exports.x = 1;\n',
  'dist/index.d.ts': 'export declare const x = 1;\n',
  'dist/cli.js': bundle(),
  'dist/features/a.js': 'export {};\n',
  'dist/features/b.js': 'export {};\n',
};

const library = {
  name: '@acme/lib',
  version: '3.0.0',
  type: 'module',
  main: './dist/index.cjs',
  module: 'dist/index.js',
  types: './dist/index.d.ts',
  bin: { acme: './dist/cli.js' },
  exports: {
    '.': { types: './dist/index.d.ts', import: './dist/index.js', require: './dist/index.cjs' },
    './features/*': './dist/features/*.js',
    './internal/*': null,
    './package.json': './package.json',
  },
};

testPackageRule(packageManifest, {
  valid: [
    { name: 'every entry point is packed', pkg: { manifest: library, files: built } },
    {
      name: 'main without extension, folder main, string bin, typings folder',
      pkg: {
        manifest: { main: 'lib/index', typings: 'types', bin: 'bin/acme' },
        files: { 'lib/index.js': 'x', 'types/index.d.ts': 'x', 'bin/acme': '#!/usr/bin/env node\n' },
      },
    },
    {
      name: 'no entry points at all, and empty fields',
      pkg: { manifest: { main: '', description: 'a data package' }, files: { 'data.json': '{}' } },
    },
    {
      name: 'same publishConfig, install scripts and private as the approved release',
      pkg: { manifest: { publishConfig: { access: 'public' }, scripts: { postinstall: 'node setup.js' } }, files: { 'setup.js': 'x' } },
      baseline: { manifest: { publishConfig: { access: 'public' }, scripts: { postinstall: 'node setup.js' } }, files: { 'setup.js': 'x' } },
    },
    {
      name: 'old-style folder export and nested conditions with arrays',
      pkg: {
        manifest: { exports: { './utils/': './dist/utils/', '.': { node: { import: ['./dist/index.js'], default: './dist/index.cjs' } } } },
        files: { 'dist/utils/a.js': 'x', 'dist/index.js': 'x', 'dist/index.cjs': 'x' },
      },
    },
  ],
  invalid: [
    {
      name: '"files" forgot the build: main, module, types, bin and exports all missing',
      pkg: { manifest: library, files: { 'README.md': '# lib\n' } },
      reports: [
        { messageId: 'entry-point-missing', severity: 'error', says: ['package.json main points at ./dist/index.cjs, which is not in the package'], fixSays: ['"files"'] },
        { messageId: 'entry-point-missing', data: { field: 'module', target: 'dist/index.js' } },
        { messageId: 'entry-point-missing', data: { field: 'types' } },
        { messageId: 'entry-point-missing', data: { field: 'bin.acme', target: './dist/cli.js' } },
        { messageId: 'entry-point-missing', data: { field: 'exports["."].types' } },
        { messageId: 'entry-point-missing', data: { field: 'exports["."].import' } },
        { messageId: 'entry-point-missing', data: { field: 'exports["."].require' } },
        { messageId: 'entry-point-missing', data: { field: 'exports["./features/*"]', target: './dist/features/*.js' } },
      ],
    },
    {
      name: 'one bin target and one nested condition missing',
      pkg: {
        manifest: {
          bin: { acme: 'dist/cli.js', 'acme-dev': 'dist/dev.js' },
          exports: { '.': { node: { import: './dist/index.js', require: './dist/index.cjs' }, default: './dist/index.js' } },
        },
        files: { 'dist/cli.js': bundle(), 'dist/index.js': 'x' },
      },
      reports: [
        { messageId: 'entry-point-missing', data: { field: 'bin["acme-dev"]', target: 'dist/dev.js' } },
        { messageId: 'entry-point-missing', says: ['exports["."].node.require points at ./dist/index.cjs'] },
      ],
    },
    {
      name: 'string exports and string bin missing',
      pkg: { manifest: { exports: './index.mjs', bin: './cli.mjs' }, files: { 'index.js': 'x' } },
      reports: [
        { messageId: 'entry-point-missing', data: { field: 'exports', target: './index.mjs' } },
        { messageId: 'entry-point-missing', data: { field: 'bin', target: './cli.mjs' } },
      ],
    },
    {
      name: 'private removed, publishConfig changed, install script added since the approved release',
      pkg: {
        manifest: {
          publishConfig: { access: 'public', registry: 'https://npm.evil.test/', tag: 'next' },
          scripts: { build: 'tsc', postinstall: 'node ./scripts/telemetry.js', preinstall: '' },
        },
        files: { 'scripts/telemetry.js': 'x' },
      },
      baseline: {
        manifest: { private: true, publishConfig: { access: 'restricted', tag: 'latest' }, scripts: { build: 'tsc' } },
        files: {},
      },
      reports: [
        { messageId: 'package-private-removed', severity: 'error' },
        { messageId: 'package-publish-config-changed', severity: 'error', says: ['publishConfig.access changed: "restricted" -> "public"'] },
        { messageId: 'package-publish-config-changed', severity: 'error', says: ['publishConfig.registry changed: unset -> "https://npm.evil.test/"'] },
        { messageId: 'package-publish-config-changed', severity: 'warn', says: ['publishConfig.tag'] },
        { messageId: 'package-install-script-added', severity: 'error', says: ['install script "postinstall" added: node ./scripts/telemetry.js'] },
      ],
    },
  ],
});

test.run();
