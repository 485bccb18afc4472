#!/usr/bin/env node
// The `shipgate` bin: argv becomes a command object, then only the modules that command needs
// are loaded (the pre-commit path is latency-critical).

import { readFileSync } from 'node:fs';
import { parseArgs, helpText, UsageError, type Command } from './src/args.js';
import { hooksDisabled } from './src/skip.js';

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      process.stdout.write(helpText(command.topic));
      return 0;
    case 'version': {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    case 'install':
    case 'uninstall': {
      const installer = await import('./install.js');
      return command.name === 'install' ? installer.install({ prepare: command.prepare }) : installer.uninstall();
    }
    case 'pre-commit': {
      if (hooksDisabled()) return skipHook('pre-commit');
      // git runs hooks from the top of the working tree (githooks(5)). Start reading the staged
      // diff first, so git works while the rules load.
      const root = process.cwd();
      const diff = command.diffStdin ? readPipedDiff() : (await import('./src/git.js')).readStagedDiff(root);
      diff.catch(() => undefined); // awaited, and reported, by checkStaged
      return (await import('./src/commands/staged.js')).checkStaged(command, { root, diff });
    }
    case 'pre-push':
      if (hooksDisabled()) return skipHook('pre-push');
      return (await import('./src/commands/push.js')).checkPush(command);
    case 'scan':
      if (command.mode === 'staged') return (await import('./src/commands/staged.js')).checkStaged(command, {});
      return (await import('./src/commands/scan.js')).runScan(command);
    case 'baseline':
      return (await import('./src/commands/baseline.js')).writeBaseline();
    case 'init':
      return (await import('./src/commands/init.js')).runInit();
    case 'release': {
      const release = await import('./src/commands/release.js');
      return command.action === 'check' ? release.releaseCheck(command) : release.releaseApprove(command);
    }
    case 'rules':
      return (await import('./src/commands/rules.js')).listRules(command.format);
  }
}

/** The diff the hook stub pipes in, checked for git's exit status at its end. */
async function readPipedDiff(): Promise<Buffer> {
  const { readAllStdin } = await import('./src/io.js');
  const { splitPipedDiff } = await import('./src/diff-parse.js');
  const { diff, status } = splitPipedDiff(await readAllStdin());
  if (status === 0) return diff;
  const { GitError } = await import('./src/git.js');
  throw new GitError(['diff', '--cached'], status ?? null, status === undefined ? 'the staged diff piped in by the hook was cut short' : 'see its message above');
}

function skipHook(hook: string): number {
  process.stderr.write(`shipgate: ${hook} checks skipped (SHIPGATE=0)\n`);
  return 0;
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await run(parseArgs(process.argv.slice(2)));
  } catch (error) {
    code = 2;
    process.stderr.write(describeError(error));
  }
  process.exitCode = code;
}

function describeError(error: unknown): string {
  if (error instanceof UsageError) return `shipgate: ${error.message}\n${error.hint}\n`;
  const e = error as Error & { code?: string };
  switch (e?.name) {
    case 'ConfigError':
      return `shipgate: config error in ${e.message}\n`;
    case 'GitMissingError':
      return 'shipgate: git was not found on PATH. Install git or fix PATH; nothing was checked.\n';
    case 'GitError':
    case 'DiffParseError':
      return `shipgate: ${e.message}\nNothing was checked, so the operation is blocked.\n`;
    default:
      return `shipgate: internal error: ${e?.stack ?? String(error)}\nPlease report it; nothing was checked, so the operation is blocked.\n`;
  }
}

await main();
