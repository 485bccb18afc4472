// The files other tools read: .pre-commit-hooks.yaml (the pre-commit framework) parses and names
// commands this CLI accepts, and every shipgate command in the README's hook manager and CI
// snippets is one the CLI accepts.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArgs, UsageError } from '../../src/args.js';
import { ROOT } from '../helpers/repo.js';

const s = suite('pre-commit hooks and README snippets');

interface PreCommitHook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  always_run?: boolean;
  stages?: string[];
  minimum_pre_commit_version?: string;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts?: Record<string, string> };

/** pre-commit splits `entry` with shlex; these entries are plain words. */
function words(entry: string): string[] {
  assert.not.match(entry, /["'\\$`]/, `entry "${entry}" is plain words`);
  return entry.trim().split(/\s+/);
}

s('.pre-commit-hooks.yaml parses, and each entry is a command the CLI accepts', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[];
  assert.ok(Array.isArray(hooks) && hooks.length > 0, 'a list of hooks');
  assert.equal(hooks.map((h) => h.id), ['shipgate']);
  for (const hook of hooks) {
    for (const key of ['id', 'name', 'entry', 'language'] as const) assert.type(hook[key], 'string', `${hook.id}: ${key}`);
    const [bin, ...args] = words(hook.entry);
    assert.ok(bin! in pkg.bin, `${hook.id}: "${bin}" is the package's bin`);
    const command = parseArgs(args);
    assert.is.not(command.name, 'help', `${hook.id}: a real command, not help`);
    if (hook.pass_filenames !== false) parseArgs([...args, 'src/a.js']);
  }
  const [hook] = hooks;
  assert.is(hook!.language, 'node');
  assert.is(hook!.entry, 'shipgate scan --staged');
  const command = parseArgs(words(hook!.entry).slice(1));
  assert.ok(command.name === 'scan' && command.mode === 'staged');
  assert.is(hook!.pass_filenames, false);
  assert.is(hook!.always_run, true, 'a change that only deletes files is checked too');
  assert.equal(hook!.stages, ['pre-commit']);
  // The stage is named "pre-commit" since pre-commit 3.2.0 ("commit" before).
  const [major = 0, minor = 0] = (hook!.minimum_pre_commit_version ?? '0').split('.').map(Number);
  assert.ok(major > 3 || (major === 3 && minor >= 2), 'minimum_pre_commit_version is at least 3.2.0');
});

s('file names appended to `scan --staged` are a usage error, so pass_filenames must stay false', () => {
  assert.throws(() => parseArgs(['scan', '--staged', 'src/a.js']), (e: unknown) => e instanceof UsageError);
});

s('pre-commit can install the hook: npm pack prints only the tarball name', () => {
  // pre-commit installs a node hook with `npm pack` in a clone and reads the tarball's name from
  // stdout. npm 11 prints the banners of scripts it runs in the foreground there, so a prepare or
  // prepack script needs foreground-scripts=false in the repository's .npmrc.
  const packScripts = ['prepack', 'prepare', 'postpack'].filter((name) => pkg.scripts?.[name]);
  if (packScripts.length === 0) return;
  const npmrc = readFileSync(join(ROOT, '.npmrc'), 'utf8');
  assert.match(npmrc, /^foreground-scripts\s*=\s*false\s*$/m, `.npmrc sets foreground-scripts=false (package.json runs ${packScripts.join(', ')})`);
});

s('every shipgate command in the README\'s hook manager and CI snippets is accepted', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Other hook managers and CI');
  assert.ok(start !== -1, 'the section exists');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  assert.ok(blocks.length >= 5, 'pre-commit, lefthook, lint-staged and workflow snippets');
  for (const [, lang, body] of blocks) if (lang === 'yaml') parse(body!); // throws on invalid YAML
  // Commands live in code: the snippets and `inline code`; <placeholders> are not commands.
  const code = [...blocks.map((b) => b[2]!), ...[...section.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)]
    .join('\n')
    .replace(/<[^>\n]*>/g, '');
  const commands = [...code.matchAll(/(?<![=\w.-])shipgate ((?:[a-z-]+|--[a-z-]+|\{\d\}|"\$\w+")(?: (?:[\w.]+\.sarif|[a-z-]+|--[a-z-]+|\{\d\}|"\$\w+"))*)/g)]
    .map((m) => m[1]!);
  const seen = new Set<string>();
  for (const line of commands) {
    // Placeholders that the hook manager or CI fills in.
    const args = line.split(' ').map((a) => (a === '{1}' ? 'origin' : a === '{2}' ? 'https://example.com/r.git' : a === '"$GITHUB_REF_NAME"' ? 'v1.0.0' : a));
    const command = parseArgs(args);
    assert.is.not(command.name, 'help', line);
    seen.add(`${command.name}${'mode' in command ? `:${command.mode}` : ''}`);
    if ('output' in command && command.format === 'sarif' && command.output === 'shipgate.sarif') seen.add('sarif');
  }
  for (const expected of ['scan:staged', 'scan:tracked', 'pre-push', 'release', 'sarif']) assert.ok(seen.has(expected), `README runs ${expected}`);
});

s.run();
