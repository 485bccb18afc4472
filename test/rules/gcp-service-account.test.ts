import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gcpServiceAccount } from '../../rules/gcp-service-account.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { escapedPem, pemFromParts, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3110);
const ids = Array.from({ length: 8 }, () => tokensA.gcpPrivateKeyId());
const pem = escapedPem(pemFromParts('', 600));

/** A key file as Google writes it: pretty-printed, "type" first, private_key right after the id. */
function keyFile(id: string): string {
  return [
    '{',
    '  "type": "service_account",',
    '  "project_id": "acme-prod-4821",',
    `  "private_key_id": "${id}",`,
    `  "private_key": "${pem}\\n",`,
    '  "client_email": "deployer@acme-prod-4821.iam.gserviceaccount.com",',
    '  "client_id": "104857392014857362910",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  ].join('\n');
}

/** The same file with its keys sorted (jq -S): "type" after the id, the key before it. */
function sortedKeyFile(id: string): string {
  return [
    '{',
    '  "client_email": "deployer@acme-prod-4821.iam.gserviceaccount.com",',
    `  "private_key": "${pem}\\n",`,
    `  "private_key_id": "${id}",`,
    '  "project_id": "acme-prod-4821",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "type": "service_account"',
    '}',
  ].join('\n');
}

const minified = (id: string): string =>
  JSON.stringify({ type: 'service_account', project_id: 'acme-prod-4821', private_key_id: id, private_key: `${pem}\n` });

testRule(gcpServiceAccount, {
  valid: [
    {
      name: 'a private_key_id with no service account context (an unrelated API)',
      path: 'fixtures/webhook.json',
      code: `{\n  "private_key_id": "${ids[0]}",\n  "signing_alg": "RS256"\n}`,
    },
    { name: 'placeholder id', path: 'docs/credentials.md', code: keyFile('x'.repeat(40)) },
    { name: 'one digit repeated', path: 'test/fixtures/sa.json', code: keyFile('0'.repeat(40)) },
    { name: 'template', path: 'sa.json.tmpl', code: '{\n  "type": "service_account",\n  "private_key_id": "{{ .Values.keyId }}",\n  "private_key": "{{ .Values.key }}"\n}' },
    { name: 'id of 39 characters', path: 'sa.json', code: keyFile(ids[1]!.slice(1)) },
    { name: 'upper-case hex (not what Google writes)', path: 'sa.json', code: keyFile(ids[1]!.toUpperCase().replace(/^[0-9]/, 'A')) },
    { name: 'allowed inline', path: 'test/sa.json', code: keyFile(ids[2]!).replace(`${ids[2]}",`, `${ids[2]}", "_comment": "shipgate-allow",`) },
  ],
  invalid: [
    { name: 'key file as Google writes it', path: 'credentials/sa.json', code: keyFile(ids[0]!), findings: [{ line: 4, column: 22 }] },
    { name: 'keys sorted, type after the id', path: 'sa.sorted.json', code: sortedKeyFile(ids[1]!), findings: [{ line: 4, column: 22 }] },
    { name: 'minified onto one line in .env', path: '.env', code: `GOOGLE_CREDENTIALS='${minified(ids[2]!)}'`, findings: [{ line: 1 }] },
    {
      name: 'JSON escaped inside a JS string',
      path: 'src/gcp.ts',
      code: `const creds = JSON.parse("${minified(ids[3]!).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}");`,
      findings: [{ line: 1 }],
    },
    {
      name: 'YAML (Kubernetes secret stringData)',
      path: 'k8s/gcp-secret.yaml',
      code: `stringData:\n  key.json: |\n    {\n      "type": "service_account",\n      "private_key_id": "${ids[4]}",\n      "private_key": "${pem}\\n"\n    }`,
      findings: [{ line: 5, column: 26 }],
    },
    {
      name: 'Python dict',
      path: 'settings.py',
      code: `GCP_CREDENTIALS = {\n    'type': 'service_account',\n    'private_key_id': '${ids[5]}',\n    'private_key': '${pem}\\n',\n}`,
      findings: [{ line: 3, column: 24 }],
    },
    {
      name: 'Terraform heredoc',
      path: 'main.tf',
      code: `locals {\n  sa = <<EOF\n${keyFile(ids[6]!)}\nEOF\n}`,
      findings: [{ line: 6, column: 22 }],
    },
  ],
});

test('gcp-service-account: the service account context is looked for only a little way past the id', () => {
  const far = `{\n  "private_key_id": "${ids[7]}",\n  "notes": "${randomFrom('abcdefgh ', 900)}",\n  "type": "service_account"\n}`;
  assert.equal(findingsFor(gcpServiceAccount, { path: 'a.json', code: far }).length, 0);
});

test('gcp-service-account: adversarial input stays bounded', () => {
  const line = `"private_key_id": "${ids[0]}", `;
  const inputs = [
    line.repeat(Math.ceil(1_000_000 / line.length)),
    (line + '\n').repeat(Math.ceil(1_000_000 / line.length)),
    'private_key_id'.repeat(70_000),
    ('"private_key_id": "' + 'a'.repeat(60) + '"\n').repeat(12_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    findingsFor(gcpServiceAccount, { path: 'big.json', code });
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
