// The SARIF report as a pure function of a ScanResult: the findings the e2e test cannot easily
// make (release packs, pushed commits, a failed pack), checked against the schema and GitHub's rules.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fingerprintOf } from '../../src/findings.js';
import { buildSarif, formatSarif, pathToUri } from '../../src/report/sarif.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { githubProblems, schemaErrors } from '../helpers/sarif.js';

const s = suite('sarif report');

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'messageId' | 'file'>): Finding {
  return {
    severity: 'error', line: 0, column: 0, data: {}, match: partial.file,
    fingerprint: fingerprintOf(partial.ruleId, partial.file), ...partial,
  };
}

const stats = { files: 3, lines: 10, bytes: 100, binaryFiles: 0, ignoredFiles: 0, rules: 80, suppressed: 0, durationMs: 1.5 };

const result: ScanResult = {
  label: 'the release',
  skipped: [],
  stats,
  findings: [
    finding({
      ruleId: 'package-sourcemap', messageId: 'sourcemap-embeds-sources', file: 'dist/cli.js.map',
      data: { map: 'dist/cli.js.map', sources: 1900, size: '61.4 MB', unshipped: 1899, example: 'src/main.tsx', pack: 'tagged commit v1.2.0' },
      match: 'map:dist/cli.js.map',
    }),
    finding({
      ruleId: 'package-sourcemap', messageId: 'sourcemap-shipped', file: 'dist/other.js.map', severity: 'warn',
      data: { map: 'dist/other.js.map', pack: 'working tree' },
    }),
    finding({
      ruleId: 'release-pack', messageId: 'release-pack-failed', file: 'package.json',
      data: { step: 'npm run build', error: 'exit 1', tail: 'Error: cannot find module "x"', pack: 'tagged commit v1.2.0' },
    }),
    finding({
      ruleId: 'npm-token', messageId: 'secret', file: 'scripts/#publish [old].sh', line: 4, column: 9,
      data: { name: 'npm access token', revoke: 'https://www.npmjs.com/settings/tokens', commit: '0123456789ab' },
      match: 'npm_********…(40 chars)', fingerprint: fingerprintOf('npm-token', 'the secret'),
    }),
    finding({ ruleId: 'gitignore-entry-removed', messageId: 'ignore-entry-removed', file: 'a:b/.gitignore', line: 2, column: 1,
      severity: 'warn', data: { file: '.gitignore', entry: '*.map', protects: 'source maps', target: 'git' }, match: '*.map' }),
  ],
};

s('the log is valid SARIF 2.1.0 and meets GitHub\'s rules', () => {
  const log = JSON.parse(formatSarif(result, { version: '9.9.9' }));
  assert.equal(schemaErrors(log), []);
  assert.equal(githubProblems(log), []);
  assert.is(log.runs[0].tool.driver.version, '9.9.9');
});

s('rules: one per rule id with findings, sorted, each result pointing at its own', () => {
  const log = buildSarif(result, { version: '1.0.0' });
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.rules.map((r) => r.id), ['gitignore-entry-removed', 'npm-token', 'package-sourcemap', 'release-pack']);
  for (const r of run.results) assert.is(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  const byId = new Map(run.tool.driver.rules.map((r) => [r.id, r]));
  assert.equal(byId.get('package-sourcemap')!.properties.tags, ['security', 'release']);
  assert.equal(byId.get('release-pack')!.properties.tags, ['security', 'release']);
  assert.equal(byId.get('npm-token')!.properties.tags, ['security', 'secret']);
  assert.equal(byId.get('gitignore-entry-removed')!.properties.tags, ['security', 'config']);
  assert.is(byId.get('release-pack')!.helpUri, undefined, 'a rule without a registry entry has no helpUri');
  assert.match(byId.get('release-pack')!.shortDescription.text, 'could not be packed');
});

s('a rule with several kinds of problem documents each; build output stays out of the help', () => {
  const log = buildSarif(result, { version: '1.0.0' });
  const rules = new Map(log.runs[0]!.tool.driver.rules.map((r) => [r.id, r]));
  const maps = rules.get('package-sourcemap')!;
  assert.is(maps.help.markdown.split('#### ').length - 1, 2);
  assert.match(maps.help.markdown, '!\\*\\*/\\*.map', 'Markdown characters are escaped');
  assert.match(maps.help.markdown, '`shipgate release approve`', 'code spans are kept');
  const pack = rules.get('release-pack')!;
  assert.not.match(pack.help.text, 'cannot find module');
  assert.not.match(pack.help.text, 'shipgate-allow');
});

s('results: regions only on lines, encoded relative URIs, levels, fingerprints, pack and commit', () => {
  const [map, other, pack, token, ignore] = buildSarif(result, { version: '1.0.0' }).runs[0]!.results;
  assert.equal(map!.locations[0]!.physicalLocation, { artifactLocation: { uri: 'dist/cli.js.map' } });
  assert.equal(map!.properties, { pack: 'tagged commit v1.2.0' });
  assert.is(other!.level, 'warning');
  assert.is(pack!.level, 'error');
  assert.equal(token!.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'scripts/%23publish%20%5Bold%5D.sh' },
    region: { startLine: 4, startColumn: 9 },
  });
  assert.is(token!.message.text, 'npm access token added: npm_********…(40 chars)');
  assert.equal(token!.properties, { commit: '0123456789ab' });
  assert.equal(token!.partialFingerprints, { 'shipgate/v1': fingerprintOf('npm-token', 'the secret') });
  assert.is(ignore!.locations[0]!.physicalLocation.artifactLocation.uri, 'a%3Ab/.gitignore', 'a colon cannot make a scheme');
  assert.not.match(ignore!.message.text, ': *.map', 'only secrets get the match appended');
});

s('pathToUri', () => {
  assert.is(pathToUri('src/a b/c%d.js'), 'src/a%20b/c%25d.js');
  assert.is(pathToUri('.env'), '.env');
  assert.is(pathToUri('päckage/ü.js'), 'p%C3%A4ckage/%C3%BC.js');
  assert.is(pathToUri('/abs/x y'), 'file:///abs/x%20y');
});

s('no findings: an empty run, still valid', () => {
  const log = JSON.parse(formatSarif({ ...result, findings: [] }));
  assert.equal(schemaErrors(log), []);
  assert.equal(githubProblems(log), []);
  assert.equal(log.runs[0].results, []);
  assert.type(log.runs[0].tool.driver.version, 'string', 'the version is read from package.json');
});

s.run();
