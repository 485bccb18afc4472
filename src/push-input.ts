// Parses what git writes to a pre-push hook's stdin: one line per ref,
// `<local ref> SP <local sha> SP <remote ref> SP <remote sha> LF`.
// https://git-scm.com/docs/githooks#_pre_push

export interface RefUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
  /** The remote ref is being deleted: nothing is sent. */
  deletion: boolean;
  /** The remote does not have the ref yet. */
  creation: boolean;
}

export class PushInputError extends Error {
  constructor(line: number, problem: string) {
    super(`pre-push input line ${line}: ${problem}`);
    this.name = 'PushInputError';
  }
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

export function parsePushInput(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const parts = line.split(' ');
    if (parts.length !== 4) throw new PushInputError(i + 1, `expected 4 fields, got ${parts.length}`);
    const [localRef, localSha, remoteRef, remoteSha] = parts as [string, string, string, string];
    if (!SHA.test(localSha) || !SHA.test(remoteSha)) throw new PushInputError(i + 1, 'object ids must be 40 or 64 hex digits');
    updates.push({
      localRef, localSha, remoteRef, remoteSha,
      deletion: ZERO.test(localSha),
      creation: ZERO.test(remoteSha),
    });
  });
  return updates;
}
