import { crc32 } from '../src/checksum.js';
import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Grafana tokens:
//   glsa_<32 alphanumerics>_<8 hex>   service account token; the 8 hex characters are the CRC-32
//                                     (IEEE) of "glsa_<32 alphanumerics>", its bytes little-endian,
//                                     as Grafana's satokengen writes and checks them
//   glc_<base64>                      Grafana Cloud access policy token: base64 of a JSON object
//                                     naming the org ("o"), the token ("n"), the key ("k") and
//                                     the region ("m": {"r": ...})
// https://github.com/grafana/grafana/blob/main/pkg/components/satokengen/tokengen.go
// https://grafana.com/docs/grafana/latest/administration/service-accounts/
// https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/
export const grafanaToken: ContentRule = {
  id: 'grafana-token',
  kind: 'content',
  description: 'Grafana service account tokens (glsa_, checksum-validated) and Grafana Cloud access policy tokens (glc_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/grafana/grafana/blob/main/pkg/components/satokengen/tokengen.go',
  keywords: ['glsa_', 'glc_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9_+/=-])/g,
  validate: (secret) => (secret.startsWith('glsa_') ? hasGrafanaChecksum(secret) : isCloudToken(secret.slice(4))),
  secretName: 'Grafana token',
  revoke:
    'https://grafana.com/docs/grafana/latest/administration/service-accounts/ (Administration, Service accounts: ' +
    'delete the token; Grafana Cloud access policy tokens under the Cloud portal\'s Access Policies)',
};

function hasGrafanaChecksum(token: string): boolean {
  const key = token.slice(0, -9);
  const sum = crc32(key);
  const littleEndian = [sum & 0xff, (sum >>> 8) & 0xff, (sum >>> 16) & 0xff, (sum >>> 24) & 0xff]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return token.slice(-8) === littleEndian;
}

function isCloudToken(payload: string): boolean {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    if (value === null || typeof value !== 'object') return false;
    const key = (value as Record<string, unknown>)['k'];
    return typeof key === 'string' && key.length >= 16 && !isPlaceholder(key) && 'o' in value;
  } catch {
    return false;
  }
}
