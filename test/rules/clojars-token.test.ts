import { test } from 'uvu';
import { clojarsToken } from '../../rules/clojars-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3016);
const prefix = ['CLO', 'JARS_'].join('');
const t = tokensC.clojars();
const t2 = tokensC.clojars();

testRule(clojarsToken, {
  valid: [
    { name: 'variable names only', path: 'README.md', code: 'env CLOJARS_USERNAME=username CLOJARS_PASSWORD=clojars-token clj -A:deploy' },
    { name: 'secret reference', path: '.github/workflows/release.yml', code: 'env:\n  CLOJARS_PASSWORD: ${{ secrets.CLOJARS_DEPLOY_TOKEN }}' },
    { name: 'x placeholder', path: 'docs/deploy.md', code: `CLOJARS_PASSWORD=${prefix}${'x'.repeat(60)}` },
    { name: 'zeros placeholder', path: 'docs/deploy.md', code: `:password "${prefix}${'0'.repeat(60)}"` },
    { name: 'too short', path: 'a.env', code: `CLOJARS_PASSWORD=${prefix}${hex(40)}` },
    { name: 'lower-case prefix', path: 'a.env', code: `CLOJARS_PASSWORD=${prefix.toLowerCase()}${hex(60)}` },
  ],
  invalid: [
    { name: 'shell', path: 'bin/release', code: `env CLOJARS_USERNAME=acme CLOJARS_PASSWORD=${t} clj -T:build deploy`, findings: [{ line: 1, column: 44 }] },
    { name: 'Leiningen profiles (EDN)', path: 'profiles.clj', code: `{:auth {:repository-auth {#"clojars" {:username "acme"\n                                       :password "${t2}"}}}}`, findings: [{ line: 2, column: 51 }] },
    { name: '.env', path: '.env', code: `CLOJARS_USERNAME=acme\nCLOJARS_PASSWORD=${t}`, findings: [{ line: 2, column: 18 }] },
    { name: 'YAML', path: '.circleci/config.yml', code: `environment:\n  CLOJARS_PASSWORD: "${t2}"`, findings: [{ line: 2, column: 22 }] },
    { name: 'Maven settings.xml', path: 'settings.xml', code: `<server>\n  <id>clojars</id>\n  <password>${t}</password>\n</server>`, findings: [{ line: 3, column: 13 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM clojure:temurin-21-tools-deps\nARG CLOJARS_PASSWORD=${t2}`, findings: [{ line: 2, column: 22 }] },
  ],
});

test.run();
