// Commit latency: what shipgate's pre-commit hook adds to `git commit`, next to no hook and to
// git-secrets' hooks, in a repository of 20,000 tracked files, for a commit of 10 files with
// 1,000 added lines of ordinary (secret-free) code.
//
// The three configurations are three clones of one generated repository. Each iteration makes
// the same change in all three (new lines appended to 10 files not touched before), stages it
// with `git add`, and times only `git commit -q`; the order of the three rotates every
// iteration so machine noise spreads evenly. The same iterations also time the pieces of
// shipgate's cost: bare node startup (with and without NODE_EXTRA_CA_CERTS), loading the
// pre-commit path's modules without running them, shipgate's `git diff` alone, and
// `dist/bin.cjs pre-commit` run directly (the warm-up commits write its V8 code cache). Nothing is asserted: the figures and the targets are
// printed; the exit code is non-zero only when the benchmark itself breaks (a commit fails, the
// hook prints no success line, ...). git-secrets missing is not a break: its column is skipped.
//
// Environment: BENCH_ITERATIONS (measured iterations, default 15), BENCH_WARMUP (default 3),
// BENCH_FILES (tracked files, default 20000).

import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAGED_DIFF_ARGS } from '../src/git.js';
import { BenchError, envInt, makeTempDir, ms, must, removeTempDir, signedMs, summarize, timed } from './harness.js';
import { prng } from '../test/helpers/tokens.js';

const FILES_PER_COMMIT = 10;
const LINES_PER_FILE = 100;
const FILES_PER_FOLDER = 100;
const TARGET_ADDED_MS = 90;
const TARGET_RATIO = 0.65;

/** The diff shipgate's pre-commit reads: the same arguments as readStagedDiff in src/git.ts. */
const SHIPGATE_DIFF_ARGS = STAGED_DIFF_ARGS;

type ConfigId = 'none' | 'shipgate' | 'git-secrets';

interface Config {
  id: ConfigId;
  label: string;
  dir: string;
  samples: number[];
}

