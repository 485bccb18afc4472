import { test } from 'uvu';
import { sonarqubeToken } from '../../rules/sonarqube-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3009);
const sqp = tokensC.sonarqube('p');
const squ = tokensC.sonarqube('u');
const sqa = tokensC.sonarqube('a');
const sha = hex(40);

testRule(sonarqubeToken, {
  valid: [
    { name: 'secret reference', path: '.github/workflows/sonar.yml', code: 'env:\n  SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}' },
    { name: 'old unprefixed token (a git SHA look-alike)', path: 'sonar-project.properties', code: `sonar.login=${sha}` },
    { name: 'x placeholder', path: 'README.md', code: `mvn sonar:sonar -Dsonar.token=${['sq', 'p_'].join('')}${'x'.repeat(40)}` },
    { name: 'zeros placeholder', path: 'docs/ci.md', code: `SONAR_TOKEN=${['sq', 'u_'].join('')}${'0'.repeat(40)}` },
    { name: 'unknown kind', path: 'a.env', code: `SONAR_TOKEN=${['sq', 'x_'].join('')}${hex(40)}` },
    { name: 'too long', path: 'a.env', code: `SONAR_TOKEN=${['sq', 'p_'].join('')}${hex(48)}` },
    { name: 'allowed inline', path: 'ci/local.sh', code: `SONAR_TOKEN=${sqp} # shipgate-allow` },
  ],
  invalid: [
    { name: 'Maven command line', path: 'README.md', code: `mvn clean verify sonar:sonar -Dsonar.projectKey=shop -Dsonar.token=${sqp}`, findings: [{ line: 1, column: 68 }] },
    { name: 'sonar-project.properties', path: 'sonar-project.properties', code: `sonar.projectKey=shop\nsonar.token=${sqa}`, findings: [{ line: 2, column: 13 }] },
    { name: '.env', path: '.env', code: `SONAR_HOST_URL=https://sonar.acme.dev\nSONAR_TOKEN=${squ}`, findings: [{ line: 2, column: 13 }] },
    { name: 'YAML', path: '.gitlab-ci.yml', code: `sonarqube-check:\n  variables:\n    SONAR_TOKEN: "${sqp}"`, findings: [{ line: 3, column: 19 }] },
    { name: 'Gradle (Kotlin DSL)', path: 'build.gradle.kts', code: `sonar {\n  properties {\n    property("sonar.token", "${squ}")\n  }\n}`, findings: [{ line: 3, column: 30 }] },
    { name: 'JSON', path: '.vscode/settings.json', code: `{"sonarlint.connectedMode.connections.sonarqube": [{"serverUrl": "https://sonar.acme.dev", "token": "${squ}"}]}`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM sonarsource/sonar-scanner-cli\nENV SONAR_TOKEN=${sqa}`, findings: [{ line: 2, column: 17 }] },
  ],
});

test.run();
