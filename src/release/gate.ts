// The release gate: make the package as npm would publish it from a tagged commit (a temporary
// worktree, the configured build, `npm pack`), or from the working tree as it is, and screen
// it with the package rules against the approved or previous release.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { runPackageRules, type Engine } from '../engine.js';
import {
  addWorktree, commonGitDir, listTagsByVersion, listTreeFiles, readFileAt, removeWorktree, resolveCommit,
} from '../git.js';
import { installDependencies, npmPack, NpmError, runScript } from '../pack.js';
import type { Finding, PackedPackage, ReleaseBaseline } from '../types.js';
import { fileRecords, packageFromTarball } from './package.js';
import { makeScanText } from './scan-text.js';
import { readApproved } from './approved.js';
import { tagVersion } from '../../rules/release-version.js';

export interface Phases {
  worktree?: number;
  install?: number;
  build?: number;
  pack?: number;
  screen?: number;
}

export class ReleaseError extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly tail = '',
  ) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/**
 * Whether a tag name is a release tag under the configured pattern. Matched like
 * `git tag --list <pattern>` (wildmatch without pathname rules): `*` crosses `/`, so "*@*"
 * matches "@scope/pkg@1.2.0". https://git-scm.com/docs/git-tag#Documentation/git-tag.txt---list
 */
export function isReleaseTag(tag: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's').test(tag);
}

export interface PackageLocation {
  /** Folder of the package, repo-relative ('' for the root). */
  dir: string;
  name: string;
  version: string;
  scripts: Record<string, string>;
  hasDependencies: boolean;
}

/**
 * The package a tag belongs to: for `name@1.2.3`, the workspace whose package.json has that
 * name; otherwise the root package.
 */
export async function locatePackage(root: string, commit: string, tag?: string): Promise<PackageLocation> {
  const scoped = tag ? /^((?:@[^/@]+\/)?[^@]+)@\d/.exec(tag)?.[1] : undefined;
  const read = async (dir: string): Promise<PackageLocation | undefined> => {
    const bytes = await readFileAt(commit, dir ? `${dir}/package.json` : 'package.json', root);
    if (!bytes) return undefined;
    try {
      const json = JSON.parse(bytes.toString('utf8')) as {
        name?: string; version?: string; scripts?: Record<string, string>; dependencies?: object; devDependencies?: object;
      };
      const hasDependencies = Object.keys({ ...json.dependencies, ...json.devDependencies }).length > 0;
      return { dir, name: String(json.name ?? ''), version: String(json.version ?? ''), scripts: json.scripts ?? {}, hasDependencies };
    } catch {
      throw new ReleaseError('locate', `${dir ? `${dir}/` : ''}package.json at ${commit.slice(0, 12)} is not valid JSON`);
    }
  };
  if (scoped) {
    const manifests = (await listTreeFiles(commit, root)).filter((p) => p.endsWith('/package.json') && !p.includes('node_modules/'));
    for (const path of manifests) {
      const found = await read(path.slice(0, -'/package.json'.length));
      if (found?.name === scoped) return found;
    }
    const rootPkg = await read('');
    if (rootPkg?.name === scoped) return rootPkg;
    throw new ReleaseError('locate', `no package named ${scoped} in ${commit.slice(0, 12)} for tag ${tag}`);
  }
  const rootPkg = await read('');
  if (!rootPkg) throw new ReleaseError('locate', `no package.json at the root of ${commit.slice(0, 12)}`);
  return rootPkg;
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** The lockfile governing a package: its own, or the workspace root's. */
async function lockfileMatches(root: string, commit: string, dir: string): Promise<boolean> {
  for (const base of dir ? [dir, ''] : ['']) {
    for (const name of LOCKFILES) {
      const path = base ? `${base}/${name}` : name;
      const atCommit = await readFileAt(commit, path, root);
      const local = existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined;
      if (atCommit || local) return atCommit !== undefined && local !== undefined && atCommit.equals(local);
    }
  }
  return true; // no lockfile anywhere: the installed node_modules is all there is
}

/** Removes temporary worktrees even on Ctrl-C: git must not keep listing them. */
const cleanups = new Set<() => void>();
let signalsHooked = false;
function onInterrupt(cleanup: () => void): () => void {
  if (!signalsHooked) {
    signalsHooked = true;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        for (const fn of cleanups) fn();
        process.stderr.write(`\nshipgate: interrupted; temporary release worktree removed\n`);
        process.exit(130);
      });
    }
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export interface PackOutcome {
  pkg: PackedPackage;
  phases: Phases;
}