interface ShipgateLine {
  rules: number;
  files: number;
  lines: number;
  engineMs: number;
  text: string;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What the hook stub runs. */
const cli = join(projectRoot, 'dist', 'bin.cjs');
/** The pre-commit bundle loaded (from the code cache) and started, without running a check. */
const loadOnly = ['pre-commit', '--help'];

export async function main(): Promise<void> {
  const iterations = envInt('BENCH_ITERATIONS', 15);
  const warmup = envInt('BENCH_WARMUP', 3, 0);
  const fileCount = envInt('BENCH_FILES', 20_000, 100);
  const started = process.hrtime.bigint();
  if (!existsSync(cli)) throw new BenchError(`${cli} is missing; build first (npm run bench does)`);

  const env = isolatedEnv();
  const envNoCerts = { ...env };
  delete envNoCerts['NODE_EXTRA_CA_CERTS'];
  const extraCerts = env['NODE_EXTRA_CA_CERTS'];

  const gitVersion = must('git', ['--version'], { env }).stdout.trim();
  const secretsHelp = timed('git', ['secrets', '-h'], { env });
  const hasGitSecrets = /usage: git secrets/.test(secretsHelp.stdout + secretsHelp.stderr);

  console.log(`node ${process.version}, ${gitVersion}; ${iterations} measured iterations per configuration after ${warmup} warm-up, round-robin`);
  if (!hasGitSecrets) console.log('git-secrets not installed: apt-get install git-secrets (its column is skipped)');

  const tmp = makeTempDir('shipgate-bench-');
  try {
    // One repository, generated once, then cloned per configuration (a local clone hard-links the
    // pack and checks out a fresh index, so every clone starts in the same state).
    const source = join(tmp, 'source');
    const setupStarted = process.hrtime.bigint();
    const sourceFiles = generateRepository(source, fileCount, env);
    const configs: Config[] = [
      { id: 'none', label: 'no hook', dir: join(tmp, 'no-hook'), samples: [] },
      { id: 'shipgate', label: 'shipgate', dir: join(tmp, 'shipgate'), samples: [] },
    ];
    if (hasGitSecrets) configs.push({ id: 'git-secrets', label: 'git-secrets', dir: join(tmp, 'git-secrets'), samples: [] });
    for (const config of configs) {
      must('git', ['clone', '-q', source, config.dir], { env });
      // Keep automatic gc/maintenance out of the timings.
      must('git', ['config', 'gc.auto', '0'], { cwd: config.dir, env });
      must('git', ['config', 'maintenance.auto', 'false'], { cwd: config.dir, env });
    }
    const installed = installHooks(configs, env);
    const setupMs = Number(process.hrtime.bigint() - setupStarted) / 1e6;
    console.log(
      `setup: ${fileCount.toLocaleString('en-US')} tracked files generated, committed and cloned ${configs.length}x in ${(setupMs / 1000).toFixed(1)} s`,
    );
    for (const line of installed) console.log(`  ${line}`);

    // Files to change: .ts/.js sources in a fixed shuffled order, 10 new ones per iteration.
    const random = prng(0x5eed);
    const candidates = sourceFiles.filter((f) => /\.(ts|js)$/.test(f));
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }

    const probes = {
      diff: [] as number[],
      direct: [] as number[],
      directEngine: [] as number[],
      load: [] as number[],
      nodeCerts: [] as number[],
      nodeNoCerts: [] as number[],
      pairedShipgate: [] as number[],
      pairedSecrets: [] as number[],
    };
    let hookLine: ShipgateLine | undefined;
    let directLine: ShipgateLine | undefined;
    const ruleCounts = new Set<number>();

    const total = warmup + iterations;
    process.stdout.write(`running ${total} iterations (${warmup} warm-up) `);
    for (let iter = 0; iter < total; iter++) {
      const measured = iter >= warmup;
      const files = Array.from({ length: FILES_PER_COMMIT }, (_, f) => candidates[(iter * FILES_PER_COMMIT + f) % candidates.length]!);
      const additions = files.map((file, f) => addedCode(iter, f, file.endsWith('.ts')));
      const times = new Map<ConfigId, number>();
      const order = configs.map((_, k) => configs[(iter + k) % configs.length]!);
      for (const config of order) {
        files.forEach((file, f) => appendFileSync(join(config.dir, file), additions[f]!));
        must('git', ['add', '--', ...files], { cwd: config.dir, env });
        if (config.id === 'none') {
          // The pieces, timed on the same staged change right before this clone commits it.
          const diff = timed('git', SHIPGATE_DIFF_ARGS, { cwd: config.dir, env });
          if (diff.status !== 0) throw new BenchError(`git diff failed: ${diff.stderr}`);
          // As the hook stub runs it: git's diff piped into node, git's exit status appended.
          const piped = `{ git ${SHIPGATE_DIFF_ARGS.join(' ')}; printf '\\000shipgate-exit:%s\\000' "$?"; } | "${process.execPath}" "${cli}" pre-commit --diff-stdin`;
          const direct = timed('sh', ['-c', piped], { cwd: config.dir, env: envNoCerts });
          if (direct.status !== 0) throw new BenchError(`dist/bin.cjs pre-commit exited ${direct.status}:\n${direct.stdout}${direct.stderr}`);
          const line = parseShipgateLine(direct.stdout + direct.stderr);
          if (!line) throw new BenchError(`dist/bin.cjs pre-commit printed no success line:\n${direct.stdout}${direct.stderr}`);
          directLine = line;
          const load = timed(process.execPath, [cli, ...loadOnly], { cwd: config.dir, env: envNoCerts });
          if (load.status !== 0) throw new BenchError(`loading shipgate's modules failed:\n${load.stderr}`);
          if (measured) {
            probes.load.push(load.ms);
            probes.diff.push(diff.ms);
            probes.direct.push(direct.ms);
            probes.directEngine.push(line.engineMs);
          }
        }
        const commit = timed('git', ['commit', '-q', '-m', `bench: iteration ${iter}`], { cwd: config.dir, env });
        const output = commit.stdout + commit.stderr;
        if (commit.status !== 0) throw new BenchError(`commit in the ${config.label} clone exited ${commit.status}:\n${output}`);
        if (config.id === 'shipgate') {
          const line = parseShipgateLine(output);
          if (!line) throw new BenchError(`shipgate's hook printed no success line, so it did not run the check:\n${output}`);
          hookLine = line;
          ruleCounts.add(line.rules);
        }
        times.set(config.id, commit.ms);
        if (measured) config.samples.push(commit.ms);
      }
      // Bare node startup, both ways, in alternating order.
      const nodeRuns: Array<[number[], NodeJS.ProcessEnv]> = [[probes.nodeNoCerts, envNoCerts]];
      if (extraCerts !== undefined) nodeRuns[iter % 2 ? 'push' : 'unshift']([probes.nodeCerts, env]);
      for (const [samples, nodeEnv] of nodeRuns) {
        const run = timed(process.execPath, ['-e', '0'], { env: nodeEnv });
        if (run.status !== 0) throw new BenchError(`node -e 0 exited ${run.status}: ${run.stderr}`);
        if (measured) samples.push(run.ms);
      }
      if (measured) {
        probes.pairedShipgate.push(times.get('shipgate')! - times.get('none')!);
        if (hasGitSecrets) probes.pairedSecrets.push(times.get('git-secrets')! - times.get('none')!);
      }
      process.stdout.write(measured ? '.' : 'w');
    }
    process.stdout.write('\n\n');

    if (ruleCounts.size > 1) console.log(`note: the number of rules shipgate ran varied between commits: ${[...ruleCounts].join(', ')}`);
    report({ configs, probes, hookLine, directLine, extraCerts, hasGitSecrets, fileCount, iterations });
  } finally {
    removeTempDir(tmp);
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`\ncommit benchmark finished in ${totalS.toFixed(1)} s; temp folders removed`);
}

