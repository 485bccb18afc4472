// argv -> a plain command object, before anything runs. Nothing here touches git or the disk.

export type Format = 'text' | 'json' | 'sarif';

export interface OutputOptions {
  format: Format;
  /** Write the report here instead of stdout. */
  output?: string;
  /** Exit 1 only for findings at or above this severity (default: error). */
  failOn?: 'error' | 'warn';
}

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'install'; prepare: boolean }
  | { name: 'uninstall' }
  | ({ name: 'pre-commit'; diffStdin: boolean } & OutputOptions)
  | ({ name: 'pre-push'; remote: string; url: string } & OutputOptions)
  | ({
      name: 'scan';
      /** What to scan: the tracked files (default), given paths, the index, a commit's tree, changes since a ref, or all history. */
      mode: 'tracked' | 'paths' | 'staged' | 'ref' | 'since' | 'history';
      paths: string[];
      ref?: string;
      /** Also run the release gate when the repository is an npm package. */
      release: boolean;
      quiet: boolean;
      /** Skip the blob cache under .git/shipgate (for measuring a cold scan). */
      cache: boolean;
    } & OutputOptions)
  | { name: 'baseline' }
  | { name: 'init' }
  | ({ name: 'release'; action: 'check' | 'approve'; ref?: string; tarball?: string } & OutputOptions)
  | { name: 'rules'; format: Format };

export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

interface FlagSpec {
  description: string;
  /** Allowed values; absent for a boolean flag. */
  values?: readonly string[];
  /** Placeholder shown in help for a free-form value. */
  arg?: string;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  positionals: readonly string[];
  /** How many positionals are required. */
  required: number;
  details?: string;
}

const OUTPUT_FLAGS: Record<string, FlagSpec> = {
  format: { description: 'report format', values: ['text', 'json', 'sarif'] },
  output: { description: 'write the report to FILE instead of stdout', arg: 'FILE' },
};

