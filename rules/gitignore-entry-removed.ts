import type { ChangeReport, ChangeRule } from '../src/types.js';
import {
  COVERAGE, ENV_FILES, PRIVATE_KEYS, SOURCE_MAPS, removedEntries, type ProtectedKind,
} from './support/ignore-file.js';

// .gitignore entries that keep secrets and build output out of git. Removing one lets the next
// `git add .` commit .env files, private keys or an AI assistant's local settings (which can hold
// tokens and conversation logs): errors. Build output, source maps and coverage reports only bloat
// the repository and, through npm's .gitignore fallback, the package: warnings.
// An entry counts as removed when the paths it excluded are no longer excluded: replacing it with
// an equivalent or broader pattern, or moving it, is not a removal; a new "!" negation is.
// https://git-scm.com/docs/gitignore#_pattern_format

const CREDENTIALS: ProtectedKind = {
  protects: 'credentials', severity: 'error', dir: false,
  names: /^(?:\.npmrc|\.pypirc|\.netrc|secrets?(?:[._*-][\w.*-]{0,60})?|credentials?(?:[._*-][\w.*-]{0,60})?)$/i,
  probes: ['.npmrc', 'secrets.json', 'secrets.yml', 'secrets/production.json', 'credentials.json', 'config/credentials.yml'],
};

const AI_ASSISTANT: ProtectedKind = {
  protects: 'AI assistant files', severity: 'error', dir: true,
  names: /^\.(?:claude|cursor|aider|continue|codeium|windsurf|copilot)[\w.*-]{0,40}$/i,
  probes: [
    '.claude/settings.local.json', '.cursor/mcp.json', '.aider.chat.history.md', '.aider.tags.cache.v3/cache.db',
    '.continue/config.json', '.codeium/config.json', '.windsurf/rules.md', '.copilot/config.json',
  ],
};

const BUILD_OUTPUT: ProtectedKind = {
  protects: 'build output', severity: 'warn', dir: true,
  names: /^(?:dist|build|out|\.next|\.nuxt|\.output|\.svelte-kit)$/i,
  probes: ['dist/index.js', 'build/index.js', 'out/index.html', '.next/server/app.js'],
};

const KINDS: readonly ProtectedKind[] = [ENV_FILES, PRIVATE_KEYS, CREDENTIALS, AI_ASSISTANT, BUILD_OUTPUT, SOURCE_MAPS, COVERAGE];

export const gitignoreEntryRemoved: ChangeRule = {
  id: 'gitignore-entry-removed',
  kind: 'change',
  description: '.gitignore stops excluding env files, keys, credentials or AI assistant folders (error), build output, maps or coverage (warning)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/.gitignore'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://git-scm.com/docs/gitignore#_pattern_format',
  check: ({ before, after }) => {
    if (before === null) return [];
    return removedEntries(before, after, 'git', KINDS).map(({ entry, kind }): ChangeReport => ({
      messageId: 'ignore-entry-removed',
      data: { file: '.gitignore', entry, protects: kind.protects, target: 'git' },
      key: `removed:${entry}`,
      severity: kind.severity,
    }));
  },
};
