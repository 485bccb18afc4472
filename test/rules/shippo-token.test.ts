import { test } from 'uvu';
import { shippoToken } from '../../rules/shippo-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3013);
const prefix = ['ship' + 'po', 'live', ''].join('_');
const live = tokensC.shippoLive();
const live2 = tokensC.shippoLive();
const testToken = tokensC.shippoTest();

testRule(shippoToken, {
  valid: [
    { name: 'test token', path: '.env.development', code: `SHIPPO_API_TOKEN=${testToken}` },
    { name: 'x placeholder', path: 'README.md', code: `Authorization: ShippoToken ${prefix}${'x'.repeat(40)}` },
    { name: 'zeros placeholder', path: 'docs/shipping.md', code: `SHIPPO_API_TOKEN=${prefix}${'0'.repeat(40)}` },
    { name: 'too short', path: 'a.env', code: `SHIPPO_API_TOKEN=${prefix}${hex(32)}` },
    { name: 'not hex', path: 'a.env', code: `SHIPPO_API_TOKEN=${prefix}${hex(39)}g` },
    { name: 'environment reference', path: 'config/shipping.yml', code: 'api_token: <%= ENV["SHIPPO_API_TOKEN"] %>' },
  ],
  invalid: [
    { name: '.env', path: '.env.production', code: `SHIPPO_API_TOKEN=${live}`, findings: [{ line: 1, column: 18 }] },
    { name: 'shell (curl header)', path: 'scripts/label.sh', code: `curl https://api.goshippo.com/shipments/ \\\n  -H "Authorization: ShippoToken ${live2}"`, findings: [{ line: 2, column: 34 }] },
    { name: 'Python', path: 'shipping/client.py', code: `import shippo\nshippo.config.api_key = "${live}"`, findings: [{ line: 2, column: 26 }] },
    { name: 'Ruby (YAML)', path: 'config/shippo.yml', code: `production:\n  api_token: ${live2}`, findings: [{ line: 2, column: 14 }] },
    { name: 'TypeScript', path: 'src/shippo.ts', code: `const shippo = new Shippo({ apiKeyHeader: 'ShippoToken ${live}' });`, findings: [{ line: 1, column: 56 }] },
    { name: 'JSON', path: 'secrets.json', code: `{"shippo": {"token": "${live2}"}}`, findings: [{ line: 1, column: 23 }] },
  ],
});

test.run();
