import { test } from 'uvu';
import { gitlabPipelineTriggerToken } from '../../rules/gitlab-pipeline-trigger-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { gitlabRoutable, offByOne, tokensA } from '../helpers/tokens-a.js';

reseed(3103);
const t = Array.from({ length: 8 }, () => tokensA.gitlabPipelineTrigger());
const routable = gitlabRoutable('glptt-');

testRule(gitlabPipelineTriggerToken, {
  valid: [
    { name: 'x placeholder', path: 'docs/triggers.md', code: `curl -F token=glptt-${'x'.repeat(40)} -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline` },
    { name: 'zeros', path: 'docs/triggers.md', code: `TRIGGER_TOKEN=glptt-${'0'.repeat(40)}` },
    { name: 'upper-case hex is not a trigger token', path: 'a.env', code: `TRIGGER_TOKEN=glptt-${t[0]!.slice(6).toUpperCase()}` },
    { name: '39 characters', path: 'a.env', code: `TRIGGER_TOKEN=${t[0]!.slice(0, -1)}` },
    { name: 'CI variable', path: '.gitlab-ci.yml', code: 'script:\n  - curl -F "token=$TRIGGER_TOKEN" -F ref=main "$CI_API_V4_URL/projects/42/trigger/pipeline"' },
    { name: 'routable shape, bad checksum', path: 'a.env', code: `TRIGGER_TOKEN=${offByOne(routable)}` },
    { name: 'git SHA after the prefix text', path: 'CHANGELOG.md', code: `fixed glptt-parsing in ${randomFrom('0123456789abcdef', 40)}` },
  ],
  invalid: [
    { name: 'shell curl', path: 'scripts/deploy.sh', code: `curl -X POST -F token=${t[0]} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline`, findings: [{ line: 1, column: 23 }] },
    { name: '.env', path: '.env', code: `TRIGGER_TOKEN=${t[1]}`, findings: [{ line: 1, column: 15 }] },
    { name: 'YAML', path: '.gitlab-ci.yml', code: `trigger:\n  variables:\n    TOKEN: "${t[2]}"`, findings: [{ line: 3, column: 13 }] },
    { name: 'JSON', path: 'hooks.json', code: `{"trigger_token": "${t[3]}"}`, findings: [{ line: 1, column: 20 }] },
    { name: 'Python', path: 'ci.py', code: `requests.post(url, data={"token": "${t[4]}", "ref": "main"})`, findings: [{ line: 1, column: 36 }] },
    { name: 'Terraform', path: 'main.tf', code: `resource "null_resource" "t" {\n  triggers = { token = "${t[5]}" }\n}`, findings: [{ line: 2 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV TRIGGER_TOKEN=${t[6]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'routable, checksum valid', path: 'a.env', code: `TRIGGER_TOKEN=${routable}`, findings: [{ line: 1, column: 15 }] },
  ],
});

test.run();
