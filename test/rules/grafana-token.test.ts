import { test } from 'uvu';
import { grafanaToken } from '../../rules/grafana-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { hex, mixed, tokensB } from '../helpers/tokens-b.js';
import { BASE62, digits, reseed } from '../helpers/tokens.js';

reseed(2315);
const sa = Array.from({ length: 5 }, () => tokensB.grafanaServiceAccount());
const cloud = Array.from({ length: 3 }, () => tokensB.grafanaCloud());
const GLSA = 'gl' + 'sa';
const GLC = 'gl' + 'c';
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');
const badSum = sa[0]!.slice(0, -8) + (sa[0]!.endsWith('0') ? '1' : '0') + sa[0]!.slice(-7);

testRule(grafanaToken, {
  valid: [
    { name: 'checksum does not match', path: 'provisioning/datasources.yaml', code: `      httpHeaderValue1: "Bearer ${badSum}"` },
    { name: 'X placeholder with a made-up checksum', path: 'docs/api.md', code: `Authorization: Bearer ${GLSA}_${'X'.repeat(32)}_${'a'.repeat(8)}` },
    { name: 'random checksum', path: 'a.env', code: `GRAFANA_TOKEN=${GLSA}_${mixed(BASE62, 32)}_${hex(8)}` },
    { name: 'cloud token that is not base64 JSON', path: 'a.env', code: `GRAFANA_CLOUD_TOKEN=${GLC}_${mixed(BASE62, 48)}` },
    { name: 'cloud token JSON without a key', path: 'a.env', code: `GRAFANA_CLOUD_TOKEN=${GLC}_${b64({ o: digits(7), n: 'deploy', m: { r: 'prod-us-east-0' } })}` },
    { name: 'C identifiers', path: 'src/gl_rmain.c', code: 'static void GLC_CreateLightmapTextureArray(void);' },
    { name: 'environment reference', path: 'grafana.ini', code: '[auth]\napi_key = $__env{GRAFANA_SA_TOKEN}' },
  ],
  invalid: [
    { name: '.env service account token', path: '.env', code: `GRAFANA_URL=https://grafana.internal\nGRAFANA_TOKEN=${sa[0]}`, findings: [{ line: 2, column: 15 }] },
    { name: 'provisioning YAML', path: 'provisioning/alerting/contact.yaml', code: `      settings:\n        authorization_credentials: ${sa[1]}`, findings: [{ line: 2, column: 36 }] },
    { name: 'curl Bearer', path: 'scripts/dashboards.sh', code: `curl -H "Authorization: Bearer ${sa[2]}" https://grafana.internal/api/search`, findings: [{ line: 1, column: 32 }] },
    { name: 'Terraform provider (cloud token)', path: 'infra/grafana.tf', code: `provider "grafana" {\n  cloud_access_policy_token = "${cloud[0]}"\n}`, findings: [{ line: 2, column: 32 }] },
    { name: 'Alloy / agent config (cloud token)', path: 'config.alloy', code: `  basic_auth {\n    password = "${cloud[1]}"\n  }`, findings: [{ line: 2, column: 17 }] },
    { name: 'JSON', path: 'config.json', code: `{"grafana": {"token": "${sa[3]}"}}`, findings: [{ line: 1, column: 24 }] },
    { name: 'Python', path: 'sync.py', code: `headers = {"Authorization": "Bearer ${sa[4]}"}\nLOKI_PASSWORD = "${cloud[2]}"`, findings: [{ line: 1, column: 37 }, { line: 2, column: 18 }] },
  ],
});

test.run();
