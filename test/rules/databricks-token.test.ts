import { test } from 'uvu';
import { databricksToken } from '../../rules/databricks-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3128);
const t = Array.from({ length: 8 }, () => tokensA.databricks());

testRule(databricksToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `DATABRICKS_TOKEN=dapi${'x'.repeat(32)}` },
    { name: 'zeros', path: 'docs/jobs.md', code: `DATABRICKS_TOKEN=dapi${'0'.repeat(32)}` },
    { name: 'a word ending in dapi', path: 'src/api.ts', code: `const url = rapidapi${hex(32)};` },
    { name: '31 hex characters', path: 'a.env', code: `DATABRICKS_TOKEN=dapi${hex(31)}` },
    { name: 'upper-case hex', path: 'a.env', code: `DATABRICKS_TOKEN=dapi${hex(32).toUpperCase()}` },
    { name: 'environment lookup', path: 'job.py', code: 'w = WorkspaceClient(host=host, token=os.environ["DATABRICKS_TOKEN"])' },
  ],
  invalid: [
    { name: '.databrickscfg', path: '.databrickscfg', code: `[DEFAULT]\nhost = https://adb-1234567890123456.7.azuredatabricks.net\ntoken = ${t[0]}`, findings: [{ line: 3, column: 9 }] },
    { name: 'Azure token with -2 suffix', path: '.env', code: `DATABRICKS_TOKEN=${t[1]}-2`, findings: [{ line: 1, column: 18 }] },
    { name: 'Python', path: 'job.py', code: `w = WorkspaceClient(host=host, token="${t[2]}")`, findings: [{ line: 1, column: 39 }] },
    { name: 'JS', path: 'src/sql.ts', code: `const client = new DBSQLClient();\nawait client.connect({ host, path, token: '${t[3]}' });`, findings: [{ line: 2, column: 44 }] },
    { name: 'YAML', path: 'profiles.yml', code: `acme:\n  outputs:\n    prod:\n      token: ${t[4]}`, findings: [{ line: 4, column: 14 }] },
    { name: 'JSON', path: 'settings.json', code: `{"databricks.token": "${t[5]}"}`, findings: [{ line: 1, column: 23 }] },
    { name: 'shell curl', path: 'list.sh', code: `curl -H "Authorization: Bearer ${t[6]}" https://adb-1.azuredatabricks.net/api/2.0/clusters/list`, findings: [{ line: 1, column: 32 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "databricks" {\n  token = "${t[7]}"\n}`, findings: [{ line: 2, column: 12 }] },
  ],
});

test.run();
