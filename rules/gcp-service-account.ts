import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Google Cloud service account key files: JSON with "type": "service_account", a "private_key_id"
// (40 hex characters) and the "private_key" PEM block. The rule reports the private_key_id line,
// and only when the key file's own context follows within 600 characters: the "private_key" field
// holding a BEGIN PRIVATE KEY line (Google writes it right after the id), "service_account" (keys
// sorted alphabetically put "type" after the id) or the client email's gserviceaccount.com. The PEM
// block itself is the private-key rule's finding; this one names what leaked and where to revoke it.
// Also matched: the file minified onto one line, escaped inside a string (\"private_key_id\":
// \"...\"), and the same fields as YAML or a Python dict.
// https://cloud.google.com/iam/docs/keys-create-delete
// https://cloud.google.com/iam/docs/service-account-creds#key-types
//
// A multi-line rule: the engine hands it up to 64 KB from the start of a keyword line. The pattern
// is sticky (`y`) and opens with a lazy run of the keyword line, so each keyword line is searched
// once, never the whole window; the look-ahead past the id is bounded to 600 characters.
const QUOTE = '\\\\{0,3}["\']?';
const ASSIGN = `${QUOTE}[ \\t]{0,4}[:=][ \\t]{0,4}${QUOTE}`;
const CONTEXT =
  `(?=[^]{0,600}?(?:service_account|gserviceaccount\\.com|private_key${ASSIGN}-----BEGIN (?:RSA )?PRIVATE KEY-----))`;

export const gcpServiceAccount: ContentRule = {
  id: 'gcp-service-account',
  kind: 'content',
  description: 'Google Cloud service account keys (the private_key_id of a service account key file)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://cloud.google.com/iam/docs/keys-create-delete',
  keywords: ['private_key_id'],
  multiline: true,
  pattern: new RegExp(
    `[^\\n]*?(?<![A-Za-z0-9_])private_key_id${ASSIGN}(?<secret>[0-9a-f]{40})(?![0-9A-Za-z_])${CONTEXT}`,
    'gy',
  ),
  validate: (secret) => !isPlaceholder(secret) && /[a-f]/.test(secret) && /[0-9]/.test(secret),
  secretName: 'Google Cloud service account key',
  revoke:
    'https://console.cloud.google.com/iam-admin/serviceaccounts (the service account\'s Keys tab: delete the key ' +
    'with this id and create a new one; `gcloud iam service-accounts keys delete <id>`)',
};
