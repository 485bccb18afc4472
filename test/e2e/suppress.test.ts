// Whole-repository scan, the baseline and the ignore list, end to end in real repositories.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { Repo, removeTemps } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const s = suite('scan, baseline and ignore list');
s.after(removeTemps);

function repoWithOldSecret(): { repo: Repo; token: string } {
  const repo = Repo.init();
  const token = tokens.githubClassic();
  repo.write('legacy/config.js', `// old code\nmodule.exports = { token: '${token}' };\n`);
  repo.write('README.md', '# app\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'history with a secret');
  return { repo, token };
}

s('scan reads the tracked files; given paths may be untracked', () => {
  const { repo, token } = repoWithOldSecret();
  repo.write('untracked/leak.js', `x = '${tokens.npm()}'\n`);
  const tracked = repo.shipgate(['scan', '--format', 'json']);
  assert.is(tracked.code, 1, tracked.out);
  const report = JSON.parse(tracked.stdout);
  assert.equal(report.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`), ['legacy/config.js:2']);
  assert.not.ok(tracked.out.includes(token));
  const paths = repo.shipgate(['scan', 'untracked', '--format', 'json']);
  assert.is(paths.code, 1);
  assert.equal(JSON.parse(paths.stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['npm-token']);
});

s('scan takes absolute paths (lint-staged passes them) and refuses paths that do not exist', () => {
  const { repo } = repoWithOldSecret();
  const abs = repo.shipgate(['scan', join(repo.dir, 'legacy', 'config.js'), '--format', 'json']);
  assert.is(abs.code, 1, abs.out);
  assert.is(JSON.parse(abs.stdout).findings.length, 1);
  const missing = repo.shipgate(['scan', 'no/such/file.js']);
  assert.is(missing.code, 2, missing.out);
  assert.match(missing.stderr, 'no such file or folder: no/such/file.js');
});

s('baseline accepts existing findings, survives line moves, and still blocks new secrets', () => {
  const { repo, token } = repoWithOldSecret();
  const b = repo.shipgate(['baseline']);
  assert.is(b.code, 0, b.out);
  assert.match(b.out, 'records 1 finding');
  const file = repo.read('.shipgate/baseline.json');
  assert.not.ok(file.includes(token), 'the baseline holds fingerprints, not secrets');
  assert.is(repo.shipgate(['scan']).code, 0);
  // Lines added above the secret: same fingerprint, still accepted.
  repo.write('legacy/config.js', `// old code\n// more\n// lines\nmodule.exports = { token: '${token}' };\n`);
  assert.is(repo.shipgate(['scan']).code, 0, 'a moved line does not re-open the finding');
  repo.git('add', '-A');
  assert.is(repo.shipgate(['install']).code, 0);
  assert.is(repo.commit('move it').code, 0, 'the commit that moves a baselined secret passes');
  repo.write('new.js', `y = '${tokens.githubClassic()}'\n`);
  repo.git('add', 'new.js');
  assert.is(repo.commit('new secret').code, 1, 'a new secret is still blocked');
});

s('ignore list: by fingerprint, scoped by path, with a reason; unused entries are reported', () => {
  const { repo } = repoWithOldSecret();
  const fp = JSON.parse(repo.shipgate(['scan', '--format', 'json']).stdout).findings[0].fingerprint;
  const other = 'f'.repeat(64);
  repo.write('.shipgate/ignore.json', JSON.stringify({
    version: 1,
    ignore: [
      { fingerprint: fp, rule: 'github-token', paths: ['legacy/**'], reason: 'revoked in 2024, kept for the migration test' },
      { fingerprint: other, reason: 'a secret that was removed long ago' },
    ],
  }, null, 2));
  const r = repo.shipgate(['scan']);
  assert.is(r.code, 0, r.out);
  assert.match(r.stderr, 'unused entry in .shipgate/ignore.json: ffffffffffff');
  assert.match(r.stderr, '1 ignore entry matched nothing');
  // The same secret elsewhere is outside the entry's paths.
  repo.run('cp', ['legacy/config.js', 'copy.js']);
  assert.is(repo.shipgate(['scan', 'copy.js']).code, 1);
});

s('a corrupt ignore list or baseline is exit 2 naming the file', () => {
  const { repo } = repoWithOldSecret();
  repo.write('.shipgate/ignore.json', '{"ignore": [{"fingerprint": "abc"}]}');
  const r = repo.shipgate(['scan']);
  assert.is(r.code, 2);
  assert.match(r.stderr, '.shipgate/ignore.json');
  assert.match(r.stderr, 'fingerprint');
  assert.match(r.stderr, 'reason');
  repo.write('.shipgate/ignore.json', '{"version":1,"ignore":[]}');
  repo.write('.shipgate/baseline.json', '{"version":1,"findings":[{"fingerprint": 12}]}');
  const b = repo.shipgate(['scan']);
  assert.is(b.code, 2);
  assert.match(b.stderr, '.shipgate/baseline.json');
});

s.run();
