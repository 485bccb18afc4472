import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, describeJsonError, loadConfig, validateConfig } from '../../src/config.js';

const known = new Set(['github-token', 'env-file']);

test('defaults when there is no config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  try {
    assert.equal(loadConfig(dir, known).config, { rules: {}, ignore: [], release: { tagPattern: 'v*', maxGrowth: 2, buildTimeout: 600 }, scan: { maxFileBytes: 10 * 1024 * 1024 } });
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('shipgate.config.json wins over package.json#shipgate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', shipgate: { ignore: ['from-pkg/**'] } }));
    assert.equal(loadConfig(dir, known).config.ignore, ['from-pkg/**']);
    assert.is(loadConfig(dir, known).config.file, 'package.json#shipgate');
    writeFileSync(join(dir, 'shipgate.config.json'), JSON.stringify({ ignore: ['own/**'] }));
    assert.equal(loadConfig(dir, known).config.ignore, ['own/**']);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('every problem is listed with its path', () => {
  try {
    validateConfig({ rules: { 'github-token': 'loud', 'env-file': 3 }, ignore: ['ok', 7], colour: true }, 'shipgate.config.json', known);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ConfigError);
    const problems = (e as ConfigError).problems;
    assert.is(problems.length, 4);
    assert.ok(problems.some((p) => p.includes('"rules.github-token"')));
    assert.ok(problems.some((p) => p.includes('"rules.env-file"')));
    assert.ok(problems.some((p) => p.includes('"ignore[1]"')));
    assert.ok(problems.some((p) => p.includes('"colour"')));
  }
});

test('comments and trailing commas are accepted, as in tsconfig.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  try {
    writeFileSync(join(dir, 'shipgate.config.json'), '{\n  // the release gate\n  "release": { "tagPattern": "release-*", /* mono */ },\n}\n');
    assert.is(loadConfig(dir, known).config.release.tagPattern, 'release-*');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('release settings are validated', () => {
  assert.throws(
    () => validateConfig({ release: { tagPattern: '', maxGrowth: 0.5, bogus: 1, build: 3 } }, 'shipgate.config.json', known),
    (e: Error) => e instanceof ConfigError && e.problems.length === 4,
  );
});

test('unknown rule ids warn but load', () => {
  const { config, warnings } = validateConfig({ rules: { 'githb-token': 'off' } }, 'shipgate.config.json', known);
  assert.equal(config.rules, { 'githb-token': 'off' });
  assert.is(warnings.length, 1);
  assert.match(warnings[0]!, 'githb-token');
});

test('a syntax error names the file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  try {
    writeFileSync(join(dir, 'shipgate.config.json'), '{\n  "rules": {\n    "github-token" "off"\n  }\n}\n');
    assert.throws(() => loadConfig(dir, known), (e: Error) => e instanceof ConfigError && /shipgate\.config\.json: is not valid JSON: .* at line 3, column 20/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('describeJsonError maps a position to line and column, and stays one short line', () => {
  const text = '{\n "a": 1,\n}';
  try {
    JSON.parse(text);
    assert.unreachable();
  } catch (e) {
    assert.match(describeJsonError(e as Error, text), /line 3, column 1/);
  }
  const long = '{\n "a": }' + ' '.repeat(500);
  try {
    JSON.parse(long);
    assert.unreachable();
  } catch (e) {
    const described = describeJsonError(e as Error, long);
    assert.ok(described.length < 120, described);
    assert.not.match(described, '\n');
  }
});

test('scan.maxFileBytes: set, defaulted, and every problem listed with its path', () => {
  assert.is(validateConfig({ scan: { maxFileBytes: 1024 } }, 'shipgate.config.json', known).config.scan.maxFileBytes, 1024);
  assert.is(validateConfig({}, 'shipgate.config.json', known).config.scan.maxFileBytes, 10 * 1024 * 1024);
  const problemsOf = (value: unknown): readonly string[] => {
    try {
      validateConfig(value, 'shipgate.config.json', known);
    } catch (e) {
      assert.instance(e, ConfigError);
      return (e as ConfigError).problems;
    }
    return [];
  };
  const table: [unknown, string[]][] = [
    [{ scan: 5 }, ['"scan" must be an object']],
    [{ scan: { maxFileBytes: '10MB' } }, ['"scan.maxFileBytes" must be a whole number of bytes >= 1, not "10MB"']],
    [{ scan: { maxFileBytes: 0 } }, ['"scan.maxFileBytes" must be a whole number of bytes >= 1, not 0']],
    [{ scan: { maxFileBytes: 1.5 } }, ['"scan.maxFileBytes" must be a whole number of bytes >= 1, not 1.5']],
    [{ release: { maxFileBytes: 1.5, buildTimeout: 'soon' } }, ['"release.maxFileBytes" must be a whole number of bytes >= 1, not 1.5', '"release.buildTimeout" must be a number >= 1, not "soon"']],
    [{ scan: { maxFileBytes: -1, maxFiles: 3 } }, ['"scan.maxFiles" is not a scan setting (known: maxFileBytes)', '"scan.maxFileBytes" must be a whole number of bytes >= 1, not -1']],
    [{ scan: { maxFileBytes: 0 }, release: { maxGrowth: 0 }, ignore: [1] }, ['"ignore[0]" must be a non-empty glob string', '"release.maxGrowth" must be a number >= 1, not 0', '"scan.maxFileBytes" must be a whole number of bytes >= 1, not 0']],
  ];
  for (const [value, expected] of table) assert.equal(problemsOf(value), expected, JSON.stringify(value));
});

test('scan settings come from package.json#shipgate too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', shipgate: { scan: { maxFileBytes: 2048 } } }));
    assert.is(loadConfig(dir, known).config.scan.maxFileBytes, 2048);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test.run();
