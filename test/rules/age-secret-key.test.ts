import { test } from 'uvu';
import { ageSecretKey } from '../../rules/age-secret-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { bech32Encode, bytes, tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2325);
const keys = Array.from({ length: 6 }, () => tokensB.ageSecret());
const PREFIX = ['AGE', 'SECRET', 'KEY', '1'].join('-');
const recipient = bech32Encode('age', bytes(32));
const change = (key: string, at: number): string => key.slice(0, at) + (key[at] === 'Q' ? 'P' : 'Q') + key.slice(at + 1);

testRule(ageSecretKey, {
  valid: [
    { name: 'checksum does not match', path: 'keys.txt', code: change(keys[0]!, 40) },
    { name: 'all Q (the usual documentation filler)', path: 'README.md', code: `${PREFIX}${'Q'.repeat(58)}` },
    { name: 'public key (recipient)', path: '.sops.yaml', code: `creation_rules:\n  - age: ${recipient}` },
    { name: 'key one character short', path: 'keys.txt', code: keys[1]!.slice(0, -1) },
    { name: 'environment reference', path: '.github/workflows/decrypt.yml', code: '          SOPS_AGE_KEY: ${{ secrets.SOPS_AGE_KEY }}' },
  ],
  invalid: [
    {
      name: 'age-keygen output',
      path: 'keys.txt',
      code: `# created: 2024-06-01T10:00:00Z\n# public key: ${recipient}\n${keys[0]}`,
      findings: [{ line: 3, column: 1 }],
    },
    { name: '.env (SOPS)', path: '.env', code: `SOPS_AGE_KEY=${keys[1]}`, findings: [{ line: 1, column: 14 }] },
    { name: 'YAML', path: 'k8s/sops-secret.yaml', code: `stringData:\n  keys.txt: "${keys[2]}"`, findings: [{ line: 2, column: 14 }] },
    { name: 'JSON', path: 'config.json', code: `{"ageIdentity": "${keys[3]}"}`, findings: [{ line: 1, column: 18 }] },
    { name: 'shell export', path: 'scripts/decrypt.sh', code: `export SOPS_AGE_KEY='${keys[4]}'\nsops -d secrets.enc.yaml`, findings: [{ line: 1, column: 22 }] },
    { name: 'Python', path: 'crypt.py', code: `IDENTITY = "${keys[5]}"`, findings: [{ line: 1, column: 13 }] },
  ],
});

test.run();
