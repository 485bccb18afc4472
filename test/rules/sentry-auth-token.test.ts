import { test } from 'uvu';
import { sentryAuthToken } from '../../rules/sentry-auth-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { bytes, hex, tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2316);
const org = Array.from({ length: 4 }, () => tokensB.sentryOrg());
const user = [tokensB.sentryUser(), tokensB.sentryUser()];
const SNTRYS = 'sntry' + 's';
const SNTRYU = 'sntry' + 'u';
const secret43 = (): string => bytes(32).toString('base64').replace(/=+$/, '');

testRule(sentryAuthToken, {
  valid: [
    { name: 'payload is not JSON', path: '.sentryclirc', code: `[auth]\ntoken=${SNTRYS}_${Buffer.from('not json at all, just text').toString('base64')}_${secret43()}` },
    { name: 'payload without an org', path: '.env', code: `SENTRY_AUTH_TOKEN=${SNTRYS}_${Buffer.from(JSON.stringify({ iat: 1, url: 'https://sentry.io' })).toString('base64')}_${secret43()}` },
    { name: 'secret part too short', path: '.env', code: `SENTRY_AUTH_TOKEN=${org[0]!.slice(0, -10)}` },
    { name: 'zero user token', path: 'docs/sentry.md', code: `SENTRY_AUTH_TOKEN=${SNTRYU}_${'0'.repeat(64)}` },
    { name: 'user token one character short', path: '.env', code: `SENTRY_AUTH_TOKEN=${SNTRYU}_${hex(63)}` },
    { name: 'environment reference', path: '.github/workflows/release.yml', code: '          SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}' },
  ],
  invalid: [
    { name: '.sentryclirc', path: '.sentryclirc', code: `[defaults]\norg=acme-logistics\n\n[auth]\ntoken=${org[0]}`, findings: [{ line: 5, column: 7 }] },
    { name: '.env.sentry-build-plugin', path: '.env.sentry-build-plugin', code: `SENTRY_AUTH_TOKEN=${org[1]}`, findings: [{ line: 1, column: 19 }] },
    { name: 'GitHub Actions', path: '.github/workflows/release.yml', code: `        env:\n          SENTRY_AUTH_TOKEN: ${org[2]}`, findings: [{ line: 2, column: 30 }] },
    { name: 'next.config.js', path: 'next.config.js', code: `module.exports = withSentryConfig(nextConfig, {\n  authToken: '${org[3]}',\n});`, findings: [{ line: 2, column: 15 }] },
    { name: 'user token in a shell script', path: 'scripts/releases.sh', code: `curl -H "Authorization: Bearer ${user[0]}" https://sentry.io/api/0/organizations/`, findings: [{ line: 1, column: 32 }] },
    { name: 'user token in Python', path: 'tools/issues.py', code: `TOKEN = "${user[1]}"`, findings: [{ line: 1, column: 10 }] },
  ],
});

test.run();
