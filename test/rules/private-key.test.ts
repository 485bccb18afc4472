import { generateKeyPairSync } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { privateKey } from '../../rules/private-key.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import {
  escapedPem, opensshPrivateKey, pemEcPrivateKey, pemEncryptedPrivateKey, pemFromParts, pemLine,
  pemPrivateKey, pgpPrivateKeyBlock, reseed, tokens, wrap,
} from '../helpers/tokens.js';

reseed(1007);
const pkcs8 = pemPrivateKey('pkcs8');
const pkcs1 = pemPrivateKey('pkcs1');
const ec = pemEcPrivateKey();
const openssh = opensshPrivateKey();
const encrypted = pemEncryptedPrivateKey('pkcs8');
const legacyEncrypted = pemEncryptedPrivateKey('pkcs1');
const pgp = pgpPrivateKeyBlock();
const dsa = pemFromParts('DSA ');
const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString().trimEnd();

const BEGIN = pemLine('BEGIN', 'RSA ');
const END = pemLine('END', 'RSA ');
const lines = (pem: string): string[] => pem.split('\n');
const indent = (pem: string, by: string): string => lines(pem).map((l) => by + l).join('\n');
const col = (line: string, text: string): number => line.indexOf(text) + 1;

// Each helper really is what its name says.
test('private-key: fixtures have the expected headers', () => {
  assert.ok(legacyEncrypted.includes('Proc-Type: 4,ENCRYPTED') && legacyEncrypted.includes('DEK-Info: '));
  assert.ok(encrypted.startsWith(pemLine('BEGIN', 'ENCRYPTED ')));
  assert.ok(ec.startsWith(pemLine('BEGIN', 'EC ')));
  assert.ok(pkcs1.startsWith(BEGIN));
  assert.ok(pgp.includes('\nVersion: '));
});

const gcpLine = `  "private_key": "${escapedPem(pkcs8)}\\n",`;
const twoKeysLine = `{"a": "${escapedPem(pkcs1)}", "b": "${escapedPem(ec)}"}`;
const jsConcat = [
  `const key = '${BEGIN}\\n' +`,
  ...lines(pkcs1).slice(1, -1).map((l) => `  '${l}\\n' +`),
  `  '${END}';`,
].join('\n');
const pythonParens = [
  'KEY = (',
  ...lines(ec).map((l) => `    "${l}\\n"`),
  ')',
].join('\n');

