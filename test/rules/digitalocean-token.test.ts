import { test } from 'uvu';
import { digitaloceanToken } from '../../rules/digitalocean-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensA } from '../helpers/tokens-a.js';

reseed(3126);
const t = Array.from({ length: 6 }, () => tokensA.digitalocean('p'));
const oauth = tokensA.digitalocean('o');
const refresh = tokensA.digitalocean('r');

testRule(digitaloceanToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `DIGITALOCEAN_TOKEN=dop_v1_${'x'.repeat(64)}` },
    { name: 'zeros', path: 'docs/do.md', code: `DIGITALOCEAN_TOKEN=dop_v1_${'0'.repeat(64)}` },
    { name: 'unknown version', path: 'a.env', code: `DIGITALOCEAN_TOKEN=dop_v2_${hex(64)}` },
    { name: '63 hex characters', path: 'a.env', code: `DIGITALOCEAN_TOKEN=dop_v1_${hex(63)}` },
    { name: 'old unprefixed token (64 hex) is not claimed', path: 'a.env', code: `DIGITALOCEAN_TOKEN=${hex(64)}` },
    { name: 'environment lookup', path: 'main.tf', code: 'provider "digitalocean" {\n  token = var.do_token\n}' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `DIGITALOCEAN_ACCESS_TOKEN=${t[0]}`, findings: [{ line: 1, column: 27 }] },
    { name: 'Terraform', path: 'main.tf', code: `provider "digitalocean" {\n  token = "${t[1]}"\n}`, findings: [{ line: 2, column: 12 }] },
    { name: 'shell (doctl)', path: 'setup.sh', code: `doctl auth init --access-token ${t[2]}`, findings: [{ line: 1, column: 32 }] },
    { name: 'YAML (GitHub Actions)', path: '.github/workflows/deploy.yml', code: `- uses: digitalocean/action-doctl@v2\n  with:\n    token: ${t[3]}`, findings: [{ line: 3, column: 12 }] },
    { name: 'JSON (OAuth response)', path: 'fixtures/oauth.json', code: `{"access_token": "${oauth}", "refresh_token": "${refresh}"}`, findings: [{ line: 1, column: 19 }, { line: 1, column: 111 }] },
    { name: 'Python', path: 'do.py', code: `manager = digitalocean.Manager(token="${t[4]}")`, findings: [{ line: 1, column: 39 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV DIGITALOCEAN_TOKEN=${t[5]}`, findings: [{ line: 1, column: 24 }] },
  ],
});

test.run();