export const COMMANDS: Record<string, CommandSpec> = {
  install: {
    summary: 'install the pre-commit and pre-push hooks into this repository',
    usage: 'shipgate install [--prepare]',
    flags: {
      prepare: {
        description: 'run from the npm "prepare" script: silent, and a no-op outside git, under CI or with SHIPGATE=0',
      },
    },
    positionals: [],
    required: 0,
    details:
      'Puts the hooks where git looks for them (core.hooksPath, linked worktrees and submodules\n' +
      'included), adds a line to .husky/ hooks when husky manages them, chains an existing hook,\n' +
      'and adds "shipgate install --prepare" to the package\'s "prepare" script for teammates.',
  },
  uninstall: {
    summary: 'remove the hooks and restore what install replaced',
    usage: 'shipgate uninstall',
    flags: {},
    positionals: [],
    required: 0,
  },
  'pre-commit': {
    summary: 'check the staged changes (run by the pre-commit hook)',
    usage: 'shipgate pre-commit [--diff-stdin] [--format text|json|sarif] [--output FILE]',
    flags: {
      'diff-stdin': { description: "read the staged diff from stdin, as the hook stub pipes it (else shipgate runs git)" },
      ...OUTPUT_FLAGS,
    },
    positionals: [],
    required: 0,
  },
  'pre-push': {
    summary: 'check what a push sends (run by the pre-push hook, refs on stdin)',
    usage: 'shipgate pre-push <remote> <url> [--format text|json|sarif] [--output FILE]',
    flags: OUTPUT_FLAGS,
    positionals: ['remote', 'url'],
    required: 0,
  },
  scan: {
    summary: 'run the rules by hand: tracked files, given paths, the index, a commit, changes since a ref, or all history',
    usage: 'shipgate scan [paths...] [--staged | --ref REF | --since REF | --history] [--release] [--format text|json|sarif] [--output FILE] [--fail-on error|warn] [--quiet] [--no-cache]',
    flags: {
      staged: { description: 'check the staged changes, as the pre-commit hook does' },
      ref: { description: "scan a commit's tree from git objects (the working tree is not read)", arg: 'REF' },
      since: { description: 'scan only what changed since REF (added lines, and config drift)', arg: 'REF' },
      history: { description: "scan every commit's added lines on all branches" },
      release: { description: 'also pack the package as npm would and run the release rules' },
      'fail-on': { description: 'lowest severity that makes the exit code 1', values: ['error', 'warn'] },
      quiet: { description: 'print nothing but findings' },
      'no-cache': { description: 'do not read or write the scan cache under .git/shipgate' },
      ...OUTPUT_FLAGS,
    },
    positionals: ['paths...'],
    required: 0,
    details:
      'Without paths: every tracked file of the working tree. With paths: every file below them,\n' +
      'tracked or not (a node_modules folder, build output). --ref reads the commit from git objects\n' +
      'only, its config included. --since compares the working tree (tracked files) with REF, as\n' +
      '`git diff REF` does. --history reads every non-merge commit of every branch and tag.\n' +
      'Files over scan.maxFileBytes (config, default 10 MB) are not read, binary files are checked\n' +
      'by name only. Results are cached under .git/shipgate/scan-cache by path, content and rule\n' +
      'set, so a re-scan reads only what changed. Large scans use every core: the main thread and a\n' +
      'worker thread per other core (--history: a worker per core, while the main thread reads\n' +
      "git's output; SHIPGATE_SCAN_THREADS=N: N workers instead, 0 for none).\n" +
      'Ctrl-C stops with a partial report and exit code 130.\n' +
      'Reports ignore entries that matched nothing.',
  },
  release: {
    summary: 'pack a release as npm would and screen it (check), or approve what it ships (approve)',
    usage: 'shipgate release check|approve [REF] [--tarball FILE] [--format text|json|sarif] [--output FILE]',
    flags: { tarball: { description: 'screen (or approve) an existing .tgz instead of packing', arg: 'FILE' }, ...OUTPUT_FLAGS },
    positionals: ['check|approve', 'REF'],
    required: 1,
    details:
      'check: builds and packs REF (default HEAD) in a temporary worktree exactly as `npm pack` would,\n' +
      'and also the working tree as it is when it is at REF; screens both for source maps, embedded\n' +
      'sources, secrets, forbidden files and drift from the approved release. approve: writes\n' +
      '.shipgate/release.json from that pack.',
  },
  init: {
    summary: 'look at the repository and write a commented shipgate.config.json (never overwrites one)',
    usage: 'shipgate init',
    flags: {},
    positionals: [],
    required: 0,
  },
  baseline: {
    summary: 'accept every current finding in .shipgate/baseline.json, so only new ones block',
    usage: 'shipgate baseline',
    flags: {},
    positionals: [],
    required: 0,
  },
  rules: {
    summary: 'list the built-in rules',
    usage: 'shipgate rules [--format text|json]',
    // SARIF lists rules only beside results; a scan's SARIF carries every rule that reported.
    flags: { format: { description: 'list format', values: ['text', 'json'] } },
    positionals: [],
    required: 0,
  },
};

