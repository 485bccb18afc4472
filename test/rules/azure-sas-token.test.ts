import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { azureSasToken } from '../../rules/azure-sas-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3112);
const sas = Array.from({ length: 8 }, () => tokensA.azureSas());
const account = tokensA.azureAccountSas();
const raw = tokensA.azureSasSignature().replace(/%2B/g, '+').replace(/%2F/g, '/').replace(/%3D/g, '=');
const col = (line: string, token: string): number => line.indexOf(token) + 1;
const blob = 'https://acmeprod.blob.core.windows.net/exports/report.csv';

testRule(azureSasToken, {
  valid: [
    { name: 'signature placeholder', path: 'docs/sas.md', code: `${blob}?sv=2022-11-02&sr=b&sp=r&se=2025-01-01&sig=<signature>` },
    { name: 'x signature', path: 'docs/sas.md', code: `${blob}?sv=2022-11-02&sr=b&sp=r&se=2025-01-01&sig=${'X'.repeat(43)}%3D` },
    { name: 'no service version', path: 'a.txt', code: `https://cdn.example.com/a.png?sp=r&se=2025-01-01&sig=${tokensA.azureSasSignature()}` },
    { name: 'neither expiry nor permissions', path: 'a.txt', code: `${blob}?sv=2022-11-02&sr=b&sig=${tokensA.azureSasSignature()}` },
    { name: 'Service Bus SAS (not storage)', path: 'a.env', code: `SB=SharedAccessSignature sr=acme.servicebus.windows.net&sig=${tokensA.azureSasSignature()}&se=1767225600&skn=send` },
    { name: 'signature too short', path: 'a.txt', code: `${blob}?sv=2022-11-02&sp=r&se=2025-01-01&sig=${tokensA.azureSasSignature().slice(6)}` },
    { name: 'variable reference', path: 'download.sh', code: 'curl -o report.csv "https://acmeprod.blob.core.windows.net/exports/report.csv?${SAS_TOKEN}"' },
  ],
  invalid: [
    { name: 'URL in shell', path: 'download.sh', code: `curl -o report.csv "${blob}?${sas[0]}"`, findings: [{ line: 1, column: col(`curl -o report.csv "${blob}?${sas[0]}"`, sas[0]!) }] },
    { name: '.env token alone', path: '.env', code: `AZURE_SAS_TOKEN=${sas[1]}`, findings: [{ line: 1, column: 17 }] },
    { name: '.env token with leading ?', path: '.env', code: `AZURE_SAS_TOKEN="?${account}"`, findings: [{ line: 1, column: 19 }] },
    { name: 'JSON', path: 'config.json', code: `{\n  "exportUrl": "${blob}?${sas[2]}"\n}`, findings: [{ line: 2 }] },
    { name: 'YAML', path: 'values.yaml', code: `backup:\n  sasToken: "${sas[3]}"`, findings: [{ line: 2, column: 14 }] },
    { name: 'JS', path: 'src/upload.ts', code: `const client = new BlobServiceClient(\`https://acmeprod.blob.core.windows.net?${account}\`);`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'sync.py', code: `SAS = "${sas[4]}"`, findings: [{ line: 1, column: 8 }] },
    { name: 'Terraform', path: 'main.tf', code: `locals {\n  sas_url = "${blob}?${sas[5]}"\n}`, findings: [{ line: 2 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV MODEL_URL=${blob}?${sas[6]}`, findings: [{ line: 1 }] },
    { name: 'signature not URL-encoded', path: 'a.ps1', code: `$sas = "sv=2021-08-06&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=${raw}"`, findings: [{ line: 1, column: 9 }] },
  ],
});

test('azure-sas-token: the whole query string is the reported token', () => {
  const [finding] = findingsFor(azureSasToken, { path: 'a.env', code: `SAS=${sas[7]}` });
  assert.ok(finding);
  assert.is(finding.column, 5);
});

test('azure-sas-token: adversarial input stays bounded', () => {
  const inputs = [
    'sv=20' + 'a=b&'.repeat(250_000),
    '?sv=2022-11-02&'.repeat(70_000),
    '/a=' .repeat(330_000),
    ('sv=2022-11-02&sp=r&se=' + 'x'.repeat(300) + '&').repeat(3_000),
    'sv=20' + '%2B'.repeat(330_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    findingsFor(azureSasToken, { path: 'big.txt', code });
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
