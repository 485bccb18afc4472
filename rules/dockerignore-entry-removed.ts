import type { ChangeReport, ChangeRule } from '../src/types.js';
import { ENV_FILES, PRIVATE_KEYS, removedEntries, type ProtectedKind } from './support/ignore-file.js';

// .dockerignore keeps files out of the build context, and so out of every `COPY . .` layer of
// the image. Removing the entries for .env files, .git, .npmrc or private keys, or deleting the
// file, puts them into images that get pushed to registries: errors. Docker anchors every
// pattern at the context root ("*.pem" is only the root's), which is how they are matched here.
// https://docs.docker.com/build/concepts/context/#dockerignore-files

const GIT_HISTORY: ProtectedKind = {
  protects: 'git history', severity: 'error', dir: true,
  names: /^\.git\*?$/i,
  probes: ['.git/config', '.git/HEAD'],
};

const NPM_CREDENTIALS: ProtectedKind = {
  protects: 'npm credentials', severity: 'error', dir: false,
  names: /^\.npmrc\*?$/i,
  probes: ['.npmrc'],
};

const KINDS: readonly ProtectedKind[] = [
  { ...ENV_FILES, probes: [...ENV_FILES.probes, 'app/.env'] },
  GIT_HISTORY, NPM_CREDENTIALS, PRIVATE_KEYS,
];

export const dockerignoreEntryRemoved: ChangeRule = {
  id: 'dockerignore-entry-removed',
  kind: 'change',
  description: '.dockerignore deleted, or its entries for .env files, .git, .npmrc or private keys removed',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/.dockerignore', '**/*.dockerignore'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  check: ({ before, after }) => {
    if (before === null) return [];
    const removed = removedEntries(before, after, 'docker', KINDS);
    if (after === null) {
      const kinds = [...new Set(removed.map((r) => r.kind.protects))];
      return [{
        messageId: 'ignore-entry-removed',
        data: { file: '.dockerignore', entry: '(whole file)', protects: kinds.length ? kinds.join(', ') : 'the files it listed', target: 'the Docker image' },
        key: 'deleted',
      }];
    }
    return removed.map(({ entry, kind }): ChangeReport => ({
      messageId: 'ignore-entry-removed',
      data: { file: '.dockerignore', entry, protects: kind.protects, target: 'the Docker image' },
      key: `removed:${entry}`,
    }));
  },
};
