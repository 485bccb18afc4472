import { test } from 'uvu';
import { vaultToken } from '../../rules/vault-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';

reseed(2312);
const service = Array.from({ length: 4 }, () => tokensB.vaultService());
const root = tokensB.vaultRoot();
const batch = tokensB.vaultBatch();
const legacy = Array.from({ length: 3 }, () => tokensB.vaultLegacy());
const hv = (kind: string, body: string): string => [`hv${kind}`, body].join('.');

testRule(vaultToken, {
  valid: [
    { name: 'x placeholder', path: '.env.example', code: `VAULT_TOKEN=${hv('s', 'x'.repeat(95))}` },
    { name: 'too short', path: 'docs/vault.md', code: `Tokens look like ${hv('s', 'CAESIJ')}...` },
    { name: 'legacy shape, letters only (camelCase member)', path: 'src/vault.ts', code: `const vault = s.makeKubeConfigController(args);` },
    { name: 'legacy shape with no Vault on the line', path: 'src/ids.js', code: `const id = '${['s', randomFrom(BASE62, 24)].join('.')}';` },
    { name: 'environment reference', path: 'ci.yml', code: '  VAULT_TOKEN: ${{ secrets.VAULT_TOKEN }}' },
    { name: 'legacy token on a line that does not mention Vault', path: 'config.yml', code: `vault:\n  token: ${tokensB.vaultLegacy()}` },
    { name: 'low-entropy body', path: 'test/vault.test.ts', code: `const token = '${hv('s', 'ab12'.repeat(24))}';` },
  ],
  invalid: [
    { name: '.env service token', path: '.env', code: `VAULT_ADDR=https://vault.acme-logistics.io\nVAULT_TOKEN=${service[0]}`, findings: [{ line: 2, column: 13 }] },
    { name: 'root token from operator init', path: 'notes/init.md', code: `Initial Root Token: ${root}`, findings: [{ line: 1, column: 21 }] },
    { name: 'batch token in JSON', path: 'fixtures/login.json', code: `{"auth": {"client_token": "${batch}", "renewable": false}}`, findings: [{ line: 1, column: 28 }] },
    { name: 'legacy token in an X-Vault-Token header', path: 'scripts/read.sh', code: `curl -H "X-Vault-Token: ${legacy[0]}" https://vault.internal:8200/v1/secret/data/app`, findings: [{ line: 1, column: 25 }] },
    { name: 'legacy token, vault login', path: 'README.md', code: `vault login ${legacy[1]}`, findings: [{ line: 1, column: 13 }] },
    { name: 'Terraform provider', path: 'infra/vault.tf', code: `provider "vault" {\n  token = "${service[1]}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'namespaced token', path: 'a.env', code: `VAULT_TOKEN=${service[2]}.${randomFrom(BASE62, 5)}`, findings: [{ line: 1, column: 13 }] },
    { name: 'Python hvac', path: 'secrets.py', code: `client = hvac.Client(url=VAULT_ADDR, token="${service[3]}")`, findings: [{ line: 1 }] },
    { name: 'YAML', path: 'config.yml', code: `vault:\n  vault_token: ${legacy[2]}`, findings: [{ line: 2, column: 16 }] },
  ],
});

test.run();