interface ReportInput {
  configs: Config[];
  probes: Record<'diff' | 'direct' | 'directEngine' | 'load' | 'nodeCerts' | 'nodeNoCerts' | 'pairedShipgate' | 'pairedSecrets', number[]>;
  hookLine: ShipgateLine | undefined;
  directLine: ShipgateLine | undefined;
  extraCerts: string | undefined;
  hasGitSecrets: boolean;
  fileCount: number;
  iterations: number;
}

function report(r: ReportInput): void {
  const n = (value: number) => value.toLocaleString('en-US');
  const median = (id: ConfigId) => summarize(r.configs.find((c) => c.id === id)?.samples ?? []).median;
  const base = median('none');
  console.log(
    `git commit of ${FILES_PER_COMMIT} files, ${n(FILES_PER_COMMIT * LINES_PER_FILE)} added lines, ` +
      `in a repository of ${n(r.fileCount)} tracked files (${r.iterations} commits per configuration)`,
  );
  console.log(`  ${'configuration'.padEnd(14)}${'median'.padStart(11)}${'min'.padStart(11)}${'max'.padStart(11)}${'added (median - no hook)'.padStart(27)}`);
  for (const config of r.configs) {
    const s = summarize(config.samples);
    const added = config.id === 'none' ? '' : signedMs(s.median - base);
    console.log(`  ${config.label.padEnd(14)}${ms(s.median).padStart(11)}${ms(s.min).padStart(11)}${ms(s.max).padStart(11)}${added.padStart(27)}`);
  }
  if (!r.hasGitSecrets) console.log(`  ${'git-secrets'.padEnd(14)}  skipped: git-secrets not installed: apt-get install git-secrets`);

  const shipAdded = median('shipgate') - base;
  const secretsAdded = r.hasGitSecrets ? median('git-secrets') - base : NaN;
  const ratio = shipAdded / secretsAdded;
  console.log('');
  console.log(`shipgate added latency: ${ms(shipAdded)} (median of per-commit differences: ${ms(summarize(r.probes.pairedShipgate).median)})`);
  if (r.hasGitSecrets) {
    console.log(`git-secrets added latency: ${ms(secretsAdded)} (median of per-commit differences: ${ms(summarize(r.probes.pairedSecrets).median)}; pre-commit + prepare-commit-msg + commit-msg hooks)`);
    console.log(`ratio shipgate_added / git_secrets_added: ${ratio.toFixed(2)}x`);
  }
  if (r.hookLine) {
    console.log(
      `shipgate ran ${n(r.hookLine.rules)} commit ${r.hookLine.rules === 1 ? 'rule' : 'rules'} on every commit ` +
        `(${n(r.hookLine.files)} files, ${n(r.hookLine.lines)} lines); last hook line: "${r.hookLine.text}"`,
    );
  }
  console.log('');
  console.log('targets (from the issue):');
  console.log(`  shipgate added latency <= ${TARGET_ADDED_MS} ms median: ${ms(shipAdded)}  ${shipAdded <= TARGET_ADDED_MS ? 'met' : 'missed'}`);
  if (r.hasGitSecrets) {
    console.log(`  shipgate added <= ${TARGET_RATIO}x git-secrets added: ${ratio.toFixed(2)}x  ${Number.isFinite(ratio) && secretsAdded > 0 && ratio <= TARGET_RATIO ? 'met' : 'missed'}`);
  } else {
    console.log(`  shipgate added <= ${TARGET_RATIO}x git-secrets added: not measured (git-secrets not installed: apt-get install git-secrets)`);
  }

  const nodeBare = summarize(r.probes.nodeNoCerts).median;
  const direct = summarize(r.probes.direct).median;
  const diff = summarize(r.probes.diff).median;
  const engine = summarize(r.probes.directEngine).median;
  const load = summarize(r.probes.load).median;
  console.log('');
  console.log(`where shipgate's time goes (medians over the same ${r.iterations} iterations):`);
  if (r.extraCerts !== undefined) {
    const withCerts = summarize(r.probes.nodeCerts).median;
    console.log(`  node -e 0 with NODE_EXTRA_CA_CERTS (${r.extraCerts})`.padEnd(78) + ms(withCerts).padStart(10));
    console.log(`  node -e 0 without it (the hook stub unsets it)`.padEnd(78) + ms(nodeBare).padStart(10) + `   (saves ${ms(withCerts - nodeBare)})`);
  } else {
    console.log(`  node -e 0 (NODE_EXTRA_CA_CERTS is not set here)`.padEnd(78) + ms(nodeBare).padStart(10));
  }
  console.log(`  git ${SHIPGATE_DIFF_ARGS.slice(0, 6).join(' ')} ... alone`.padEnd(78) + ms(diff).padStart(10));
  console.log(`  node dist/bin.cjs pre-commit --help: the check's bundle loaded, no check run`.padEnd(78) + ms(load).padStart(10));
  console.log(`  git diff | node dist/bin.cjs pre-commit --diff-stdin, as the stub runs it`.padEnd(78) + ms(direct).padStart(10));
  console.log(`    of which the rules engine itself (as shipgate reports it, whole ms)`.padEnd(78) + ms(engine, 0).padStart(10));
  console.log(`  shipgate's added latency in git commit`.padEnd(78) + ms(shipAdded).padStart(10));
  console.log(
    `  => node startup ${ms(nodeBare)}, shipgate work ${ms(direct - nodeBare)} ` +
      `(module loading ${ms(load - nodeBare)}; running ${ms(direct - load)}, git diff alone takes ${ms(diff)}, overlapped with node startup, ` +
      `and the rules ${ms(engine, 0)}); hook dispatch (git + sh stub) ${dispatch(shipAdded - direct)}`,
  );
  if (r.directLine) console.log(`  direct run printed: "${r.directLine.text}"`);
}

