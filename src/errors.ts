// How a command's failure reaches the person: one message per kind of error, exit code 2, and
// for a hook the reminder that nothing was checked, so the commit or push is blocked.

import { UsageError } from './args.js';
import { writeFd } from './io.js';

/** Runs a command to its exit code; an error becomes its message on stderr and exit code 2. */
export async function exitCodeOf(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    writeFd(2, describeError(error));
    return 2;
  }
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