const GLOBAL_HINT = "Run 'shipgate --help' for the commands.";

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { name: 'help', ...(rest[0] && first === 'help' ? { topic: rest[0] } : {}) };
  }
  if (first === '--version' || first === '-v') return { name: 'version' };
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`, GLOBAL_HINT);
  const spec = COMMANDS[first];
  if (!spec) {
    const near = Object.keys(COMMANDS).find((name) => name.startsWith(first.slice(0, 2)));
    throw new UsageError(`unknown command "${first}"`, near ? `Did you mean 'shipgate ${near}'? ${GLOBAL_HINT}` : GLOBAL_HINT);
  }
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  const hint = `Run 'shipgate ${first} --help' for its options.`;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { name: 'help', topic: first };
    if (arg === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for ${first}`, hint);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = spec.flags[name];
    if (!flag) throw new UsageError(`unknown option --${name} for ${first}`, hint);
    if (flag.values === undefined && flag.arg === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, hint);
      flags[name] = true;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`, hint);
    if (flag.values && !flag.values.includes(value)) {
      throw new UsageError(`--${name} must be one of ${flag.values.join(', ')}, not "${value}"`, hint);
    }
    flags[name] = value;
  }
  const variadic = spec.positionals.at(-1)?.endsWith('...') === true;
  if (!variadic && positionals.length > spec.positionals.length) {
    throw new UsageError(`unexpected argument "${positionals[spec.positionals.length]}" for ${first}`, hint);
  }
  if (positionals.length < spec.required) {
    throw new UsageError(`${first} needs <${spec.positionals[positionals.length]}>`, hint);
  }
  return toCommand(first, flags, positionals);
}

function toCommand(name: string, flags: Record<string, string | true>, positionals: string[]): Command {
  const output: OutputOptions = {
    format: (flags['format'] as Format | undefined) ?? 'text',
    ...(typeof flags['output'] === 'string' ? { output: flags['output'] } : {}),
    ...(flags['fail-on'] === 'warn' ? { failOn: 'warn' as const } : {}),
  };
  switch (name) {
    case 'install':
      return { name, prepare: flags['prepare'] === true };
    case 'uninstall':
      return { name };
    case 'pre-commit':
      return { name, diffStdin: flags['diff-stdin'] === true, ...output };
    case 'pre-push':
      return { name, remote: positionals[0] ?? '', url: positionals[1] ?? '', ...output };
    case 'scan': {
      const modes = (['staged', 'ref', 'since', 'history'] as const).filter((m) => flags[m] !== undefined);
      if (modes.length > 1) throw new UsageError(`scan takes one of --staged, --ref, --since, --history, not ${modes.map((m) => `--${m}`).join(' and ')}`, "Run 'shipgate scan --help'.");
      if (modes.length && positionals.length) throw new UsageError(`scan takes paths or --${modes[0]}, not both`, "Run 'shipgate scan --help'.");
      const mode = modes[0] ?? (positionals.length ? 'paths' : 'tracked');
      const ref = typeof flags['ref'] === 'string' ? flags['ref'] : typeof flags['since'] === 'string' ? flags['since'] : undefined;
      return {
        name, mode, paths: positionals, ...(ref ? { ref } : {}),
        release: flags['release'] === true, quiet: flags['quiet'] === true, cache: flags['no-cache'] !== true,
        ...output,
      };
    }
    case 'baseline':
    case 'init':
      return { name };
    case 'release': {
      const action = positionals[0];
      if (action !== 'check' && action !== 'approve') {
        throw new UsageError(`release needs "check" or "approve", not "${action}"`, "Run 'shipgate release --help'.");
      }
      const tarball = typeof flags['tarball'] === 'string' ? flags['tarball'] : undefined;
      if (tarball && positionals[1]) throw new UsageError('release takes a REF or --tarball, not both', "Run 'shipgate release --help'.");
      return {
        name, action, ...output,
        ...(positionals[1] ? { ref: positionals[1] } : {}),
        ...(tarball ? { tarball } : {}),
      };
    }
    case 'rules':
      return { name, format: output.format };
    default:
      throw new UsageError(`unknown command "${name}"`, GLOBAL_HINT);
  }
}

/** The help text of one command, or of the whole CLI. */
export function helpText(topic?: string): string {
  const spec = topic ? COMMANDS[topic] : undefined;
  if (topic && !spec) throw new UsageError(`unknown command "${topic}"`, GLOBAL_HINT);
  if (spec && topic) {
    const width = Math.max(...Object.keys(spec.flags).map((f) => f.length + 2), 8);
    const flagLines = Object.entries(spec.flags).map(([name, flag]) => {
      const value = flag.values ? ` ${flag.values.join('|')}` : flag.arg ? ` ${flag.arg}` : '';
      return `  --${(name + value).padEnd(width + 12)} ${flag.description}`;
    });
    return [
      `${spec.usage}`,
      '',
      `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
      ...(spec.details ? ['', spec.details] : []),
      ...(flagLines.length ? ['', 'Options:', ...flagLines] : []),
      '',
    ].join('\n');
  }
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'shipgate: git hooks that screen what leaves your machine',
    '',
    'Usage: shipgate <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Options: --help (also after a command), --version',
    'Environment: SHIPGATE=0 skips the hooks; SHIPGATE_SKIP=id,id skips rules (and says so).',
    'Exit codes: 0 clean, 1 blocking findings, 2 usage, config or internal error.',
    '',
  ].join('\n');
}
