import { test } from 'uvu';
import { prefectApiKey } from '../../rules/prefect-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3011);
const prefix = ['pn', 'u_'].join('');
const k = tokensC.prefect();
const k2 = tokensC.prefect();

testRule(prefectApiKey, {
  valid: [
    { name: 'quoted placeholder', path: 'docs/cloud.md', code: "prefect cloud login -k '<my-api-key>'" },
    { name: 'x placeholder', path: 'README.md', code: `PREFECT_API_KEY=${prefix}${'x'.repeat(36)}` },
    { name: 'only lower-case letters', path: 'docs/a.md', code: `PREFECT_API_KEY=${prefix}${randomFrom('abcdefghijklmnopqrstuvwxyz', 36)}` },
    { name: 'too short', path: 'a.env', code: `PREFECT_API_KEY=${prefix}${randomFrom(BASE62, 30)}` },
    { name: 'too long', path: 'a.env', code: `PREFECT_API_KEY=${prefix}${randomFrom(BASE62, 40)}` },
    { name: 'environment reference', path: '.github/workflows/flows.yml', code: 'env:\n  PREFECT_API_KEY: ${{ secrets.PREFECT_API_KEY }}' },
    { name: 'allowed inline', path: 'tests/conftest.py', code: `API_KEY = "${k}"  # pragma: allowlist secret` },
  ],
  invalid: [
    { name: 'shell (prefect cloud login)', path: 'setup_all.sh', code: `prefect cloud login -k ${k}`, findings: [{ line: 1, column: 24 }] },
    { name: '.env', path: '.env', code: `PREFECT_API_URL=https://api.prefect.cloud/api/accounts/a/workspaces/w\nPREFECT_API_KEY=${k2}`, findings: [{ line: 2, column: 17 }] },
    { name: 'Prefect profiles (TOML)', path: 'profiles.toml', code: `[profiles.cloud]\nPREFECT_API_KEY = "${k}"`, findings: [{ line: 2, column: 20 }] },
    { name: 'Python', path: 'flows/deploy.py', code: `os.environ.setdefault("PREFECT_API_KEY", "${k2}")`, findings: [{ line: 1, column: 43 }] },
    { name: 'YAML (Helm values)', path: 'helm/worker-values.yaml', code: `worker:\n  cloudApiConfig:\n    apiKey: ${k}`, findings: [{ line: 3, column: 13 }] },
    { name: 'JSON', path: 'deploy.json', code: `{"env": {"PREFECT_API_KEY": "${k2}"}}`, findings: [{ line: 1, column: 30 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM prefecthq/prefect:3-latest\nENV PREFECT_API_KEY=${k}`, findings: [{ line: 2, column: 21 }] },
  ],
});

test.run();
