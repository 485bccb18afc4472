import { test } from 'uvu';
import { dockerhubToken } from '../../rules/dockerhub-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3004);
const pat = ['dckr', 'pat', ''].join('_');
const p = tokensC.dockerPat();
const p2 = tokensC.dockerPat();
const o = tokensC.dockerOat();
const col = (line: string, token: string): number => line.indexOf(token) + 1;
const compose = `services:\n  ci:\n    environment:\n      - DOCKERHUB_TOKEN=${p2}`;

testRule(dockerhubToken, {
  valid: [
    { name: 'Docker API documentation example (too short)', path: 'docs/hub.md', code: `"secret": "${pat}${'124509'}${'ugsdjga93'}"` },
    { name: 'GitHub Actions secret reference', path: '.github/workflows/docker.yml', code: 'with:\n  password: ${{ secrets.DOCKERHUB_TOKEN }}' },
    { name: 'x placeholder', path: 'README.md', code: `docker login -u me -p ${pat}${'x'.repeat(27)}` },
    { name: 'words, not a token', path: 'docs/ci.md', code: `DOCKER_PASSWORD=${pat}your_token_goes_here_please` },
    { name: 'only lower-case letters', path: 'docs/ci.md', code: `DOCKER_PASSWORD=${pat}${randomFrom('abcdefghijklmnopqrstuvwxyz', 27)}` },
    { name: 'personal token too long', path: 'a.env', code: `DOCKER_PASSWORD=${pat}${randomFrom(BASE62, 33)}` },
    { name: 'allowed inline', path: 'test/login.test.ts', code: `login('${p}') // gitleaks:allow` },
  ],
  invalid: [
    { name: 'shell (docker login)', path: 'scripts/push.sh', code: `echo "${p}" | docker login -u acme --password-stdin`, findings: [{ line: 1, column: 7 }] },
    { name: '.env', path: '.env', code: `DOCKERHUB_USERNAME=acme\nDOCKERHUB_TOKEN=${p}`, findings: [{ line: 2, column: 17 }] },
    { name: 'organization access token in YAML', path: '.gitlab-ci.yml', code: `variables:\n  DOCKER_AUTH: "${o}"`, findings: [{ line: 2, column: 17 }] },
    { name: 'compose list syntax', path: 'docker-compose.yml', code: compose, findings: [{ line: 4, column: 25 }] },
    { name: 'Docker config JSON', path: '.docker/config.json', code: `{"auths": {"https://index.docker.io/v1/": {"username": "acme", "password": "${o}"}}}`, findings: [{ line: 1, column: col(`{"auths": {"https://index.docker.io/v1/": {"username": "acme", "password": "${o}"}}}`, o) }] },
    { name: 'Python', path: 'deploy.py', code: `client.login(username="acme", password="${p2}")`, findings: [{ line: 1, column: 41 }] },
    { name: 'Terraform provider', path: 'infra/docker.tf', code: `provider "docker" {\n  registry_auth {\n    password = "${p}"\n  }\n}`, findings: [{ line: 3, column: 17 }] },
  ],
});

test.run();
