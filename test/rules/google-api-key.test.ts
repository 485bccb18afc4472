import { test } from 'uvu';
import { googleApiKey } from '../../rules/google-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3109);
const t = Array.from({ length: 9 }, () => tokensA.googleApiKey());
const prefix = ['AI', 'za', 'Sy'].join('');

testRule(googleApiKey, {
  valid: [
    { name: 'x placeholder', path: 'docs/maps.md', code: `<script src="https://maps.googleapis.com/maps/api/js?key=${prefix}${'X'.repeat(33)}"></script>` },
    { name: 'one letter repeated', path: 'test/config.test.js', code: `apiKey: "${prefix}${'a'.repeat(33)}",` },
    { name: 'upper case only', path: 'a.txt', code: `${prefix.toUpperCase()}${t[0]!.slice(6).toUpperCase()}` },
    { name: 'too long', path: 'a.env', code: `GOOGLE_API_KEY=${t[0]}abc` },
    { name: 'too short', path: 'a.env', code: `GOOGLE_API_KEY=${t[0]!.slice(0, -1)}` },
    { name: 'inside a longer run', path: 'bundle.min.js', code: `var s="GWw4hjABFz${t[1]}"` },
    { name: 'environment reference', path: 'src/firebase.ts', code: 'apiKey: import.meta.env.VITE_FIREBASE_API_KEY,' },
  ],
  invalid: [
    { name: 'Firebase config (JS)', path: 'src/firebase.ts', code: `const firebaseConfig = {\n  apiKey: "${t[0]}",\n  authDomain: "acme.firebaseapp.com",\n};`, findings: [{ line: 2, column: 12 }] },
    { name: 'HTML script URL', path: 'public/index.html', code: `<script src="https://maps.googleapis.com/maps/api/js?key=${t[1]}&callback=initMap"></script>`, findings: [{ line: 1, column: 58 }] },
    { name: '.env', path: '.env.production', code: `VITE_MAPS_KEY=${t[2]}`, findings: [{ line: 1, column: 15 }] },
    { name: 'google-services.json', path: 'android/app/google-services.json', code: `{\n  "api_key": [\n    { "current_key": "${t[3]}" }\n  ]\n}`, findings: [{ line: 3, column: 23 }] },
    { name: 'YAML', path: 'config.yaml', code: `google:\n  api_key: ${t[4]}`, findings: [{ line: 2, column: 12 }] },
    { name: 'Python', path: 'geo.py', code: `gmaps = googlemaps.Client(key="${t[5]}")`, findings: [{ line: 1, column: 32 }] },
    { name: 'shell', path: 'geocode.sh', code: `curl "https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=${t[6]}"`, findings: [{ line: 1, column: 75 }] },
    { name: 'Terraform', path: 'main.tf', code: `variable "maps_key" {\n  default = "${t[7]}"\n}`, findings: [{ line: 2, column: 14 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV GOOGLE_API_KEY=${t[8]}`, findings: [{ line: 1, column: 20 }] },
  ],
});

test.run();
