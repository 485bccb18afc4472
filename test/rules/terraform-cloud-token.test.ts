import { test } from 'uvu';
import { terraformCloudToken } from '../../rules/terraform-cloud-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { BASE62, reseed } from '../helpers/tokens.js';

reseed(2313);
const t = Array.from({ length: 6 }, () => tokensB.terraform());
const ATLAS = 'atlas' + 'v1';

testRule(terraformCloudToken, {
  valid: [
    { name: 'x placeholder', path: 'docs/cli.md', code: `token = "${['x'.repeat(14), ATLAS, 'x'.repeat(67)].join('.')}"` },
    { name: 'secret part too short', path: 'a.hcl', code: `token = "${[mixed(BASE62, 14), ATLAS, mixed(URL_SAFE, 20)].join('.')}"` },
    { name: 'id part too short', path: 'a.hcl', code: `token = "${[mixed(BASE62, 10), ATLAS, mixed(URL_SAFE, 67)].join('.')}"` },
    { name: 'environment reference', path: '.github/workflows/plan.yml', code: '          cli_config_credentials_token: ${{ secrets.TF_API_TOKEN }}' },
    { name: 'word in prose', path: 'CHANGELOG.md', code: `Tokens now contain ".${ATLAS}." in the middle.` },
  ],
  invalid: [
    { name: '.terraformrc credentials block', path: '.terraformrc', code: `credentials "app.terraform.io" {\n  token = "${t[0]}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'credentials.tfrc.json', path: 'credentials.tfrc.json', code: `{\n  "credentials": {\n    "app.terraform.io": { "token": "${t[1]}" }\n  }\n}`, findings: [{ line: 3, column: 37 }] },
    { name: 'TF_TOKEN environment variable', path: '.env', code: `TF_TOKEN_app_terraform_io=${t[2]}`, findings: [{ line: 1, column: 27 }] },
    { name: 'GitHub Actions', path: '.github/workflows/apply.yml', code: `        with:\n          cli_config_credentials_token: ${t[3]}`, findings: [{ line: 2, column: 41 }] },
    { name: 'shell curl', path: 'scripts/runs.sh', code: `curl -H "Authorization: Bearer ${t[4]}" https://app.terraform.io/api/v2/runs`, findings: [{ line: 1, column: 32 }] },
    { name: 'Python', path: 'tfc.py', code: `TFC_TOKEN = "${t[5]}"`, findings: [{ line: 1, column: 14 }] },
  ],
});

test.run();
