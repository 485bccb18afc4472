import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { privateKeyFile } from '../../rules/private-key-file.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';

testRule(privateKeyFile, {
  valid: [
    { name: 'public key', path: '.ssh/id_rsa.pub' },
    { name: 'public key of a named copy', path: 'deploy/id_ed25519_ci.pub' },
    { name: 'SSH certificate', path: 'id_ecdsa-cert.pub' },
    { name: 'source file named after a key', path: 'src/id_rsa_parser.ts' },
    { name: 'not an SSH key name', path: 'src/valid_rsa' },
    { name: 'known_hosts', path: '.ssh/known_hosts' },
    { name: 'authorized_keys', path: '.ssh/authorized_keys' },
    { name: 'certificate only', path: 'certs/server.crt' },
    { name: 'Java trust store', path: 'src/main/resources/truststore.jks' },
    { name: 'JDK cacerts', path: 'docker/cacerts.jks' },
    { name: 'symlink', path: 'id_rsa', kind: 'symlink' },
  ],
  invalid: [
    { path: 'id_rsa', findings: [{ line: 0, column: 0 }] },
    { path: '.ssh/id_dsa', findings: [{ line: 0 }] },
    { path: 'deploy/keys/id_ecdsa', findings: [{ line: 0 }] },
    { path: 'home/ci/.ssh/id_ed25519', findings: [{ line: 0 }] },
    { name: 'FIDO key handle', path: 'id_ed25519_sk', findings: [{ line: 0 }] },
    { name: 'named copy', path: 'secrets/id_rsa_github', findings: [{ line: 0 }] },
    { name: 'hyphenated copy', path: 'id_ed25519-deploy', findings: [{ line: 0 }] },
    { name: 'backup', path: 'id_rsa.bak', findings: [{ line: 0 }] },
    { name: 'PKCS#12', path: 'certs/client.p12', findings: [{ line: 0 }] },
    { name: 'PFX upper case', path: 'certs/CodeSigning.PFX', findings: [{ line: 0 }] },
    { name: 'Java keystore', path: 'server/keystore.jks', findings: [{ line: 0 }] },
    { name: 'Android release keystore', path: 'android/app/release.keystore', findings: [{ line: 0 }] },
    { name: 'PuTTY key', path: 'tools/server.ppk', findings: [{ line: 0 }] },
  ],
});

test('private-key-file: the finding names the path', () => {
  const [finding] = findingsFor(privateKeyFile, { path: 'deploy/id_rsa' });
  assert.equal(finding?.messageId, 'private-key-file');
  assert.equal(finding?.data, { path: 'deploy/id_rsa' });
});

test.run();
