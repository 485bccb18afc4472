import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Azure Storage shared access signatures: a query string with the service version (sv=YYYY-MM-DD),
// the expiry (se=) and/or permissions (sp=), and the signature sig=, an HMAC-SHA256 in base64
// (43 characters and "="), URL-encoded in URLs (%2B, %2F, %3D). Azure's tools and SDKs write sig
// last. The rule reports the whole query string from its first parameter to the signature: that is
// the token, and it grants what sp= says until se= to anyone who has it.
// https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
// https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas
//
// Linear time: a parameter is a bounded name, '=' and a bounded value that contains none of
// & ? = # quotes or blanks, so a query string splits into parameters one way only (the repetition
// over parameters cannot backtrack into another split). A match starts only at the beginning of
// the text or right after one of the characters a value cannot contain (? = " ' blank...), so no
// attempt starts inside another one's parameters: each character is read by one attempt.
const PARAM = '[A-Za-z]{1,8}=[^\\s&"\'<>`?=#]{0,256}';
const SIG = '(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd])';

export const azureSasToken: ContentRule = {
  id: 'azure-sas-token',
  kind: 'content',
  description: 'Azure Storage shared access signature (SAS) tokens (sv=...&se=...&sp=...&sig=...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
  keywords: ['sv=20'],
  pattern: new RegExp(`(?<![^\\s"'<>\`?=#])(?:${PARAM}&){2,24}sig=${SIG}(?![A-Za-z0-9+/%=])`, 'g'),
  validate: (token) => {
    const params = new Map<string, string>();
    for (const pair of token.split('&')) {
      const at = pair.indexOf('=');
      params.set(pair.slice(0, at), pair.slice(at + 1));
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(params.get('sv') ?? '')) return false;
    if (!params.has('se') && !params.has('sp')) return false;
    const sig = params.get('sig')!.replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
    return !isPlaceholder(sig.slice(0, -1)) && /[A-Z]/.test(sig) && /[a-z]/.test(sig);
  },
  secretName: 'Azure Storage SAS token',
  revoke:
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview#best-practices-when-using-sas ' +
    '(rotate the account key that signed it, delete or change its stored access policy, or revoke user delegation keys)',
};
