// `--format sarif` end to end: the real CLI on a real repository, its output checked against
// the SARIF 2.1.0 schema and against GitHub code scanning's extra rules.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, ROOT, removeTemps } from '../helpers/repo.js';
import { githubProblems, schemaErrors } from '../helpers/sarif.js';
import { tokens } from '../helpers/tokens.js';

const s = suite('sarif output');
s.after(removeTemps);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface Sarif {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; version: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

const tsconfig = (options: string): string =>
  `{\n  "compilerOptions": {\n    "outDir": "dist"${options}\n  }\n}\n`;

/** A repository whose staged change adds a secret (in a path with a space), a .env and inlineSources. */
function stagedLeaks(): { repo: Repo; token: string } {
  const repo = Repo.init();
  repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', files: ['dist'] }, null, 2) + '\n');
  repo.write('tsconfig.json', tsconfig(''));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'init');
  const token = tokens.githubClassic();
  repo.write('src/my config.js', `// settings\nexport const token = '${token}';\n`);
  repo.write('.env', 'PORT=3000\n');
  repo.write('tsconfig.json', tsconfig(',\n    "inlineSources": true'));
  repo.git('add', '-A');
  return { repo, token };
}

s('scan --staged --format sarif is valid SARIF 2.1.0 that GitHub accepts, with every kind of finding', () => {
  const { repo, token } = stagedLeaks();
  const before = repo.snapshot();
  const r = repo.shipgate(['scan', '--staged', '--format', 'sarif']);
  assert.is(r.code, 1, r.out);
  assert.is(repo.snapshot(), before, 'the scan changed nothing');
  const log = JSON.parse(r.stdout) as Sarif;

  assert.equal(schemaErrors(log), [], 'no schema errors');
  assert.equal(githubProblems(log), [], 'no GitHub problems');

  assert.is(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.is(log.version, '2.1.0');
  assert.is(log.runs.length, 1);
  const run = log.runs[0]!;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.is(run.tool.driver.name, 'shipgate');
  assert.is(run.tool.driver.version, pkg.version);

  const byRule = new Map(run.results.map((result) => [result.ruleId, result]));
  assert.equal([...byRule.keys()].sort(), ['env-file', 'github-token', 'tsconfig-sourcemap']);

  // A secret: a region on its line and column, a relative percent-encoded URI, the redacted match.
  const leak = byRule.get('github-token')!;
  assert.is(leak.level, 'error');
  assert.equal(leak.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'src/my%20config.js' },
    region: { startLine: 2, startColumn: 23 },
  });
  assert.match(leak.message.text, /^GitHub .* added: ghp_\*+/);

  // A file-level finding has no region (GitHub rejects startLine 0).
  const env = byRule.get('env-file')!;
  assert.equal(env.locations[0]!.physicalLocation, { artifactLocation: { uri: '.env' } });

  // Config drift: the line of the setting.
  const drift = byRule.get('tsconfig-sourcemap')!;
  assert.is(drift.locations[0]!.physicalLocation.region?.startLine, 4);
  assert.match(drift.message.text, 'compilerOptions.inlineSources changed: unset -> true');

  // The fingerprints are the content hashes the JSON report gives (stable across line moves).
  const json = repo.shipgate(['scan', '--staged', '--format', 'json']);
  const prints = new Map((JSON.parse(json.stdout).findings as { ruleId: string; fingerprint: string }[]).map((f) => [f.ruleId, f.fingerprint]));
  for (const result of run.results) {
    assert.equal(result.partialFingerprints, { 'shipgate/v1': prints.get(result.ruleId) });
  }

  // Rules: help from the message texts, the rule's source as helpUri, tags by kind.
  const rules = new Map(run.tool.driver.rules.map((rule) => [rule.id, rule]));
  assert.equal(run.tool.driver.rules.map((rule) => rule.id), ['env-file', 'github-token', 'tsconfig-sourcemap']);
  assert.equal(rules.get('github-token')!.properties.tags, ['security', 'secret']);
  assert.equal(rules.get('tsconfig-sourcemap')!.properties.tags, ['security', 'config']);
  assert.is(rules.get('github-token')!.defaultConfiguration.level, 'error');
  assert.match(rules.get('github-token')!.help.markdown, '**Why it matters:**');
  assert.match(rules.get('github-token')!.help.text, 'How to fix it: Remove it from the file');
  assert.match(rules.get('tsconfig-sourcemap')!.helpUri ?? '', /^https:\/\//);

  // Never a full secret, in any field.
  assert.not.ok(r.stdout.includes(token), 'the token is not in the output');
});

s('--format sarif --output FILE writes the report, exits 1 and says where it is', () => {
  const { repo, token } = stagedLeaks();
  const r = repo.shipgate(['scan', '--staged', '--format', 'sarif', '--output', 'shipgate.sarif']);
  assert.is(r.code, 1, r.out);
  assert.is(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, 'report in shipgate.sarif');
  const file = join(repo.dir, 'shipgate.sarif');
  assert.ok(existsSync(file));
  const text = readFileSync(file, 'utf8');
  assert.not.ok(text.includes(token));
  const log = JSON.parse(text) as Sarif;
  assert.equal(schemaErrors(log), []);
  assert.equal(githubProblems(log), []);
  assert.is(log.runs[0]!.results.length, 3);
});

s('a clean scan is valid SARIF with no results and exit 0; a whole-repository scan works too', () => {
  const repo = Repo.init();
  repo.write('README.md', '# clean\n');
  repo.git('add', '-A');
  const clean = repo.shipgate(['scan', '--staged', '--format', 'sarif']);
  assert.is(clean.code, 0, clean.out);
  const log = JSON.parse(clean.stdout) as Sarif;
  assert.equal(schemaErrors(log), []);
  assert.equal(githubProblems(log), []);
  assert.equal(log.runs[0]!.results, []);
  assert.equal(log.runs[0]!.tool.driver.rules, []);

  const token = tokens.npm();
  repo.write('lib/publish.sh', `npm config set //registry.npmjs.org/:_authToken=${token}\n`);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'leak');
  const scan = repo.shipgate(['scan', '--format', 'sarif']);
  assert.is(scan.code, 1, scan.out);
  assert.equal(schemaErrors(JSON.parse(scan.stdout)), []);
  assert.equal(githubProblems(JSON.parse(scan.stdout)), []);
  assert.not.ok(scan.stdout.includes(token));
});

s.run();
