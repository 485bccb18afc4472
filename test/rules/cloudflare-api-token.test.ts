import { test } from 'uvu';
import { cloudflareApiToken } from '../../rules/cloudflare-api-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { hex, mixed, tokensB } from '../helpers/tokens-b.js';
import { BASE62, reseed } from '../helpers/tokens.js';

reseed(2322);
const user = [tokensB.cloudflare('ut'), tokensB.cloudflare('ut')];
const account = tokensB.cloudflare('at');
const global = tokensB.cloudflare('k');
const legacy = [tokensB.cloudflareLegacy(), tokensB.cloudflareLegacy()];
const globalKey = [tokensB.cloudflareGlobal(), tokensB.cloudflareGlobal()];
const CFUT = 'cf' + 'ut_';

testRule(cloudflareApiToken, {
  valid: [
    { name: 'checksum does not match', path: '.env', code: `CLOUDFLARE_API_TOKEN=${CFUT}${mixed(BASE62, 40)}${hex(8)}` },
    { name: 'account id is not a token', path: 'wrangler.toml', code: `account_id = "${hex(32)}"` },
    { name: 'zone id', path: '.env', code: `CF_ZONE_ID=${hex(32)}` },
    { name: '40 characters with no Cloudflare name', path: 'src/ids.ts', code: `export const key = '${tokensB.cloudflareLegacy()}';` },
    { name: 'git SHA next to a Cloudflare name', path: 'versions.env', code: `CLOUDFLARE_API_TOKEN_ROTATED_AT_COMMIT=${hex(40)}` },
    { name: 'upper-case hex global key', path: '.env', code: `CF_API_KEY=${hex(37).toUpperCase()}` },
    { name: 'environment reference (acme.sh)', path: 'dns.sh', code: 'export CF_Token="$CLOUDFLARE_TOKEN"' },
    { name: 'GitHub Actions secret', path: '.github/workflows/deploy.yml', code: '          apiToken: ${{ secrets.CLOUDFLARE_API_TOKEN }}' },
  ],
  invalid: [
    { name: '.env user token', path: '.env', code: `CLOUDFLARE_ACCOUNT_ID=${hex(32)}\nCLOUDFLARE_API_TOKEN=${user[0]}`, findings: [{ line: 2, column: 22 }] },
    { name: 'account token in JSON', path: 'config.json', code: `{"cloudflare": {"token": "${account}"}}`, findings: [{ line: 1, column: 27 }] },
    { name: 'global key in the new format, YAML', path: 'config/dns.yml', code: `cloudflare:\n  api_key: ${global}`, findings: [{ line: 2, column: 12 }] },
    { name: 'Terraform provider', path: 'infra/main.tf', code: `provider "cloudflare" {\n  api_token = "${user[1]}"\n}`, findings: [{ line: 2, column: 16 }] },
    { name: 'legacy token next to a Cloudflare name', path: '.env', code: `CLOUDFLARE_API_TOKEN=${legacy[0]}`, findings: [{ line: 1, column: 22 }] },
    { name: 'legacy token, Traefik name', path: 'docker-compose.yml', code: `      CF_DNS_API_TOKEN: "${legacy[1]}"`, findings: [{ line: 1, column: 26 }] },
    { name: 'legacy global key, acme.sh', path: 'dns.sh', code: `export CF_Key="${globalKey[0]}"\nexport CF_Email="ops@acme-logistics.io"`, findings: [{ line: 1, column: 16 }] },
    { name: 'X-Auth-Key header', path: 'scripts/purge.sh', code: `curl -X POST https://api.cloudflare.com/client/v4/zones/$ZONE/purge_cache -H "X-Auth-Key: ${globalKey[1]}"`, findings: [{ line: 1 }] },
  ],
});

test.run();
