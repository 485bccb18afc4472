#!/usr/bin/env node
// The `shipgate` bin: argv becomes a command object, then only the modules that command needs
// are loaded (the pre-commit path is latency-critical).

import { readFileSync } from 'node:fs';
import { parseArgs, helpText, type Command } from './src/args.js';
import { hooksDisabled } from './src/skip.js';
import { exitCodeOf } from './src/errors.js';

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
    case 'pre-commit':
      return (await import('./src/commands/pre-commit.js')).runPreCommit(command);
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

function skipHook(hook: string): number {
  process.stderr.write(`shipgate: ${hook} checks skipped (SHIPGATE=0)\n`);
  return 0;
}

process.exitCode = await exitCodeOf(() => run(parseArgs(process.argv.slice(2))));
