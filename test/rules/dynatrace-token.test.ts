import { test } from 'uvu';
import { dynatraceToken } from '../../rules/dynatrace-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed, UPPER_BASE32 } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3010);
const prefix = ['dt0', 'c01'].join('');
const t = tokensC.dynatrace();
const t2 = tokensC.dynatrace();
const id = randomFrom(UPPER_BASE32, 24);
// The documentation's example token has the `dt0s01` prefix (a SCIM token), built from parts.
const docExample = ['dt0' + 's01', randomFrom(UPPER_BASE32, 24), randomFrom(UPPER_BASE32, 64)].join('.');

testRule(dynatraceToken, {
  valid: [
    { name: 'token id only (safe to log)', path: 'logs/deploy.log', code: `Using API token ${prefix}.${id}.<masked>` },
    { name: 'another token type', path: 'docs/scim.md', code: `Authorization: Bearer ${docExample}` },
    { name: 'x placeholder', path: 'README.md', code: `DT_API_TOKEN=${prefix}.${'X'.repeat(24)}.${'X'.repeat(64)}` },
    { name: 'lower case', path: 'a.env', code: `DT_API_TOKEN=${prefix}.${id.toLowerCase()}.${randomFrom(UPPER_BASE32, 64).toLowerCase()}` },
    { name: 'secret portion too short', path: 'a.env', code: `DT_API_TOKEN=${prefix}.${id}.${randomFrom(UPPER_BASE32, 40)}` },
    { name: 'environment reference', path: 'k8s/dynakube.yaml', code: 'apiToken: ${DT_API_TOKEN}' },
  ],
  invalid: [
    { name: 'installer URL (shell)', path: 'scripts/install-agent.sh', code: `wget -O agent.sh "https://abc12345.live.dynatrace.com/api/v1/deployment/installer/agent/unix/default/latest?Api-Token=${t}"`, findings: [{ line: 1, column: 119 }] },
    { name: '.env', path: '.env', code: `DT_ENDPOINT=https://abc12345.live.dynatrace.com\nDT_API_TOKEN=${t2}`, findings: [{ line: 2, column: 14 }] },
    { name: 'Kubernetes secret (YAML)', path: 'k8s/dynakube-secret.yaml', code: `kind: Secret\nstringData:\n  apiToken: ${t}\n  dataIngestToken: ${t2}`, findings: [{ line: 3, column: 13 }, { line: 4, column: 20 }] },
    { name: 'HTTP header in JavaScript', path: 'src/metrics.js', code: `fetch(url, { headers: { Authorization: 'Api-Token ${t}' } });`, findings: [{ line: 1, column: 51 }] },
    { name: 'Python', path: 'ingest.py', code: `DT_TOKEN = "${t2}"`, findings: [{ line: 1, column: 13 }] },
    { name: 'Terraform provider', path: 'monitoring/main.tf', code: `provider "dynatrace" {\n  dt_api_token = "${t}"\n}`, findings: [{ line: 2, column: 19 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM alpine\nENV DT_API_TOKEN ${t2}`, findings: [{ line: 2, column: 18 }] },
  ],
});

test.run();
