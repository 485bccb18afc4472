import { characterClasses } from '../src/entropy.js';
import type { ContentRule } from '../src/types.js';

// Fly.io tokens.
//   fo1_<43 base64url characters>        OAuth-style access token (`fly auth token`)
//   fm2_<base64>[,fm2_<base64>...]       macaroon tokens (`fly tokens create`), written after
//                                        "FlyV1 " in FLY_API_TOKEN; a token is a comma-separated
//                                        list of macaroons, all of which are the secret. fm1a_ and
//                                        fm1r_ are the earlier macaroon prefixes.
// https://fly.io/docs/security/tokens/
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/flyio.go
// The macaroon list is bounded runs separated by ",fm", which the runs cannot contain: linear.
export const flyioToken: ContentRule = {
  id: 'flyio-token',
  kind: 'content',
  description: 'Fly.io access tokens (fo1_) and macaroon tokens (FlyV1 fm2_..., fm1a_, fm1r_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://fly.io/docs/security/tokens/',
  keywords: ['fo1_', 'fm2_', 'fm1a_', 'fm1r_'],
  pattern:
    /(?<![A-Za-z0-9_+/-])(?<secret>fo1_[A-Za-z0-9_-]{43}|fm(?:2|1[ar])_[A-Za-z0-9+/]{100,4000}={0,3}(?:,fm(?:2|1[ar])_[A-Za-z0-9+/]{20,4000}={0,3}){0,10})(?![A-Za-z0-9_+/=-])/g,
  validate: (secret) => {
    const body = secret.slice(secret.indexOf('_') + 1, secret.indexOf('_') + 101);
    return characterClasses(body) >= 3 && new Set(body).size >= 16;
  },
  secretName: 'Fly.io token',
  revoke: 'https://fly.io/docs/flyctl/tokens-revoke/ (fly tokens revoke <id>; fo1_ tokens: fly auth logout, or the dashboard\'s Tokens page)',
};