function dispatch(value: number): string {
  return Math.abs(value) < 3 ? `~0 ms (${signedMs(value)} measured, within noise)` : ms(value);
}

/** The environment for every child: no global/system git config, a fixed identity, no inherited git state. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // Repository selection and `git -c` from an outer git (the bench run from a hook) must not leak in.
    if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|PREFIX|CONFIG.*|NAMESPACE|COMMON_DIR)$/.test(key)) {
      delete env[key];
    }
  }
  // shipgate must run every rule, in plain text.
  delete env['SHIPGATE'];
  delete env['SHIPGATE_SKIP'];
  delete env['FORCE_COLOR'];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    // A global core.hooksPath would make both installers write hooks outside the temp clones.
    GIT_CONFIG_GLOBAL: devNull,
    GIT_AUTHOR_NAME: 'shipgate bench',
    GIT_AUTHOR_EMAIL: 'bench@shipgate.invalid',
    GIT_COMMITTER_NAME: 'shipgate bench',
    GIT_COMMITTER_EMAIL: 'bench@shipgate.invalid',
    GIT_TERMINAL_PROMPT: '0',
  };
}

function installHooks(configs: Config[], env: NodeJS.ProcessEnv): string[] {
  const done: string[] = [];
  for (const config of configs) {
    if (config.id === 'shipgate') {
      // The real installer, as a user runs it.
      const ran = must(process.execPath, [cli, 'install'], { cwd: config.dir, env });
      const stub = join(config.dir, '.git', 'hooks', 'pre-commit');
      if (!existsSync(stub) || !readFileSync(stub, 'utf8').includes('shipgate-hook:')) {
        throw new BenchError(`shipgate install did not write ${stub}:\n${ran.stdout}${ran.stderr}`);
      }
      done.push(`shipgate clone: ${ran.stdout.trim().split('\n').join('; ')}`);
    } else if (config.id === 'git-secrets') {
      const install = must('git', ['secrets', '--install'], { cwd: config.dir, env });
      must('git', ['secrets', '--register-aws'], { cwd: config.dir, env });
      done.push(`git-secrets clone: ${install.stdout.trim().split('\n').join('; ')}; AWS patterns registered`);
    }
  }
  return done;
}

const MODULES = ['auth', 'billing', 'catalog', 'orders', 'search', 'shipping', 'users', 'reports', 'notifications', 'settings'];
const STEMS = ['service', 'model', 'handler', 'store', 'client', 'mapper', 'validator', 'routes', 'cache', 'events'];

/**
 * Writes `count` small files in nested folders (packages/pkg-NN/src/<module>/, 100 per folder;
 * half .ts, a quarter .js, the rest .json and .md), then one `git add -A` and one commit.
 * Returns the paths, relative to the repository.
 */
