import type { FileRule } from '../src/types.js';

// Committed dotenv files: `.env`, `.env.<environment>` (.env.local, .env.production...) and
// `<name>.env`, in any folder. Templates meant to be committed (.env.example, .env.sample,
// .env.template, .env.dist, .env.defaults, .env.schema, dotenv-vault's encrypted .env.vault),
// direnv's .envrc and source files named after env (.env.d.ts, env.ts) are not findings.
// https://github.com/motdotla/dotenv#should-i-commit-my-env-file
export const envFile: FileRule = {
  id: 'env-file',
  kind: 'file',
  description: 'Committed .env files (.env, .env.local, .env.production, *.env); templates like .env.example are allowed',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/motdotla/dotenv#should-i-commit-my-env-file',
  // `.envrc`, `.env-sample` and `env.ts` match none of these.
  files: ['**/.env', '**/.env.*', '**/*.env'],
  check: ({ path, kind }) => {
    // A symlink records only where it points; a submodule is another repository.
    if (kind !== 'file') return null;
    const parts = path.slice(path.lastIndexOf('/') + 1).toLowerCase().split('.');
    if (parts.some((part) => TEMPLATE_PARTS.has(part))) return null;
    if (SOURCE_EXTENSIONS.has(parts.at(-1)!)) return null;
    return { messageId: 'env-file', data: { path } };
  },
};

/** Name parts that mark a file meant to be committed: .env.example, .env.local.sample, example.env. */
const TEMPLATE_PARTS = new Set([
  'example', 'examples', 'sample', 'samples', 'template', 'templates', 'tmpl', 'tpl', 'dist',
  'default', 'defaults', 'schema', 'vault',
]);

/** Last extensions of source and documentation files named after env: .env.d.ts, .env.mjs, .env.md. */
const SOURCE_EXTENSIONS = new Set([
  'ts', 'mts', 'cts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'php',
  'cs', 'swift', 'md', 'mdx', 'map',
]);
