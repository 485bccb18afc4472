import { test } from 'uvu';
import { flyioToken } from '../../rules/flyio-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2323);
const access = [tokensB.flyAccess(), tokensB.flyAccess(), tokensB.flyAccess()];
const macaroons = [tokensB.flyMacaroons(), tokensB.flyMacaroons(), tokensB.flyMacaroons()];
const FO1 = 'fo' + '1_';

testRule(flyioToken, {
  valid: [
    { name: 'x placeholder', path: 'infra/doppler.tf', code: `  api_key = "${FO1}${'x'.repeat(43)}"` },
    { name: 'too short', path: 'docs/fly.md', code: `FLY_API_TOKEN=${FO1}${mixed(URL_SAFE, 20)}` },
    { name: 'inside an authenticity token', path: 'app/views/form.html', code: `<input type="hidden" name="authenticity_token" value="7SWa-F${'o1_'}${mixed(URL_SAFE, 60)}" />` },
    { name: 'macaroon too short', path: 'docs/fly.md', code: `FLY_API_TOKEN="FlyV1 ${'fm' + '2_'}${mixed(URL_SAFE, 30)}"` },
    { name: 'environment reference', path: '.github/workflows/fly.yml', code: '        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}' },
  ],
  invalid: [
    { name: '.env access token', path: '.env', code: `FLY_API_TOKEN=${access[0]}`, findings: [{ line: 1, column: 15 }] },
    { name: 'macaroon list in GitHub Actions', path: '.github/workflows/fly.yml', code: `        env:\n          FLY_API_TOKEN: FlyV1 ${macaroons[0]}`, findings: [{ line: 2, column: 32 }] },
    { name: 'macaroons in JSON', path: 'config.json', code: `{ "flyToken": "FlyV1 ${macaroons[1]}" }`, findings: [{ line: 1, column: 22 }] },
    { name: 'flyctl -t', path: 'deploy.sh', code: `fly deploy -t "FlyV1 ${macaroons[2]}"`, findings: [{ line: 1, column: 22 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV FLY_ACCESS_TOKEN=${access[1]}`, findings: [{ line: 1, column: 22 }] },
    { name: 'Python', path: 'fly.py', code: `TOKEN = "${access[2]}"`, findings: [{ line: 1, column: 10 }] },
  ],
});

test.run();