function generateRepository(dir: string, count: number, env: NodeJS.ProcessEnv): string[] {
  mkdirSync(dir, { recursive: true });
  must('git', ['init', '-q', '-b', 'main', dir], { env });
  const paths: string[] = [];
  for (let j = 0; j < count; j++) {
    const folderIndex = Math.floor(j / FILES_PER_FOLDER);
    const module = MODULES[folderIndex % MODULES.length]!;
    const folder = `packages/pkg-${String(Math.floor(folderIndex / MODULES.length)).padStart(2, '0')}/src/${module}`;
    if (j % FILES_PER_FOLDER === 0) mkdirSync(join(dir, folder), { recursive: true });
    const slot = j % 20;
    const stem = STEMS[j % STEMS.length]!;
    const ext = slot < 10 ? 'ts' : slot < 15 ? 'js' : slot < 18 ? 'json' : 'md';
    const path = `${folder}/${stem}-${j}.${ext}`;
    writeFileSync(join(dir, path), baseContent(ext, module, stem, j));
    paths.push(path);
  }
  must('git', ['add', '-A'], { cwd: dir, env });
  must('git', ['commit', '-q', '--no-verify', '-m', 'Initial import'], { cwd: dir, env });
  // One pack instead of 20,000 loose objects, as in a real clone.
  must('git', ['repack', '-a', '-d', '-q'], { cwd: dir, env });
  return paths;
}

function baseContent(ext: string, module: string, stem: string, j: number): string {
  const name = `${module}${stem[0]!.toUpperCase()}${stem.slice(1)}${j}`;
  switch (ext) {
    case 'ts':
      return [
        `// ${module}/${stem}: part of the ${module} package.`,
        `import { formatLabel } from '../../shared/format.js';`,
        ``,
        `export function ${name}Label(value: number): string {`,
        `  return formatLabel('${module}', value);`,
        `}`,
        ``,
      ].join('\n');
    case 'js':
      return [
        `// ${module}/${stem} defaults.`,
        `export const ${name}Defaults = { retries: 3, timeoutMs: ${1000 + (j % 9) * 250} };`,
        ``,
        `export function ${name}Options(input) {`,
        `  return { ...${name}Defaults, ...input };`,
        `}`,
        ``,
      ].join('\n');
    case 'json':
      return `{\n  "name": "${module}-${stem}-${j}",\n  "version": "1.${j % 10}.0",\n  "enabled": ${j % 2 === 0},\n  "tags": ["${module}", "${stem}"]\n}\n`;
    default:
      return `# ${module} ${stem}\n\nNotes for the ${module} ${stem} code.\nRun the package tests before changing it.\n`;
  }
}

