import { test } from 'uvu';
import { dopplerToken } from '../../rules/doppler-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3129);
const pt = tokensA.doppler('pt');
const st = tokensA.doppler('st', 'prd');
const stNew = tokensA.doppler('st');
const sa = tokensA.doppler('sa');
const ct = tokensA.doppler('ct');
const scim = tokensA.doppler('scim');
const audit = tokensA.doppler('audit');
const more = tokensA.doppler('st', 'dev_eu-1');

testRule(dopplerToken, {
  valid: [
    { name: 'documentation placeholder', path: 'docs/deploy.md', code: "echo 'dp.st.prd.xxxx' | doppler configure set token --scope /usr/src/app" },
    { name: 'x placeholder of full length', path: 'README.md', code: `DOPPLER_TOKEN=dp.pt.${'x'.repeat(43)}` },
    { name: 'unknown kind', path: 'a.env', code: `DOPPLER_TOKEN=dp.zz.${randomFrom(BASE62, 43)}` },
    { name: 'too short', path: 'a.env', code: `DOPPLER_TOKEN=dp.pt.${randomFrom(BASE62, 39)}` },
    { name: 'too long', path: 'a.env', code: `DOPPLER_TOKEN=dp.pt.${randomFrom(BASE62, 45)}` },
    { name: 'glued to a word', path: 'a.txt', code: `xdp.pt.${randomFrom(BASE62, 43)}` },
    { name: 'environment lookup', path: 'run.sh', code: 'doppler run --token "$DOPPLER_TOKEN" -- npm start' },
  ],
  invalid: [
    { name: '.env, service token with config slug', path: '.env', code: `DOPPLER_TOKEN=${st}`, findings: [{ line: 1, column: 15 }] },
    { name: 'shell curl, personal token', path: 'api.sh', code: `curl -H 'api-key: ${pt}' https://api.doppler.com/v3/workplace`, findings: [{ line: 1, column: 19 }] },
    { name: 'YAML, service token without slug', path: '.github/workflows/ci.yml', code: `env:\n  DOPPLER_TOKEN: ${stNew}`, findings: [{ line: 2, column: 18 }] },
    { name: 'JSON, service account token', path: 'settings.json', code: `{"doppler": {"token": "${sa}"}}`, findings: [{ line: 1, column: 24 }] },
    { name: 'CLI token in the CLI config (YAML)', path: '.doppler/.doppler.yaml', code: `scoped:\n  /:\n    token: ${ct}`, findings: [{ line: 3, column: 12 }] },
    { name: 'Python, SCIM token', path: 'scim.py', code: `headers = {"Authorization": "Bearer ${scim}"}`, findings: [{ line: 1, column: 37 }] },
    { name: 'Terraform, audit token', path: 'main.tf', code: `provider "doppler" {\n  doppler_token = "${audit}"\n}`, findings: [{ line: 2, column: 20 }] },
    { name: 'Dockerfile, slug with _ and -', path: 'Dockerfile', code: `ENV DOPPLER_TOKEN=${more}`, findings: [{ line: 1, column: 19 }] },
  ],
});

test.run();
