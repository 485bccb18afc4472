import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { datadogApiKey } from '../../rules/datadog-api-key.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3017);
const api = tokensC.datadogApiKey();
const api2 = tokensC.datadogApiKey();
const app = tokensC.datadogAppKey();
const app2 = tokensC.datadogAppKey();
const sha = hex(40);
const md5 = hex(32);
const col = (line: string, token: string): number => line.indexOf(token) + 1;
const helm = `helm install datadog-agent datadog/datadog --set datadog.apiKey=${api} --set datadog.appKey=${app}`;

testRule(datadogApiKey, {
  valid: [
    { name: '32 hex without a Datadog name (an MD5)', path: 'checksums.txt', code: `md5 = ${md5}` },
    { name: 'git SHA next to a Datadog word', path: 'versions.yml', code: `datadog_agent_commit: ${sha}` },
    { name: 'API key name with a 40-character value', path: 'a.env', code: `DD_API_KEY=${sha}` },
    { name: 'application key name with a 32-character value', path: 'a.env', code: `DD_APP_KEY=${md5}` },
    { name: 'dd inside a word', path: 'src/app.ts', code: `addApplicationKey: '${app}',` },
    { name: 'environment reference', path: 'docker-compose.yml', code: 'environment:\n  - DD_API_KEY=${DD_API_KEY}' },
    { name: 'shell variable in a header', path: 'scripts/event.sh', code: 'curl -H "DD-API-KEY: ${DD_API_KEY}" https://api.datadoghq.com/api/v1/validate' },
    { name: 'zeros placeholder', path: 'README.md', code: `DD_API_KEY=${'0'.repeat(32)}` },
    { name: 'typed placeholder', path: 'docs/agent.md', code: `DD_API_KEY=${'0123456789abcdef'.repeat(2)}` },
    { name: 'upper-case hex', path: 'a.env', code: `DD_API_KEY=${md5.toUpperCase()}` },
    { name: 'client token (public, pub prefix)', path: 'src/rum.ts', code: `clientToken: 'pub${md5}',` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `DD_SITE=datadoghq.eu\nDD_API_KEY=${api}\nDD_APP_KEY=${app}`, findings: [{ line: 2, column: 12 }, { line: 3, column: 12 }] },
    { name: 'docker run', path: 'scripts/agent.sh', code: `docker run -d -e DD_API_KEY="${api2}" -e DD_SITE="datadoghq.com" gcr.io/datadoghq/agent:7`, findings: [{ line: 1, column: 30 }] },
    { name: 'HTTP headers (shell)', path: 'scripts/monitors.sh', code: `curl -X GET "https://api.datadoghq.com/api/v1/monitor" \\\n  -H "DD-API-KEY: ${api}" \\\n  -H "DD-APPLICATION-KEY: ${app2}"`, findings: [{ line: 2, column: 19 }, { line: 3, column: 27 }] },
    { name: 'Helm --set', path: 'deploy/install.sh', code: helm, findings: [{ line: 1, column: col(helm, api) }, { line: 1, column: col(helm, app) }] },
    { name: 'YAML', path: 'k8s/datadog-secret.yaml', code: `stringData:\n  datadog_api_key: "${api2}"`, findings: [{ line: 2, column: 21 }] },
    { name: 'JSON', path: 'config/monitoring.json', code: `{\n  "datadogApiKey": "${api}",\n  "datadogAppKey": "${app}"\n}`, findings: [{ line: 2, column: 21 }, { line: 3, column: 21 }] },
    { name: 'Python', path: 'monitoring.py', code: `options = {"dd_api_key": "${api2}", "dd_app_key": "${app2}"}`, findings: [{ line: 1, column: 27 }, { line: 1 }] },
    { name: 'TypeScript', path: 'src/metrics.ts', code: `const DD_API_KEY = '${api}';`, findings: [{ line: 1, column: 21 }] },
    { name: 'Terraform variables', path: 'terraform.tfvars', code: `datadog_api_key = "${api2}"\ndatadog_app_key = "${app}"`, findings: [{ line: 1, column: 20 }, { line: 2, column: 20 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM datadog/agent:7\nENV DD_API_KEY=${api}`, findings: [{ line: 2, column: 16 }] },
  ],
});

test('datadog-api-key: adversarial input stays bounded', () => {
  const inputs = [
    'dd_api_key' + '='.repeat(200_000),
    'dd_api_key=' + 'a'.repeat(1_000_000),
    'datadog_application_key' + '_key'.repeat(50_000),
    'dd_api_key'.repeat(100_000),
    ('DD_API_KEY="' + 'ab12'.repeat(8) + 'c"').repeat(20_000),
    ('datadog-app-key: ' + '0f'.repeat(20) + '0').repeat(20_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(datadogApiKey, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 500, `${Math.round(performance.now() - started)} ms`);
  }
});

test.run();
