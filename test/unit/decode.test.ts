import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { base64Runs, decodeBase64Text, findDecodedSegments, unescapeJson } from '../../src/decode.js';
import { createEngine, runEngine } from '../../src/engine.js';
import { rules } from '../../rules/index.js';
import { prng, tokens } from '../helpers/tokens.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

test('decodeBase64Text: text decodes, binary and identifiers do not', () => {
  assert.is(decodeBase64Text(b64('DATABASE_URL=postgres://db\n')), 'DATABASE_URL=postgres://db\n');
  assert.is(decodeBase64Text(Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255, 0, 9, 8, 7, 6, 5]).toString('base64')), undefined);
  assert.is(decodeBase64Text('abcdefghijklmnopqrstuvwxyz'), undefined, 'one case only');
  assert.is(decodeBase64Text('d41d8cd98f00b204e9800998ecf8427e'), undefined, 'hex hash');
});

test('unescapeJson undoes string escapes', () => {
  assert.is(unescapeJson(String.raw`"a\nb\"c\\d\/e\u0041"`), '"a\nb"c\\d/eA"');
});

test('unescapeJson: what a global replace of the escapes gives, on random text', () => {
  // The regex it stands for: each escape left to right, a backslash that starts none kept.
  const reference = (line: string): string =>
    line.replace(/\\(?:([nrt"\\/])|u([0-9a-fA-F]{4}))/g, (_, simple: string | undefined, hex: string | undefined) =>
      hex ? String.fromCharCode(parseInt(hex, 16)) : simple === 'n' ? '\n' : simple === 'r' ? '\r' : simple === 't' ? '\t' : simple!);
  const random = prng(17);
  const parts = ['\\', 'n', 'r', 't', '"', '/', 'u', '0', '4', '1', 'a', 'F', 'g', 'x', ' ', '\u00e9', '\ud83d', '\\u12', '\\u00ZZ', '\\\\'];
  for (let i = 0; i < 3000; i++) {
    let line = '';
    const length = Math.floor(random() * 40);
    for (let j = 0; j < length; j++) line += parts[Math.floor(random() * parts.length)];
    assert.is(unescapeJson(line), reference(line), JSON.stringify(line));
  }
});

test('findDecodedSegments: offsets point at the encoded run', () => {
  const blob = b64('API_KEY=abc\nSECRET=def\n');
  const text = `apiVersion: v1\ndata:\n  env: ${blob}\n`;
  const [segment] = findDecodedSegments(text);
  assert.is(segment!.offset, text.indexOf(blob));
  assert.is(segment!.encoding, 'base64');
});

test('findDecodedSegments: an escaped line is decoded if it holds a keyword or an escape that can make one', () => {
  const lines = ['"a\\nb"', '"https:\\/\\/x"', '"\\u0074oken"', '"token\\n"'];
  const text = lines.join('\n');
  const starts = lines.map((line) => text.indexOf(line));
  const decoded = (holds: (lineStart: number) => boolean) => findDecodedSegments(text, holds).map((s) => s.offset);
  assert.equal(decoded(() => true), starts);
  assert.equal(decoded(() => false), [starts[1], starts[2]]);
  assert.equal(decoded((start) => start === starts[3]), [starts[1], starts[2], starts[3]]);
});

test('base64Runs: the runs the regex in src/decode.ts describes, around wide characters too', () => {
  const regex = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{20,65536}={0,2}(?![A-Za-z0-9+/=_-])/g;
  const parts = [Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWX').toString('base64'), 'abc', '==', '=', '_', '-', ' ', '\n', '\u0141', '\u{1F600}', 'x', '+/', '\u00e9'];
  const random = prng(7);
  for (let round = 0; round < 500; round++) {
    let text = '';
    while (text.length < 300) text += parts[Math.floor(random() * parts.length)]!;
    const expected = [...text.matchAll(regex)].flatMap((m) => [m.index, m[0].length]);
    assert.equal(base64Runs(text), expected, JSON.stringify(text));
  }
});

const engine = createEngine([...rules.values()]);
const scan = (path: string, text: string) =>
  runEngine(engine, { stage: 'scan', label: 't', files: [{ path, status: 'A', kind: 'file', binary: false, chunks: [{ startLine: 1, text }] }] }).findings;

test('a token inside a base64-encoded .env in a Kubernetes Secret is found on the blob line', () => {
  const token = tokens.githubClassic();
  const env = b64(`NODE_ENV=production\nGITHUB_TOKEN=${token}\n`);
  const text = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'data:', `  dotenv: ${env}`].join('\n');
  const findings = scan('k8s/secret.yaml', text);
  assert.equal(findings.map((f) => [f.ruleId, f.line, f.column]), [['github-token', 6, 11]]);
  assert.is(findings[0]!.data['encoding'], 'base64');
  assert.not.ok(JSON.stringify(findings).includes(token));
});

test('a base64-encoded token value on its own is found', () => {
  const findings = scan('secret.yaml', `data:\n  NPM_TOKEN: ${b64(tokens.npm())}`);
  assert.equal(findings.map((f) => [f.ruleId, f.line]), [['npm-token', 2]]);
});

test('a rule that needs the key name sees it next to a base64 value (Kubernetes Secret data)', () => {
  const secret = tokens.awsSecret();
  const findings = scan('k8s/secret.yaml', `apiVersion: v1\ndata:\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}`);
  assert.equal(findings.map((f) => [f.ruleId, f.line]), [['aws-secret-access-key', 3]]);
});

test('a token inside a JSON-escaped string is found once, on its line', () => {
  const token = tokens.githubClassic();
  const text = `{\n  "script": "export GH=\\"${token}\\"\\nnpm publish"\n}`;
  const findings = scan('package.json', text);
  assert.equal(findings.map((f) => [f.ruleId, f.line]), [['github-token', 2]]);
});

test('an allow comment on the blob line covers what is decoded from it', () => {
  const findings = scan('s.yaml', `  token: ${b64(tokens.githubClassic())} # shipgate-allow: github-token`);
  assert.equal(findings, []);
});

test.run();
