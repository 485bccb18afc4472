import { test } from 'uvu';
import { gitlabDeployToken } from '../../rules/gitlab-deploy-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { gitlabRoutable, offByOne, tokensA } from '../helpers/tokens-a.js';

reseed(3105);
const t = Array.from({ length: 7 }, () => tokensA.gitlabLegacy('gldt-'));
const routable = gitlabRoutable('gldt-');

testRule(gitlabDeployToken, {
  valid: [
    { name: 'x placeholder', path: 'docs/deploy.md', code: `docker login -u deployer -p gldt-${'x'.repeat(20)} registry.gitlab.com` },
    { name: 'CI variables', path: '.gitlab-ci.yml', code: 'script:\n  - docker login -u "$CI_DEPLOY_USER" -p "$CI_DEPLOY_PASSWORD" "$CI_REGISTRY"' },
    { name: '19 characters', path: 'a.env', code: `DEPLOY_TOKEN=${t[0]!.slice(0, -1)}` },
    { name: 'routable shape, bad checksum', path: 'a.env', code: `DEPLOY_TOKEN=${offByOne(routable)}` },
    { name: 'glued to a word', path: 'a.txt', code: `build${t[0]}` },
  ],
  invalid: [
    { name: 'docker login', path: 'scripts/pull.sh', code: `docker login -u gitlab+deploy-token-12 -p ${t[0]} registry.gitlab.com`, findings: [{ line: 1, column: 43 }] },
    { name: '.env', path: '.env', code: `CI_DEPLOY_USER=gitlab+deploy-token-12\nCI_DEPLOY_PASSWORD=${t[1]}`, findings: [{ line: 2, column: 20 }] },
    { name: 'git URL in YAML', path: 'requirements.yml', code: `- src: https://deployer:${t[2]}@gitlab.com/acme/roles.git`, findings: [{ line: 1, column: 25 }] },
    { name: 'JSON (docker config)', path: '.docker/config.json', code: `{"auths": {"registry.gitlab.com": {"username": "deployer", "password": "${t[3]}"}}}`, findings: [{ line: 1 }] },
    { name: 'Python', path: 'fetch.py', code: `TOKEN = "${t[4]}"`, findings: [{ line: 1, column: 10 }] },
    { name: 'Terraform', path: 'registry.tf', code: `locals {\n  deploy_token = "${t[5]}"\n}`, findings: [{ line: 2, column: 19 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ARG DEPLOY_TOKEN=${t[6]}\nRUN pip install git+https://deployer:\${DEPLOY_TOKEN}@gitlab.com/acme/lib.git`, findings: [{ line: 1, column: 18 }] },
    { name: 'routable, checksum valid', path: 'a.env', code: `DEPLOY_TOKEN=${routable}`, findings: [{ line: 1, column: 14 }] },
  ],
});

test.run();
