// The pre-commit hook's entry point, bundled by scripts/build.ts into dist/precommit.cjs: only
// what a commit check needs, loaded by bin.cts through V8's code cache. A commit waits for this,
// so it is kept apart from the rest of the CLI (see the commit benchmark in bench/commit.ts).

import { helpText, parseArgs } from './src/args.js';
import { runPreCommit } from './src/commands/pre-commit.js';
import { exitCodeOf } from './src/errors.js';
import { flushed, writeFd } from './src/io.js';

/** `argv` starts with "pre-commit". Resolves to the exit code once all output is written. */
export async function main(argv: string[]): Promise<number> {
  const code = await exitCodeOf(async () => {
    const command = parseArgs(argv);
    if (command.name === 'help') {
      writeFd(1, helpText(command.topic));
      return 0;
    }
    if (command.name !== 'pre-commit') throw new Error(`the pre-commit bundle was started for "${command.name}"`);
    return runPreCommit(command);
  });
  await flushed();
  return code;
}
