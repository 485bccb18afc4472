// The release gate on the March 2026 leak at full size: a build that writes a 60 MB
// `cli.js.map` whose sourcesContent holds ~2,000 TypeScript files the package does not ship.
// Times each phase of `shipgate release check` (worktree, build, pack, screen) and, in process,
// the screening of the packed tarball alone (target: well under 2 s).

import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import { defaultConfig } from '../src/config.js';
import { screenPackage } from '../src/release/gate.js';
import { packageFromTarball } from '../src/release/package.js';
import { rules } from '../rules/index.js';
import { BenchError, makeTempDir, ms, must, removeTempDir, summarize, timed } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'bin.cjs');

// Writes src/ (the sources the map embeds) when run with --sources, else the bundle and its map.
const BUILD = `
const fs = require('fs');
const files = fs.readdirSync('src').sort();
const sourcesContent = files.map((f) => fs.readFileSync('src/' + f, 'utf8'));
fs.mkdirSync('dist', { recursive: true });
const map = { version: 3, file: 'cli.js', sources: files.map((f) => '../src/' + f), sourcesContent, names: [], mappings: 'AAAA;' + 'AACA;'.repeat(2000) };
fs.writeFileSync('dist/cli.js', '#!/usr/bin/env node\\nrequire("./main");\\n//# sourceMappingURL=cli.js.map\\n');
fs.writeFileSync('dist/main.js', 'module.exports = 1;\\n');
fs.writeFileSync('dist/cli.js.map', JSON.stringify(map));
`;

/** ~2,000 realistic TypeScript modules, ~30 kB each: ~60 MB of sourcesContent. */
function writeSources(dir: string, targetBytes: number): number {
  mkdirSync(join(dir, 'src'), { recursive: true });
  let total = 0;
  let i = 0;
  while (total < targetBytes) {
    const name = `module${String(i).padStart(4, '0')}.ts`;
    const lines: string[] = [`// ${name}: part of the CLI`, `import { log } from './log';`, ''];
    for (let f = 0; f < 88; f++) {
      lines.push(
        `export async function handle${i}_${f}(input: Request${f % 7}, options: Options = {}): Promise<Result> {`,
        `  const value = await fetchThing(input.id, { retries: ${f % 5}, timeoutMs: ${1000 + f} });`,
        `  if (!value.ok) throw new CliError('command ${i}.${f} failed: ' + value.reason);`,
        `  return { status: 'done', count: value.items.length, label: options.label ?? 'item-${f}' };`,
        '}',
      );
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, 'src', name), text);
    total += text.length;
    i++;
  }
  return i;
}

export async function main(): Promise<void> {
  const dir = makeTempDir('shipgate-bench-release-');
  try {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_CONFIG_GLOBAL: '/dev/null' };
    const count = writeSources(dir, 60 * 1000 * 1000);
    writeFileSync(join(dir, 'build.js'), BUILD);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'big-cli', version: '1.0.0', bin: { big: 'dist/cli.js' }, files: ['dist'], scripts: { build: 'node build.js' } }, null, 2));
    writeFileSync(join(dir, '.gitignore'), 'dist/\n');
    must('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
    must('git', ['add', '-A'], { cwd: dir, env });
    must('git', ['commit', '-q', '-m', 'big cli'], { cwd: dir, env });
    must('git', ['tag', 'v1.0.0'], { cwd: dir, env });
    console.log(`generated ${count} TypeScript modules (~60 MB) in ${dir}; the build embeds them all in dist/cli.js.map`);

    const runs: Record<string, number[]> = {};
    let mapBytes = 0;
    let verdict = '';
    for (let i = 0; i < 3; i++) {
      const r = timed(process.execPath, [cli, 'release', 'check', 'v1.0.0', '--format', 'json'], { cwd: dir, env });
      if (r.status !== 1) throw new BenchError(`release check should block the leak (exit 1), got ${r.status}:\n${r.stderr}${r.stdout.slice(0, 2000)}`);
      const report = JSON.parse(r.stdout) as { releases: { origin: string; unpackedSize: number; phases: Record<string, number> }[]; findings: { ruleId: string; severity: string; message: string }[] };
      const tagged = report.releases.find((x) => x.origin.startsWith('tagged commit'))!;
      for (const [phase, value] of Object.entries(tagged.phases)) (runs[phase] ??= []).push(value);
      (runs['total (process)'] ??= []).push(r.ms);
      mapBytes = tagged.unpackedSize;
      verdict = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`).join('; ');
    }
    console.log(`\nshipgate release check v1.0.0 (3 runs, medians; package ${(mapBytes / 1e6).toFixed(1)} MB unpacked)`);
    for (const [phase, samples] of Object.entries(runs)) console.log(`  ${phase.padEnd(18)} ${ms(summarize(samples).median, 0).padStart(10)}`);
    console.log(`  verdict: blocked — ${verdict.slice(0, 300)}`);

    // The screening alone, in process, on the tarball npm made: what the 2 s target is about.
    const packDir = makeTempDir('shipgate-bench-pack-');
    must('npm', ['run', 'build', '--silent'], { cwd: dir, env });
    must('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: dir, env });
    const tgz = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
    const engine = createEngine([...rules.values()].filter((r) => r.stages.includes('release')));
    const screens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const pkg = packageFromTarball(readFileSync(tgz), 'bench');
      const findings = screenPackage(engine, engine, pkg, undefined, defaultConfig(), 'v1.0.0');
      screens.push(performance.now() - t);
      if (!findings.some((f) => f.ruleId === 'package-sourcemap' && f.severity === 'error')) throw new BenchError('the screen did not flag the map');
    }
    const screen = summarize(screens).median;
    console.log(`\nscreening the packed tarball alone (read tar + package rules incl. secrets in 60 MB of sourcesContent), median of 5: ${ms(screen, 0)}`);
    console.log(`target: well under 2 s -> ${screen < 2000 ? 'met' : 'missed'}`);
    removeTempDir(packDir);
  } finally {
    removeTempDir(dir);
  }
}
