// Every command: argv becomes a command object, then only the modules that command needs are
// loaded. bin.cts runs this from dist/main.cjs, a CommonJS bundle it compiles through V8's code
// cache (the pre-commit check has a smaller bundle of its own, dist/precommit.cjs); cli.ts runs
// it as an ES module.

import { parseArgs, helpText, type Command } from './src/args.js';
import { exitCodeOf } from './src/errors.js';
import { hooksDisabled, reportHookSkipped } from './src/skip.js';
import { toolVersion } from './src/version.js';

/** The exit code of the command `argv` names; errors are reported on stderr (exit code 2). */
export function main(argv: readonly string[]): Promise<number> {
  return exitCodeOf(() => run(parseArgs(argv)));
}

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      process.stdout.write(helpText(command.topic));
      return 0;
    case 'version':
      process.stdout.write(`${toolVersion() ?? 'unknown'}\n`);
      return 0;
    case 'install':
    case 'uninstall': {
      const installer = await import('./install.js');
      return command.name === 'install' ? installer.install({ prepare: command.prepare }) : installer.uninstall();
    }
    case 'pre-commit':
      return (await import('./src/commands/pre-commit.js')).runPreCommit(command);
    case 'pre-push':
      if (hooksDisabled()) return reportHookSkipped('pre-push');
      return (await import('./src/commands/push.js')).checkPush(command);
    case 'scan':
      if (command.mode === 'staged') return (await import('./src/commands/staged.js')).checkStaged(command, {});
      // One that reads every file starts a worker thread before the rest of the scan loads; one
      // of the tracked files through the cache starts git's listing of the index.
      if (!command.cache && (command.mode === 'tracked' || command.mode === 'paths')) (await import('./src/scan/scan-worker.js')).startEarlyWorker();
      if (command.cache && command.mode === 'tracked') (await import('./src/git.js')).startIndexListing(process.cwd());
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