/** 100 new lines of ordinary code for file `f` of iteration `iter`: 10 snippets of 10 lines. */
function addedCode(iter: number, f: number, ts: boolean): string {
  const lines: string[] = [''];
  for (let k = 0; k < LINES_PER_FILE / 10; k++) lines.push(...snippet((iter + f + k) % 5, `R${iter}F${f}N${k}`, ts));
  if (lines.length !== LINES_PER_FILE + 1) throw new BenchError(`generated ${lines.length - 1} lines instead of ${LINES_PER_FILE}`);
  // The leading '' closes the file's last line; the block ends with a newline.
  return lines.slice(1).join('\n') + '\n';
}

function snippet(kind: number, id: string, ts: boolean): string[] {
  const t = (annotation: string) => (ts ? annotation : '');
  switch (kind) {
    case 0:
      return [
        `export function sumLineItems${id}(items${t(': readonly { unitPrice: number; quantity: number }[]')})${t(': number')} {`,
        `  let total = 0;`,
        `  for (const item of items) {`,
        `    if (item.quantity <= 0) continue;`,
        `    total += item.unitPrice * item.quantity;`,
        `  }`,
        `  const rounded = Math.round(total * 100) / 100;`,
        `  return rounded;`,
        `}`,
        ``,
      ];
    case 1:
      return [
        `// Retries with exponential backoff until the server answers 2xx.`,
        `export async function fetchJson${id}(url${t(': string')}, attempts = 3)${t(': Promise<unknown>')} {`,
        `  for (let attempt = 1; ; attempt++) {`,
        `    const response = await fetch(url, { headers: { accept: 'application/json' } });`,
        `    if (response.ok) return response.json();`,
        '    if (attempt >= attempts) throw new Error(`GET ${url} failed: ${response.status}`);',
        `    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));`,
        `  }`,
        `}`,
        ``,
      ];
    case 2:
      return [
        `export function groupBy${id}${t('<T, K extends keyof T>')}(rows${t(': readonly T[]')}, key${t(': K')})${t(': Map<T[K], T[]>')} {`,
        `  const groups = new Map${t('<T[K], T[]>')}();`,
        `  for (const row of rows) {`,
        `    const bucket = groups.get(row[key]);`,
        `    if (bucket) bucket.push(row);`,
        `    else groups.set(row[key], [row]);`,
        `  }`,
        `  return groups;`,
        `}`,
        ``,
      ];
    case 3:
      return [
        `export function toSlug${id}(title${t(': string')})${t(': string')} {`,
        `  return title`,
        `    .normalize('NFKD')`,
        `    .replace(/[\\u0300-\\u036f]/g, '')`,
        `    .toLowerCase()`,
        `    .replace(/[^a-z0-9]+/g, '-')`,
        `    .replace(/^-+|-+$/g, '')`,
        `    .slice(0, 80);`,
        `}`,
        ``,
      ];
    default:
      return [
        `// Calls fn once the calls have stopped for waitMs,`,
        `// with the arguments of the last call.`,
        `export function debounce${id}${t('<A extends unknown[]>')}(fn${t(': (...args: A) => void')}, waitMs = 250) {`,
        `  let timer${t(': ReturnType<typeof setTimeout> | undefined')};`,
        `  return (...args${t(': A')}) => {`,
        `    clearTimeout(timer);`,
        `    timer = setTimeout(() => fn(...args), waitMs);`,
        `  };`,
        `}`,
        ``,
      ];
  }
}

/** shipgate's success line: "shipgate: staged changes: no problems (10 files, 1,000 lines checked by N rules, M ms)". */
function parseShipgateLine(output: string): ShipgateLine | undefined {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const text = plain.split('\n').find((l) => /checked by [\d,]+ rules?/.test(l));
  if (!text) return undefined;
  const m = /([\d,]+) files?, ([\d,]+) lines? checked by ([\d,]+) rules?(?:, ([\d.]+) ms)?/.exec(text);
  const num = (s: string | undefined) => (s === undefined ? NaN : Number(s.replace(/,/g, '')));
  return { files: num(m?.[1]), lines: num(m?.[2]), rules: num(m?.[3]), engineMs: num(m?.[4]), text: text.trim() };
}
