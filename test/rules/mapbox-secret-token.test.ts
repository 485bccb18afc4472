import { test } from 'uvu';
import { mapboxSecretToken } from '../../rules/mapbox-secret-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed } from '../helpers/tokens.js';
import { mapboxPayload, tokensC, URL_SAFE } from '../helpers/tokens-c.js';

reseed(3007);
const sk = tokensC.mapboxSecret();
const sk2 = tokensC.mapboxSecret('northwind-geo');
const pk = tokensC.mapboxPublic();
const signature = randomFrom(URL_SAFE, 22);
const docExample = ['s' + 'k', mapboxPayload('examples'), signature].join('.');
const notJson = ['s' + 'k', 'eyJ' + randomFrom(URL_SAFE, 60), signature].join('.');
const noClaims = ['s' + 'k', Buffer.from(JSON.stringify({ sub: 'acme', scope: 'styles:read' })).toString('base64url'), signature].join('.');
const xSignature = ['s' + 'k', mapboxPayload('acme-logistics'), 'x'.repeat(22)].join('.');

testRule(mapboxSecretToken, {
  valid: [
    { name: 'public token', path: 'src/map.ts', code: `mapboxgl.accessToken = '${pk}';` },
    { name: 'documentation account "examples"', path: 'docs/tiles.md', code: `curl "https://api.mapbox.com/tokens/v2?access_token=${docExample}"` },
    { name: 'payload is not JSON', path: 'a.txt', code: `MAPBOX_TOKEN=${notJson}` },
    { name: 'payload without the Mapbox claims', path: 'a.txt', code: `MAPBOX_TOKEN=${noClaims}` },
    { name: 'x signature', path: 'README.md', code: `MAPBOX_DOWNLOADS_TOKEN=${xSignature}` },
    { name: 'truncated', path: 'docs/ios.md', code: 'Secret tokens start with `sk.eyJ` and are shown once.' },
    { name: 'environment reference', path: '.netrc.example', code: 'password ${MAPBOX_DOWNLOADS_TOKEN}' },
  ],
  invalid: [
    { name: '.netrc (iOS SDK downloads)', path: '.netrc', code: `machine api.mapbox.com\nlogin mapbox\npassword ${sk}`, findings: [{ line: 3, column: 10 }] },
    { name: 'gradle.properties (Android SDK downloads)', path: 'gradle.properties', code: `MAPBOX_DOWNLOADS_TOKEN=${sk2}`, findings: [{ line: 1, column: 24 }] },
    { name: '.env', path: '.env.local', code: `MAPBOX_PUBLIC_TOKEN=${pk}\nMAPBOX_SECRET_TOKEN=${sk}`, findings: [{ line: 2, column: 21 }] },
    { name: 'shell (Uploads API)', path: 'scripts/upload.sh', code: `curl -X POST "https://api.mapbox.com/uploads/v1/acme?access_token=${sk2}"`, findings: [{ line: 1, column: 67 }] },
    { name: 'JSON', path: 'config/maps.json', code: `{\n  "mapbox": { "secretToken": "${sk}" }\n}`, findings: [{ line: 2, column: 31 }] },
    { name: 'Python', path: 'tiles/publish.py', code: `service = Uploader(access_token="${sk}")`, findings: [{ line: 1, column: 34 }] },
    { name: 'YAML', path: '.github/workflows/ios.yml', code: `env:\n  MAPBOX_DOWNLOADS_TOKEN: ${sk2}`, findings: [{ line: 2, column: 27 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nARG MAPBOX_TOKEN=${sk}`, findings: [{ line: 2, column: 18 }] },
  ],
});

test.run();
