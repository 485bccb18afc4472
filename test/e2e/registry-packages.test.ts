// Real packages from the registry as tarball inputs, packed with `npm pack NAME@VERSION` at test
// time. Skipped, with a message, when the registry cannot be reached.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTemps, tempDir } from '../helpers/repo.js';

const real = suite('release check --tarball on real registry packages');
real.after(removeTemps);

// Made on first use: other suites' after-hooks remove the temp dirs that exist when they run.
let dest: string | undefined;
let reachable: boolean | undefined;

/** `npm pack NAME@VERSION` into a temp folder; undefined when the registry is out of reach. */
function pack(spec: string): string | undefined {
  if (reachable === false) return undefined;
  dest ??= tempDir('shipgate-registry-');
  const repo = new Repo(dest);
  const before = new Set(readdirSync(dest));
  const r = repo.run('npm', ['pack', spec, '--pack-destination', dest, '--silent'], { env: { npm_config_fetch_retries: '0', npm_config_fetch_timeout: '20000' } });
  if (r.code !== 0) {
    reachable = false;
    console.log(`  (skipped: npm pack ${spec} failed, registry unreachable? ${r.stderr.split('\n').find((l) => l.trim()) ?? ''})`);
    return undefined;
  }
  reachable = true;
  const file = readdirSync(dest).find((f) => !before.has(f) && f.endsWith('.tgz'));
  return file ? join(dest, file) : undefined;
}

function check(tgz: string): { code: number; findings: { ruleId: string; severity: string; file: string; message: string }[]; out: string } {
  const repo = Repo.init();
  const r = repo.shipgate(['release', 'check', '--tarball', tgz, '--format', 'json']);
  return { code: r.code, findings: r.code === 2 ? [] : JSON.parse(r.stdout).findings, out: r.out };
}

for (const spec of ['mitt@3.0.1', 'ky@2.1.0']) {
  real(`${spec} ships maps whose sourcesContent is not otherwise shipped: flagged as an error`, () => {
    const tgz = pack(spec);
    if (!tgz) return;
    const r = check(tgz);
    assert.is(r.code, 1, r.out);
    assert.ok(r.findings.some((f) => f.ruleId === 'package-sourcemap' && f.severity === 'error'), r.out);
  });
}

real('redux@5.0.1 ships its sources too: its maps are rated lower (warnings only)', () => {
  const tgz = pack('redux@5.0.1');
  if (!tgz) return;
  const r = check(tgz);
  const maps = r.findings.filter((f) => f.ruleId === 'package-sourcemap');
  assert.ok(maps.length > 0, r.out);
  assert.ok(maps.every((f) => f.severity === 'warn'), r.out);
});

real('comlink@4.4.2 has sourcesContent [null]: screened without a crash', () => {
  const tgz = pack('comlink@4.4.2');
  if (!tgz) return;
  const r = check(tgz);
  assert.is.not(r.code, 2, r.out);
  assert.not.ok(r.findings.some((f) => f.ruleId === 'package-sourcemap' && f.severity === 'error'), r.out);
});

real.run();
