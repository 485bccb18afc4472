import type { FileRule } from '../src/types.js';

// Committed private key files by name: OpenSSH's default key files (id_rsa, id_dsa, id_ecdsa,
// id_ed25519, the FIDO _sk variants, and copies named id_rsa_work, id_ed25519-deploy...; never
// the .pub halves), PKCS#12 bundles (.p12, .pfx), Java keystores (.jks, .keystore) and PuTTY
// keys (.ppk). Most are binary, so the private-key content rule cannot see inside them.
// https://man.openbsd.org/ssh-keygen#FILES
// https://www.rfc-editor.org/rfc/rfc7292 (PKCS#12)
export const privateKeyFile: FileRule = {
  id: 'private-key-file',
  kind: 'file',
  description: 'Committed private key files: id_rsa, id_ed25519..., .p12, .pfx, .jks, .keystore, .ppk',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://man.openbsd.org/ssh-keygen#FILES',
  files: [
    '**/id_{rsa,dsa,ecdsa,ed25519}{,_*,-*,.*}',
    '**/*.{p12,pfx,jks,keystore,ppk,P12,PFX,JKS,KEYSTORE,PPK}',
  ],
  check: ({ path, kind }) => {
    if (kind !== 'file') return null;
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    if (KEY_STORE_EXTENSIONS.has(extension)) {
      // A trust store holds only public CA certificates.
      return /truststore|cacerts/.test(name) ? null : { messageId: 'private-key-file', data: { path } };
    }
    if (!SSH_KEY_NAME.test(name) || NOT_A_KEY_EXTENSIONS.has(extension)) return null;
    return { messageId: 'private-key-file', data: { path } };
  },
};

const KEY_STORE_EXTENSIONS = new Set(['p12', 'pfx', 'jks', 'keystore', 'ppk']);

/** id_rsa, id_ed25519_sk, id_rsa_work, id_ecdsa-deploy, id_rsa.bak; not id_rsa.pub or id_rsa-cert.pub. */
const SSH_KEY_NAME = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:[_-][a-z0-9@._-]{0,64})?(?:\.(?:bak|old|orig|backup|key|pem))?$/;

/** Public halves, and source or docs that happen to be named like a key (id_rsa_parser.ts). */
const NOT_A_KEY_EXTENSIONS = new Set([
  'pub', 'ts', 'js', 'mjs', 'cjs', 'py', 'go', 'rs', 'rb', 'java', 'c', 'h', 'md', 'txt', 'json', 'yml', 'yaml',
]);
