// shipgate on itself: the repository's tracked files, and the package `npm pack` makes of it
// (no maps with sourcesContent, no test fixtures, no secrets shipped).

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTemps, ROOT, tempDir } from '../helpers/repo.js';

const dogfood = suite('dogfood');
dogfood.after(removeTemps);

dogfood('shipgate scan of this repository finds nothing', () => {
  const self = new Repo(ROOT);
  const r = self.shipgate(['scan', '--format', 'json']);
  assert.is(r.code, 0, r.out);
  const report = JSON.parse(r.stdout);
  assert.equal(report.findings, []);
  assert.ok(report.stats.files > 100, 'it read the repository');
});

dogfood('shipgate release check --tarball on its own npm pack output passes', () => {
  const self = new Repo(ROOT);
  const dest = tempDir();
  const packed = self.run('npm', ['pack', '--ignore-scripts', '--pack-destination', dest]);
  assert.is(packed.code, 0, packed.out);
  const tgz = join(dest, readdirSync(dest).find((f) => f.endsWith('.tgz'))!);
  const r = self.shipgate(['release', 'check', '--tarball', tgz, '--format', 'json']);
  assert.is(r.code, 0, r.out);
  const report = JSON.parse(r.stdout);
  assert.equal(report.findings, []);
  assert.ok(report.releases[0].files > 50, 'the pack holds the built CLI');
  const files = self.run('tar', ['-tzf', tgz]).stdout.split('\n').filter(Boolean);
  assert.ok(files.includes('package/dist/cli.js'));
  assert.not.ok(files.some((f) => f.includes('/test/') || f.includes('/bench/') || f.endsWith('.map')), 'no tests, benchmarks or maps in the package');
});

dogfood.run();