testRule(privateKey, {
  valid: [
    { name: 'ellipsis body', path: 'docs/tls.md', code: `${BEGIN}\n...\n${END}` },
    { name: 'escaped ellipsis body', path: 'service-account.example.json', code: `{"private_key": "${pemLine('BEGIN')}\\n...\\n${pemLine('END')}\\n"}` },
    { name: 'x placeholder', path: 'README.md', code: `${BEGIN}\n${'x'.repeat(64)}\n${'x'.repeat(64)}\n${END}` },
    { name: 'empty body', path: 'test/parse.test.ts', code: `const empty = \`${pemLine('BEGIN')}\n${pemLine('END')}\`;` },
    { name: 'body too short', path: 'test/parse.test.ts', code: `${BEGIN}\n${tokens.awsSecret()}\n${END}` },
    { name: 'prose between the markers', path: 'docs/keys.md', code: `${BEGIN}\nPaste your key here, keeping the line breaks as they are.\n${END}` },
    { name: 'markers named inline', path: 'docs/keys.md', code: `A key starts with \`${BEGIN}\` and ends with \`${END}\`.` },
    { name: 'header check in code', path: 'src/pem.ts', code: `if (text.startsWith('${pemLine('BEGIN')}')) return 'pkcs8';` },
    { name: 'one repeated character', path: 'test/fixtures.pem', code: `${BEGIN}\n${'A'.repeat(64)}\n${'A'.repeat(64)}\n${END}` },
    { name: 'END of another kind', path: 'broken.pem', code: `${BEGIN}\n${lines(ec).slice(1, -1).join('\n')}\n${pemLine('END', 'EC ')}` },
    { name: 'no END line', path: 'truncated.pem', code: lines(pkcs1).slice(0, -1).join('\n') },
    { name: 'public key', path: 'keys/signing.pub.pem', code: publicKey },
    { name: 'allowed inline', path: 'test/jwt.test.ts', code: `const key = "${escapedPem(pkcs8)}"; // shipgate-allow: private-key` },
  ],
  invalid: [
    { name: 'PKCS#8 .pem file', path: 'certs/server.key', code: pkcs8, findings: [{ line: 1, column: 1 }] },
    { name: 'PKCS#1 after comments', path: 'deploy/key.pem', code: `# staging\n# do not share\n${pkcs1}\n`, findings: [{ line: 3, column: 1 }] },
    { name: 'EC key', path: 'ec.pem', code: ec, findings: [{ line: 1 }] },
    { name: 'OpenSSH key', path: 'deploy/deploy_key', code: openssh, findings: [{ line: 1 }] },
    { name: 'encrypted PKCS#8', path: 'enc.pem', code: encrypted, findings: [{ line: 1 }] },
    { name: 'legacy encrypted with Proc-Type and DEK-Info', path: 'legacy.pem', code: legacyEncrypted, findings: [{ line: 1 }] },
    { name: 'PGP private key block', path: 'signing.asc', code: `\n${pgp}\n`, findings: [{ line: 2, column: 1 }] },
    { name: 'DSA key', path: 'dsa.pem', code: dsa, findings: [{ line: 1 }] },
    {
      name: 'JSON service account, escaped on one line',
      path: 'gcp-service-account.json',
      code: `{\n  "type": "service_account",\n${gcpLine}\n  "client_email": "ci@project.iam.gserviceaccount.com"\n}`,
      findings: [{ line: 3, column: col(gcpLine, '-----BEGIN') }],
    },
    {
      name: 'two escaped keys on one line',
      path: 'keys.json',
      code: twoKeysLine,
      findings: [
        { line: 1, column: col(twoKeysLine, '-----BEGIN') },
        { line: 1, column: twoKeysLine.lastIndexOf('-----BEGIN') + 1 },
      ],
    },
    { name: 'JS string with \\n escapes', path: 'src/jwt.ts', code: `const key = '${escapedPem(pkcs1)}';`, findings: [{ line: 1, column: 14 }] },
    { name: 'JS concatenated lines', path: 'src/sign.js', code: jsConcat, findings: [{ line: 1, column: 14 }] },
    { name: 'Python triple-quoted', path: 'app/auth.py', code: `KEY = """${pkcs8}\n"""`, findings: [{ line: 1, column: 10 }] },
    { name: 'Python implicit concatenation', path: 'app/auth.py', code: pythonParens, findings: [{ line: 2, column: 6 }] },
    { name: 'YAML block scalar', path: 'k8s/secret.yaml', code: `stringData:\n  tls.key: |\n${indent(ec, '    ')}`, findings: [{ line: 3, column: 5 }] },
    { name: 'Terraform heredoc', path: 'main.tf', code: `resource "tls_x" "k" {\n  private_key = <<EOF\n${openssh}\nEOF\n}`, findings: [{ line: 3 }] },
    { name: '.env quoted multi-line value', path: '.env', code: `APP=1\nJWT_PRIVATE_KEY="${pkcs8}"`, findings: [{ line: 2, column: 18 }] },
    { name: '.env with the lines folded into spaces', path: '.env', code: `JWT_PRIVATE_KEY="${lines(pkcs1).join(' ')}"`, findings: [{ line: 1, column: 18 }] },
    { name: 'shell heredoc', path: 'scripts/setup.sh', code: `mkdir -p ~/.ssh\ncat > ~/.ssh/id_ed25519 <<'KEY'\n${openssh}\nKEY`, findings: [{ line: 3 }] },
    {
      name: 'Dockerfile echo',
      path: 'Dockerfile',
      code: `FROM alpine\nRUN echo "${escapedPem(pkcs1)}" > /root/.ssh/id_rsa`,
      findings: [{ line: 2, column: 11 }],
    },
    { name: 'CRLF line endings', path: 'win.pem', code: lines(pkcs1).join('\r\n'), findings: [{ line: 1 }] },
    { name: 'double-escaped (JSON in a JSON string)', path: 'nested.json', code: `{"config": "{\\"key\\": \\"${lines(pkcs8).join('\\\\n')}\\"}"}`, findings: [{ line: 1 }] },
    {
      name: 'two keys in one file',
      path: 'bundle.pem',
      code: `${pkcs1}\n${ec}`,
      findings: [{ line: 1, column: 1 }, { line: lines(pkcs1).length + 1, column: 1 }],
    },
    { name: 'allow comment for another rule does not cover it', path: 'a.js', code: `k = "${escapedPem(ec)}" // shipgate-allow: npm-token`, findings: [{ line: 1 }] },
  ],
});

test('private-key: adversarial input stays bounded', () => {
  const body64 = 'A'.repeat(63) + 'b';
  const inputs = [
    BEGIN + 'A'.repeat(200_000),
    BEGIN + '-A'.repeat(100_000),
    BEGIN + '\n' + (body64 + '\n').repeat(3_000),
    BEGIN + '\\n'.repeat(100_000),
    (BEGIN + '\n').repeat(10_000),
    (BEGIN + ' ').repeat(30_000),
    (END + '\n').repeat(10_000),
    (BEGIN + '\\n' + body64 + '\\n').repeat(10_000),
    (BEGIN + '\n' + body64 + '\n' + END + '\n').repeat(2_000),
    (pemLine('BEGIN', 'PGP ', ' BLOCK') + '\nVersion: ' + 'v'.repeat(100) + '\n').repeat(1_000),
    BEGIN + '\n' + wrap(body64.repeat(3_000)).join('\n') + '\n' + pemLine('END', 'EC '),
  ];
  for (const code of inputs) {
    const findings = findingsFor(privateKey, { path: 'big.pem', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
