import { test } from 'uvu';
import { gitlabRunnerToken } from '../../rules/gitlab-runner-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { gitlabRoutable, offByOne, tokensA } from '../helpers/tokens-a.js';

reseed(3104);
const legacy = Array.from({ length: 6 }, () => tokensA.gitlabLegacy('glrt-'));
const routable = gitlabRoutable('glrt-t1_', { routing: 'c:1\no:3\nt:1' });
const routableNoType = gitlabRoutable('glrt-', { version: false });

testRule(gitlabRunnerToken, {
  valid: [
    { name: 'x placeholder', path: 'docs/runner.md', code: `gitlab-runner register --token glrt-${'x'.repeat(20)}` },
    { name: 'placeholder words', path: 'config.toml.example', code: '  token = "glrt-YOUR_RUNNER_TOKEN_HERE"' },
    { name: 'routable, checksum off by one', path: 'config.toml', code: `  token = "${offByOne(routable)}"` },
    { name: 'routable with an unknown infix', path: 'config.toml', code: `  token = "glrt-zz_${routable.slice('glrt-t1_'.length)}"` },
    { name: 'environment reference', path: 'docker-compose.yml', code: '    environment:\n      CI_SERVER_TOKEN: ${RUNNER_TOKEN}' },
    { name: 'registration flag only', path: 'README.md', code: 'Pass the glrt- token with --token.' },
  ],
  invalid: [
    {
      name: 'runner config.toml',
      path: '/etc/gitlab-runner/config.toml',
      code: `[[runners]]\n  name = "docker"\n  url = "https://gitlab.com"\n  token = "${legacy[0]}"`,
      findings: [{ line: 4, column: 12 }],
    },
    { name: 'routable with runner type', path: 'config.toml', code: `[[runners]]\n  token = "${routable}"`, findings: [{ line: 2, column: 12 }] },
    { name: 'routable, no type, no version', path: '.env', code: `RUNNER_TOKEN=${routableNoType}`, findings: [{ line: 1, column: 14 }] },
    { name: 'shell register', path: 'setup.sh', code: `gitlab-runner register --non-interactive --url https://gitlab.com --token ${legacy[1]} --executor docker`, findings: [{ line: 1 }] },
    { name: 'Helm values YAML', path: 'values.yaml', code: `gitlabUrl: https://gitlab.com/\nrunnerToken: "${legacy[2]}"`, findings: [{ line: 2, column: 15 }] },
    { name: 'JSON', path: 'runner.json', code: `{"token":"${legacy[3]}"}`, findings: [{ line: 1, column: 11 }] },
    { name: 'Terraform', path: 'runner.tf', code: `resource "helm_release" "runner" {\n  set_sensitive {\n    name  = "runnerToken"\n    value = "${legacy[4]}"\n  }\n}`, findings: [{ line: 4, column: 14 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM gitlab/gitlab-runner\nENV CI_SERVER_TOKEN=${legacy[5]}`, findings: [{ line: 2, column: 21 }] },
  ],
});

test.run();
