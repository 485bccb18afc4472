// `npm run demo`: a throwaway repository, shipgate's hooks installed by the real installer,
// a commit that leaks a token (blocked) and a clean one (passes). Nothing outside a temp dir
// is touched.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, encodeBase62 } from '../src/checksum.js';
import { colorLevel } from '../src/report/colors.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'shipgate-demo-'));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo', GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo', GIT_COMMITTER_EMAIL: 'demo@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

const color = colorLevel(process.stdout.isTTY === true) > 0;
const bold = (s: string): string => (color ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string): string => (color ? `\x1b[2m${s}\x1b[0m` : s);

function step(title: string): void {
  process.stdout.write(`\n${bold(`== ${title}`)}\n`);
}

function sh(command: string, args: string[]): number {
  process.stdout.write(dim(`$ ${[command, ...args].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}`) + '\n');
  const r = spawnSync(command, args, { cwd: dir, env, stdio: 'inherit' });
  return r.status ?? 1;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** A GitHub-shaped token with a valid checksum, made now: never a committed literal. */
function fakeGithubToken(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let entropy = '';
  for (let i = 0; i < 30; i++) entropy += alphabet[Math.floor(Math.random() * alphabet.length)];
  return `ghp_${entropy}${encodeBase62(crc32(entropy), 6)}`;
}

try {
  step(`A throwaway repository in ${dir}`);
  sh('git', ['init', '-q', '-b', 'main']);
  write('package.json', JSON.stringify({ name: 'demo-app', version: '1.0.0' }, null, 2) + '\n');
  write('src/index.js', 'console.log("hello");\n');
  sh('git', ['add', '-A']);
  sh('git', ['commit', '-q', '-m', 'initial commit']);

  step('Install the hooks (what `npx shipgate install` does in your project)');
  sh(process.execPath, [cli, 'install']);

  step('Commit a file that leaks a GitHub token: blocked');
  write('src/github.js', `// quick test, will remove later\nexport const client = new Octokit({ auth: '${fakeGithubToken()}' });\n`);
  sh('git', ['add', 'src/github.js']);
  const leaked = sh('git', ['commit', '-m', 'add github client']);
  process.stdout.write(`\n=> git commit exited ${leaked}: the commit was ${leaked === 0 ? 'NOT blocked (unexpected)' : 'blocked'}\n`);

  step('Read the token from the environment instead: passes');
  write('src/github.js', 'export const client = new Octokit({ auth: process.env.GITHUB_TOKEN });\n');
  sh('git', ['add', 'src/github.js']);
  const clean = sh('git', ['commit', '-m', 'add github client']);
  process.stdout.write(`\n=> git commit exited ${clean}\n`);
  sh('git', ['log', '--oneline']);
  process.exitCode = leaked !== 0 && clean === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
