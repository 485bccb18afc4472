import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS, helpText, parseArgs, UsageError } from '../../src/args.js';

const ok: [string[], object][] = [
  [[], { name: 'help' }],
  [['--help'], { name: 'help' }],
  [['--version'], { name: 'version' }],
  [['install'], { name: 'install', prepare: false }],
  [['install', '--prepare'], { name: 'install', prepare: true }],
  [['pre-commit'], { name: 'pre-commit', diffStdin: false, format: 'text' }],
  [['pre-commit', '--diff-stdin'], { name: 'pre-commit', diffStdin: true, format: 'text' }],
  [['pre-commit', '--format=json', '--output', 'r.json'], { name: 'pre-commit', diffStdin: false, format: 'json', output: 'r.json' }],
  [['pre-push', 'origin', 'git@example.com:x.git'], { name: 'pre-push', remote: 'origin', url: 'git@example.com:x.git', format: 'text' }],
  [['scan', '--staged', '--format', 'json'], { name: 'scan', mode: 'staged', paths: [], release: false, quiet: false, cache: true, format: 'json' }],
  [['scan'], { name: 'scan', mode: 'tracked', paths: [], release: false, quiet: false, cache: true, format: 'text' }],
  [['scan', 'node_modules', 'dist'], { name: 'scan', mode: 'paths', paths: ['node_modules', 'dist'], release: false, quiet: false, cache: true, format: 'text' }],
  [['scan', '--ref', 'v1.0.0', '--format=sarif', '--fail-on', 'warn'], { name: 'scan', mode: 'ref', paths: [], ref: 'v1.0.0', release: false, quiet: false, cache: true, format: 'sarif', failOn: 'warn' }],
  [['scan', '--history', '--quiet', '--no-cache'], { name: 'scan', mode: 'history', paths: [], release: false, quiet: true, cache: false, format: 'text' }],
  [['baseline'], { name: 'baseline' }],
  [['scan', '--help'], { name: 'help', topic: 'scan' }],
  [['help', 'install'], { name: 'help', topic: 'install' }],
  [['rules', '--format=json'], { name: 'rules', format: 'json' }],
];
for (const [argv, expected] of ok) {
  test(`parseArgs ${JSON.stringify(argv)}`, () => assert.equal(parseArgs(argv), expected));
}

const bad: [string[], RegExp][] = [
  [['frobnicate'], /unknown command "frobnicate"/],
  [['instal'], /unknown command/],
  [['--frob'], /unknown option --frob/],
  [['pre-commit', '--nope'], /unknown option --nope for pre-commit/],
  [['pre-commit', '-x'], /unknown option -x/],
  [['scan', '--staged', '--format', 'xml'], /--format must be one of text, json, sarif/],
  [['rules', '--format', 'sarif'], /--format must be one of text, json, not "sarif"/],
  [['scan', '--staged', '--output'], /--output needs a value/],
  [['install', '--prepare=yes'], /takes no value/],
  [['install', 'extra'], /unexpected argument "extra"/],
  [['scan', '--staged', 'src'], /paths or --staged, not both/],
  [['scan', '--ref', 'HEAD', '--history'], /one of --staged, --ref, --since, --history/],
];
for (const [argv, message] of bad) {
  test(`parseArgs rejects ${JSON.stringify(argv)}`, () => {
    assert.throws(() => parseArgs(argv), (e: Error) => e instanceof UsageError && message.test(e.message) && e.hint.length > 0);
  });
}

test('each usage line names every value of its flags', () => {
  for (const [name, spec] of Object.entries(COMMANDS)) {
    for (const [flag, { values }] of Object.entries(spec.flags)) {
      assert.ok(spec.usage.includes(`--${flag}`), `${name}: --${flag} in "${spec.usage}"`);
      if (values) assert.ok(spec.usage.includes(`--${flag} ${values.join('|')}`), `${name}: --${flag} ${values.join('|')} in "${spec.usage}"`);
    }
  }
});

test('did-you-mean for a near command', () => {
  try {
    parseArgs(['instal']);
    assert.unreachable();
  } catch (e) {
    assert.match((e as UsageError).hint, "shipgate install");
  }
});

test('help text lists every command, and each command has its own help', () => {
  const top = helpText();
  for (const name of Object.keys(COMMANDS)) {
    assert.ok(top.includes(name), name);
    assert.match(helpText(name), COMMANDS[name]!.usage);
  }
});

test.run();