/** Packs a commit: worktree, dependencies, build, `npm pack`, always cleaned up. */
export async function packCommit(root: string, commit: string, location: PackageLocation, config: Config, origin: string): Promise<PackOutcome> {
  const phases: Phases = {};
  const tmp = mkdtempSync(join(tmpdir(), 'shipgate-release-'));
  const worktree = join(tmp, 'worktree');
  const removeSync = (): void => {
    // Synchronous, for signal handlers: nothing async runs after process.exit.
    const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
    spawnSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore' });
    rmSync(tmp, { recursive: true, force: true });
  };
  const unhook = onInterrupt(removeSync);
  let t = performance.now();
  try {
    await addWorktree(worktree, commit, root);
    phases.worktree = performance.now() - t;
    const pkgDir = join(worktree, location.dir);
    const script = config.release.build === false ? undefined : (config.release.build ?? ('build' in location.scripts ? 'build' : undefined));
    const needsDeps = script !== undefined || ['prepack', 'prepare', 'prepublishOnly'].some((s) => s in location.scripts);
    if (needsDeps) {
      t = performance.now();
      const localModules = join(root, location.dir, 'node_modules');
      if (existsSync(localModules) && (await lockfileMatches(root, commit, location.dir))) {
        symlinkSync(localModules, join(pkgDir, 'node_modules'), 'dir');
        if (location.dir && existsSync(join(root, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
      } else if (location.hasDependencies) {
        await installDependencies(location.dir ? worktree : pkgDir, config.release.buildTimeout).catch((e: NpmError) => {
          throw new ReleaseError('installing dependencies', e.message, e.tail);
        });
      }
      phases.install = performance.now() - t;
    }
    if (script) {
      t = performance.now();
      await runScript(script, pkgDir, config.release.buildTimeout).catch((e: NpmError) => {
        throw new ReleaseError(`npm run ${script}`, e.message, e.tail);
      });
      phases.build = performance.now() - t;
    }
    t = performance.now();
    const packed = await npmPack(pkgDir, tmp, config.release.buildTimeout).catch((e: NpmError) => {
      throw new ReleaseError('npm pack', e.message, e.tail);
    });
    const pkg = packageFromTarball(readFileSync(packed.tarball), origin);
    phases.pack = performance.now() - t;
    return { pkg, phases };
  } finally {
    unhook();
    await removeWorktree(worktree, root).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Packs the working tree as it is, as `npm publish` run right there would: untracked files included, no build. */
export async function packWorkingTree(root: string, location: PackageLocation, config: Config): Promise<PackOutcome> {
  const tmp = mkdtempSync(join(tmpdir(), 'shipgate-pack-'));
  const t = performance.now();
  try {
    const packed = await npmPack(join(root, location.dir), tmp, config.release.buildTimeout).catch((e: NpmError) => {
      throw new ReleaseError('npm pack', e.message, e.tail);
    });
    return { pkg: packageFromTarball(readFileSync(packed.tarball), 'working tree'), phases: { pack: performance.now() - t } };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * What this release is compared with: the approved manifest (.shipgate/release.json in the
 * working tree), else the previous release tag's pack (cached per commit under .git/shipgate),
 * else nothing (a first release).
 */
export async function findBaseline(
  root: string, pkg: PackedPackage, location: PackageLocation, config: Config, tag: string | undefined,
): Promise<ReleaseBaseline | undefined> {
  const approved = readApproved(root, pkg.name);
  if (approved) return approved;
  const current = tag ? tagVersion(tag) : pkg.version;
  const prefix = tag && /@\d/.test(tag) ? `${pkg.name}@` : undefined;
  for (const candidate of await listTagsByVersion(config.release.tagPattern, root)) {
    if (candidate === tag || (prefix && !candidate.startsWith(prefix))) continue;
    const version = tagVersion(candidate);
    if (!version || !current || compareVersions(version, current) >= 0) continue;
    const commit = await resolveCommit(candidate, root);
    if (!commit) continue;
    const cached = await readPackCache(root, commit);
    if (cached) return { ...cached, label: `previous release tag ${candidate}` };
    try {
      const prev = await packCommit(root, commit, { ...location, ...(await locatePackage(root, commit, prefix ? candidate : undefined)) }, config, `tag ${candidate}`);
      const baseline: ReleaseBaseline = {
        label: `previous release tag ${candidate}`, version: prev.pkg.version, files: fileRecords(prev.pkg),
        unpackedSize: prev.pkg.unpackedSize, manifest: prev.pkg.manifest,
      };
      await writePackCache(root, commit, baseline);
      return baseline;
    } catch {
      return undefined; // an old release that no longer builds: no baseline rather than no gate
    }
  }
  return undefined;
}

async function packCacheFile(root: string, commit: string): Promise<string> {
  return join(await commonGitDir(root), 'shipgate', 'packs', `${commit}.json`);
}

async function readPackCache(root: string, commit: string): Promise<ReleaseBaseline | undefined> {
  try {
    return JSON.parse(readFileSync(await packCacheFile(root, commit), 'utf8')) as ReleaseBaseline;
  } catch {
    return undefined;
  }
}

async function writePackCache(root: string, commit: string, baseline: ReleaseBaseline): Promise<void> {
  try {
    const file = await packCacheFile(root, commit);
    mkdirSync(join(file, '..'), { recursive: true });
    // File names, sizes and hashes only: never content.
    writeFileSync(file, JSON.stringify(baseline));
  } catch {
    // A read-only .git: the next run packs the previous release again.
  }
}

/** Semver precedence for x.y.z[-pre]; build metadata ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): [number[], string[]] => {
    const [core, pre] = v.split('+')[0]!.split(/-(.*)/s) as [string, string | undefined];
    return [core.split('.').map(Number), pre ? pre.split('.') : []];
  };
  const [ca, pa] = parse(a);
  const [cb, pb] = parse(b);
  for (let i = 0; i < 3; i++) if ((ca[i] ?? 0) !== (cb[i] ?? 0)) return (ca[i] ?? 0) - (cb[i] ?? 0);
  if (pa.length === 0 || pb.length === 0) return pb.length - pa.length;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (x === y) continue;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (!Number.isNaN(nx)) return -1;
    if (!Number.isNaN(ny)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Runs the package rules; findings carry which pack they come from. */
export function screenPackage(
  engine: Engine, contentEngine: Engine, pkg: PackedPackage, baseline: ReleaseBaseline | undefined, config: Config, tag: string | undefined,
): Finding[] {
  const findings = runPackageRules(engine, {
    pkg,
    ...(tag ? { tag } : {}),
    ...(baseline ? { baseline } : {}),
    limits: { maxGrowth: config.release.maxGrowth, ...(config.release.maxFileBytes ? { maxFileBytes: config.release.maxFileBytes } : {}) },
    scanText: makeScanText(contentEngine),
  });
  const approvedMaps = new Set(baseline?.approvedMaps ?? []);
  const workingTree = pkg.origin === 'working tree';
  for (const f of findings) {
    f.data = { ...f.data, pack: pkg.origin };
    // The working tree is screened for what a hand `npm publish` would add (untracked files,
    // local build output); whether its build is complete is the tagged commit's pack's call.
    if (workingTree && (f.ruleId === 'package-manifest' || f.ruleId === 'package-drift')) f.severity = 'warn';
    // A map someone approved on purpose is expected: it still shows, it no longer blocks.
    if (f.ruleId === 'package-sourcemap' && approvedMaps.has(f.file)) {
      f.severity = 'warn';
      f.data['approved'] = 'yes';
    }
  }
  return findings;
}
