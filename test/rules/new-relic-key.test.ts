import { test } from 'uvu';
import { newRelicKey } from '../../rules/new-relic-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { hex, tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2314);
const user = [tokensB.newRelicUser(), tokensB.newRelicUser()];
const license = tokensB.newRelicLicense();
const euLicense = tokensB.newRelicLicense('eu01xx');
const insert = tokensB.newRelicInsert();
const browser = tokensB.newRelicBrowser();
const NRAK = 'NR' + 'AK';
const NRAL = 'NR' + 'AL';

testRule(newRelicKey, {
  valid: [
    { name: 'X placeholder', path: '.env.example', code: `NEW_RELIC_API_KEY=${NRAK}-${'X'.repeat(27)}` },
    { name: 'truncated in docs', path: 'docs/monitoring.md', code: `NEW_RELIC_USER_KEY=${NRAK}-...` },
    { name: 'license key with a non-hex body', path: 'newrelic.yml', code: `license_key: ${'x'.repeat(36)}${NRAL}` },
    { name: 'license key one character short', path: 'newrelic.yml', code: `license_key: ${hex(35)}${NRAL}` },
    { name: 'environment reference', path: 'newrelic.js', code: "license_key: process.env.NEW_RELIC_LICENSE_KEY," },
    { name: 'user key of lower-case characters', path: 'a.env', code: `KEY=${NRAK}-${hex(27)}` },
    { name: 'inside a longer word', path: 'a.txt', code: `x${license}` },
  ],
  invalid: [
    { name: '.env user key', path: '.env', code: `NEW_RELIC_API_KEY=${user[0]}\nNEW_RELIC_ACCOUNT_ID=1234567`, findings: [{ line: 1, column: 19 }] },
    { name: 'newrelic.yml license key', path: 'newrelic.yml', code: `common: &default_settings\n  license_key: '${license}'\n  app_name: orders`, findings: [{ line: 2, column: 17 }] },
    { name: 'EU license key in a shell script', path: 'install.sh', code: `echo "license_key: ${euLicense}" | sudo tee -a /etc/newrelic-infra.yml`, findings: [{ line: 1, column: 20 }] },
    { name: 'Insights insert key in Java', path: 'src/main/java/Events.java', code: `headers.set("X-Insert-Key", "${insert}");`, findings: [{ line: 1, column: 30 }] },
    { name: 'browser key in the page snippet', path: 'public/index.html', code: `<script>;NREUM.loader_config={accountID:"1234567",licenseKey:"${browser}",applicationID:"7654321"};</script>`, findings: [{ line: 1 }] },
    { name: 'newrelic.ini', path: 'newrelic.ini', code: `[newrelic]\nlicense_key = ${license}`, findings: [{ line: 2, column: 15 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV NEW_RELIC_LICENSE_KEY=${euLicense}`, findings: [{ line: 1, column: 27 }] },
    { name: 'NerdGraph call in JS', path: 'scripts/nerdgraph.js', code: `fetch(url, { headers: { 'API-Key': '${user[1]}' } });`, findings: [{ line: 1, column: 37 }] },
  ],
});

test.run();
