import { test } from 'uvu';
import { azureStorageConnectionString } from '../../rules/azure-storage-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3111);
const keys = Array.from({ length: 9 }, () => tokensA.azureAccountKey());
const cs = (key: string, name = 'acmeprod01'): string => tokensA.azureConnectionString(name, key);
const col = (line: string, token: string): number => line.indexOf(token) + 1;
// The storage emulator (Azurite) account: a published key, shaped like any other.
const emulator = `DefaultEndpointsProtocol=http;AccountName=${['devstore', 'account1'].join('')};AccountKey=${keys[0]};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;

testRule(azureStorageConnectionString, {
  valid: [
    { name: 'storage emulator account', path: 'local.settings.json', code: `{"Values": {"AzureWebJobsStorage": "${emulator}"}}` },
    { name: 'development storage shortcut', path: 'local.settings.json', code: '{"Values": {"AzureWebJobsStorage": "UseDevelopmentStorage=true"}}' },
    { name: 'template', path: 'appsettings.Development.json', code: '"Storage": "DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net"' },
    { name: 'key reference', path: 'deploy.sh', code: 'CONN="DefaultEndpointsProtocol=https;AccountName=$ACCOUNT;AccountKey=$KEY;EndpointSuffix=core.windows.net"' },
    { name: 'x placeholder key', path: 'README.md', code: cs(`${'x'.repeat(86)}==`) },
    { name: 'key one character short', path: 'a.env', code: cs(`${keys[1]!.slice(1)}`) },
    { name: 'key that is not 64 bytes of base64', path: 'a.env', code: cs(`${keys[1]!.slice(0, 85)}B==`) },
    { name: 'SAS connection string (no account key)', path: 'a.env', code: 'BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=abc' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `AZURE_STORAGE_CONNECTION_STRING=${cs(keys[0]!)}`, findings: [{ line: 1, column: col(cs(keys[0]!), keys[0]!) + 32 }] },
    {
      name: 'appsettings.json',
      path: 'appsettings.json',
      code: `{\n  "ConnectionStrings": {\n    "Storage": "${cs(keys[1]!)}"\n  }\n}`,
      findings: [{ line: 3, column: col(`    "Storage": "${cs(keys[1]!)}"`, keys[1]!) }],
    },
    { name: 'YAML', path: 'k8s/config.yaml', code: `data:\n  STORAGE: "${cs(keys[2]!)}"`, findings: [{ line: 2 }] },
    { name: 'JS', path: 'src/blob.ts', code: `const client = BlobServiceClient.fromConnectionString('${cs(keys[3]!)}');`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'upload.py', code: `conn = "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${keys[4]};EndpointSuffix=core.windows.net"`, findings: [{ line: 1, column: 72 }] },
    { name: 'shell (az cli)', path: 'upload.sh', code: `az storage blob upload --connection-string "${cs(keys[5]!)}" -f report.csv -c exports`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV AzureWebJobsStorage="${cs(keys[6]!)}"`, findings: [{ line: 1 }] },
    { name: 'Terraform', path: 'main.tf', code: `app_settings = {\n  "AzureWebJobsStorage" = "${cs(keys[7]!)}"\n}`, findings: [{ line: 2 }] },
    { name: 'lower-case field names', path: 'a.env', code: `STORAGE=defaultendpointsprotocol=https;accountname=acmedata;accountkey=${keys[8]}`, findings: [{ line: 1 }] },
  ],
});

test.run();
