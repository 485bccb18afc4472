import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Azure Storage connection strings with an account key:
//   DefaultEndpointsProtocol=https;AccountName=<3-24 lower-case alphanumerics>;AccountKey=<key>;...
// The key is 64 random bytes in base64: 86 characters, then "==". The rule reports the key.
// The storage emulator's account (devstoreaccount1) has a published, well-known key: not a finding.
// https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
// https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#connection-strings
// Linear time: literal field names, a bounded account name without ';', then one fixed-length run.
export const azureStorageConnectionString: ContentRule = {
  id: 'azure-storage-connection-string',
  kind: 'content',
  description: 'Azure Storage account keys in connection strings (AccountName=...;AccountKey=...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string',
  keywords: ['accountkey='],
  pattern:
    /(?<![A-Za-z0-9])AccountName=(?!devstoreaccount1;)[a-z0-9]{3,24};[ \t]{0,2}AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
  validate: (secret) => {
    const body = secret.slice(0, 86);
    // 64 bytes leave the last base64 digit's low four bits zero: A, Q, g or w.
    if (!/[AQgw]$/.test(body)) return false;
    return !isPlaceholder(body) && /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  secretName: 'Azure Storage account key',
  revoke:
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage#manually-rotate-access-keys ' +
    '(the storage account\'s Access keys page in the Azure portal: rotate the key; SAS tokens it signed stop working)',
};
