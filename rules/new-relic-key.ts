import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// New Relic keys, recognisable by their four-letter tags:
//   NRAK-<27 upper-case alphanumerics>   user API key (NerdGraph, REST)
//   NRII-<32 base64url characters>       Insights insert key (event API)
//   NRJS-<19 hex>                        browser ingest key; it ships in page snippets, but anyone
//                                        holding it can send data to the account, so it is
//                                        reported and the team decides
//   <36 hex>NRAL                         license (ingest) key, 40 characters; EU keys start with
//                                        the region, eu01xx, then 30 hex
// https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/newrelic.go
export const newRelicKey: ContentRule = {
  id: 'new-relic-key',
  kind: 'content',
  description: 'New Relic user API keys (NRAK-), insert keys (NRII-), browser keys (NRJS-) and license keys (...NRAL)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
  keywords: ['nrak-', 'nrii-', 'nrjs-', 'nral'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}|[a-z0-9]{36}NRAL)(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    if (secret.endsWith('NRAL')) {
      // The region prefix (eu01xx) is fixed text; the rest is hex.
      const random = secret.slice(0, -4).replace(/^[a-z]{2}[0-9]{2}x{1,2}/, '');
      return /^[a-f0-9]{30,36}$/.test(random) && !isPlaceholder(random);
    }
    return !isPlaceholder(secret.slice(5));
  },
  secretName: 'New Relic key',
  revoke: 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher (API keys: delete the key, create a new one)',
};
