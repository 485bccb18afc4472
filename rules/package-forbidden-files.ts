import type { PackageReport, PackageRule, PackedFile, Severity } from '../src/types.js';

// Files that have no business in a published package, by path (and, for .pem, by content).
// npm publishes whatever "files" or .npmignore let through; these slip in through a wide "files"
// entry, a missing .npmignore line, or a build that writes next to the output.
// https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files
// https://docs.npmjs.com/cli/v10/using-npm/developers#keeping-files-out-of-your-package
//
// error: what leaks credentials or code (dotenv files, .npmrc, private keys, .git/ contents,
//   coverage reports, which embed every covered source file in their HTML), the working folders
//   of AI coding tools (.claude/, .cursor/, .aider*, ...: prompts, transcripts, local settings,
//   sometimes keys), and archives, which are most often the previous release's tarball packed
//   into the next one.
// warning: test fixtures and test files (__tests__, *.test.*, *.spec.*): bytes and noise, and
//   fixtures sometimes hold real-looking tokens, but shipping them is a choice some packages make.
// One report per file, so that each can be approved or excluded on its own.

interface Category {
  category: string;
  kind: string;
  severity: Severity;
  /** What to put in .npmignore (or negate in "files") to keep it out. */
  exclude: string;
}

const ENV: Category = { category: 'env', kind: 'environment file', severity: 'error', exclude: '.env*' };
const NPMRC: Category = { category: 'npmrc', kind: 'npm config file (.npmrc)', severity: 'error', exclude: '.npmrc' };
const KEY: Category = { category: 'private-key', kind: 'private key', severity: 'error', exclude: '' };
const GIT: Category = { category: 'git', kind: 'git repository data (.git/)', severity: 'error', exclude: '.git/' };
const COVERAGE: Category = { category: 'coverage', kind: 'test coverage output', severity: 'error', exclude: '' };
const FIXTURE: Category = { category: 'test', kind: 'test fixture', severity: 'warn', exclude: '' };
const TEST: Category = { category: 'test', kind: 'test file', severity: 'warn', exclude: '' };
const AI: Category = { category: 'ai-tool', kind: 'AI coding tool folder', severity: 'error', exclude: '' };
const ARCHIVE: Category = { category: 'archive', kind: 'archive', severity: 'error', exclude: '' };

/** Name parts of dotenv templates meant to be shared (same list as the env-file rule). */
const ENV_TEMPLATE_PARTS = new Set([
  'example', 'examples', 'sample', 'samples', 'template', 'templates', 'tmpl', 'tpl', 'dist',
  'default', 'defaults', 'schema', 'vault',
]);
/** Source and docs named after env: .env.d.ts, env.mjs, .env.md. */
const ENV_SOURCE_EXTENSIONS = new Set([
  'ts', 'mts', 'cts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'md', 'mdx', 'map', 'json',
]);
const KEY_EXTENSIONS = new Set(['key', 'p12', 'pfx', 'jks', 'keystore', 'ppk']);
const SSH_KEY_NAME = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:[_-][a-z0-9@._-]{0,64})?(?:\.(?:bak|old|orig|backup|key|pem))?$/;
const AI_FOLDERS = new Set(['.claude', '.cursor', '.continue', '.windsurf', '.codeium']);
const FIXTURE_FOLDERS = new Set(['__fixtures__', '__tests__', '__snapshots__']);

/** What kind of forbidden file this is, or null. `file` is read only for .pem files. */
export function classifyPackedFile(file: Pick<PackedFile, 'path' | 'bytes'>): Category | null {
  const path = file.path;
  const parts = path.split('/');
  const name = parts.at(-1)!;
  const lower = name.toLowerCase();
  const folders = parts.slice(0, -1);

  if (folders.includes('.git')) return GIT;
  if (folders.some((f) => AI_FOLDERS.has(f) || f.startsWith('.aider')) || lower.startsWith('.aider')) {
    return { ...AI, exclude: `${folders.find((f) => AI_FOLDERS.has(f) || f.startsWith('.aider')) ?? '.aider*'}${folders.length ? '/' : ''}` };
  }
  if (lower === '.npmrc') return NPMRC;
  if (isEnvFile(lower)) return ENV;
  const extension = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  if (KEY_EXTENSIONS.has(extension) && !/truststore|cacerts/.test(lower)) return { ...KEY, exclude: `*.${extension}` };
  if (SSH_KEY_NAME.test(lower)) return { ...KEY, exclude: 'id_*' };
  if (extension === 'pem' && file.bytes().includes('PRIVATE KEY')) return { ...KEY, exclude: '*.pem' };
  if (/\.(?:tgz|tar\.gz|zip)$/.test(lower)) return { ...ARCHIVE, exclude: `*.${lower.endsWith('.zip') ? 'zip' : lower.endsWith('.tgz') ? 'tgz' : 'tar.gz'}` };
  const coverage = folders.findIndex((f) => f === 'coverage' || f === '.nyc_output');
  if (coverage !== -1) return { ...COVERAGE, exclude: `${folders[coverage]}/` };
  // A bundled dependency's tests are that dependency's business.
  if (folders.includes('node_modules')) return null;
  const fixtures = folders.findIndex((f, i) => FIXTURE_FOLDERS.has(f) || (f === 'fixtures' && i > 0 && /^tests?$/.test(folders[i - 1]!)));
  if (fixtures !== -1) {
    const folder = folders[fixtures]!;
    return { ...FIXTURE, exclude: folder === 'fixtures' ? `${folders[fixtures - 1]}/fixtures/` : `${folder}/` };
  }
  const test = /\.(test|spec)\.(?:[mc]?[jt]sx?|d\.[mc]?ts)(?:\.map)?$/.exec(lower);
  if (test) return { ...TEST, exclude: `*.${test[1]}.*` };
  return null;
}

function isEnvFile(lower: string): boolean {
  const parts = lower.split('.');
  const isEnv = lower === '.env' || lower.startsWith('.env.') || (parts.length > 1 && parts.at(-1) === 'env');
  if (!isEnv) return false;
  if (parts.some((p) => ENV_TEMPLATE_PARTS.has(p))) return false;
  return !ENV_SOURCE_EXTENSIONS.has(parts.at(-1)!);
}

export const packageForbiddenFiles: PackageRule = {
  id: 'package-forbidden-files',
  kind: 'package',
  description: 'Files a package should not ship: .env, .npmrc, private keys, .git/, coverage, AI tool folders, archives (error); test fixtures (warning)',
  severity: 'error',
  stages: ['release'],
  source: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#files',
  check: ({ pkg }) => {
    const reports: PackageReport[] = [];
    for (const file of pkg.files) {
      const found = classifyPackedFile(file);
      if (!found) continue;
      reports.push({
        messageId: 'forbidden-file',
        data: { file: file.path, kind: found.kind, category: found.category, exclude: found.exclude || file.path },
        file: file.path,
        key: `file:${file.path}`,
        match: file.path,
        severity: found.severity,
      });
    }
    return reports;
  },
};
