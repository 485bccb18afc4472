import type { ChangeReport, ChangeRule } from '../src/types.js';

// A new `COPY . .` / `ADD . /app` (the whole build context, also with --chown and other flags)
// while no .dockerignore applies: the Dockerfile's folder, the repository root and the BuildKit
// per-Dockerfile `<Dockerfile>.dockerignore` are checked. Without one the image gets .git, .env
// files, .npmrc and local keys along with the code, and every layer keeps them. `COPY --from=`
// copies from another stage or image, not the context, and is not reported.
// https://docs.docker.com/build/concepts/context/#dockerignore-files
// https://docs.docker.com/reference/dockerfile/#copy

interface Instruction {
  text: string;
  line: number;
}

/** Whole-context COPY/ADD instructions, continuation lines joined, comments and heredoc bodies skipped. */
export function copyAllInstructions(text: string): Instruction[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  let escape = '\\';
  // Parser directives: comment lines at the very top, before anything else.
  for (const line of lines) {
    const directive = /^#[ \t]{0,20}([a-z]{1,20})[ \t]{0,20}=[ \t]{0,20}(\S{1,20})/i.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    const first = lines[i]!.trim();
    if (first === '' || first.startsWith('#')) {
      i++;
      continue;
    }
    let joined = '';
    let current = lines[i]!;
    for (;;) {
      const trimmed = current.trimEnd();
      if (trimmed.endsWith(escape) && i + 1 < lines.length) {
        joined += `${trimmed.slice(0, -1)} `;
        i++;
        // Comment and empty lines inside a continued instruction are dropped.
        while (i < lines.length && /^[ \t]{0,1000}(?:#|$)/.test(lines[i]!) && i + 1 < lines.length) i++;
        current = lines[i]!;
      } else {
        joined += trimmed;
        i++;
        break;
      }
    }
    const heredoc = /<<-?[ \t]{0,10}(['"]?)([A-Za-z_]\w{0,63})\1/.exec(joined);
    if (heredoc) {
      while (i < lines.length && lines[i]!.trim() !== heredoc[2]) i++;
      i++;
    }
    const instruction = wholeContextCopy(joined.trim());
    if (instruction) out.push({ text: instruction, line: start + 1 });
  }
  return out;
}

const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

/** The normalized instruction when it copies the whole build context, else undefined. */
function wholeContextCopy(instruction: string): string | undefined {
  const m = /^(COPY|ADD)[ \t]/i.exec(instruction);
  if (!m) return undefined;
  const keyword = m[1]!.toUpperCase();
  const words = instruction.slice(keyword.length).trim().split(/[ \t]{1,1000}/);
  let first = 0;
  while (words[first]?.startsWith('--')) first++;
  const flags = words.slice(0, first);
  if (flags.some((f) => /^--from[= ]/i.test(f) || f.toLowerCase() === '--from')) return undefined;
  let args: string[];
  const rest = words.slice(first).join(' ');
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) return undefined;
      args = parsed as string[];
    } catch {
      return undefined;
    }
  } else {
    args = words.slice(first);
  }
  if (args.length < 2 || !args.slice(0, -1).some((source) => WHOLE_CONTEXT.has(source))) return undefined;
  return [keyword, ...flags, ...args].join(' ').slice(0, 160);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export const dockerfileCopyAll: ChangeRule = {
  id: 'dockerfile-copy-all',
  kind: 'change',
  description: 'Dockerfile newly copies the whole build context (COPY . .) and no .dockerignore applies',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/Containerfile'],
  excludeFiles: ['**/node_modules/**', '**/*.dockerignore'],
  needsRepoFiles: true,
  source: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  check: ({ path, before, after, repoFiles }) => {
    // Without the file list there is no telling whether a .dockerignore exists: say nothing.
    if (after === null || !repoFiles) return [];
    const dir = dirname(path);
    const ignoreFiles = [dir ? `${dir}/.dockerignore` : '.dockerignore', '.dockerignore', `${path}.dockerignore`];
    if (ignoreFiles.some((f) => repoFiles.has(f))) return [];
    const known = new Set(before === null ? [] : copyAllInstructions(before).map((c) => c.text));
    const reports: ChangeReport[] = [];
    for (const { text, line } of copyAllInstructions(after)) {
      if (known.has(text)) continue;
      known.add(text);
      reports.push({ messageId: 'dockerfile-copy-all', data: { instruction: text }, line, key: text });
    }
    return reports;
  },
};
