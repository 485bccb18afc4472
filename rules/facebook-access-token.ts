import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { contextName } from './support/key-name.js';

// Facebook (Meta Graph API) access tokens: user, page and system-user tokens start `EAA` and run
// to a few hundred base62 characters. `EAA` is not distinctive on its own, so a token needs
// context on the line: a name that mentions Facebook, fb, graph, Instagram or WhatsApp
// (FB_PAGE_TOKEN=, facebookAccessToken:, "facebook": {"access_token": ...}), or a Graph API URL
// (graph.facebook.com/...?access_token=). Tokens from the Graph API Explorer start with the
// fixed `EAACEdEose0cBA` and are reported anywhere.
// https://developers.facebook.com/docs/facebook-login/guides/access-tokens
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/facebook.go
//
// Left to right, each part bounded:
//   context   a name: a run of [A-Za-z0-9_.-] taken from its start (so a run of overlapping
//             context words is read once, not once per word) that holds a context word in its
//             first 30 characters; optionally a separator and a second name; then a separator
//             (names and separators are disjoint sets). Or a Graph API URL up to its
//             access_token parameter (at most 300 characters, tried shortest first). Or nothing
//             before the Explorer prefix.
//   token     EAA and 100 to 1000 base62 characters.
// Names and the token are taken atomically (a lookahead captures the run, a backreference
// consumes it), so a run that does not fit fails once instead of backtracking through every
// shorter length. The pattern opens with the context, tried at each character of the line; a
// line without a token's shape is not searched at all (12x faster on a node_modules, where
// "graph" and "fb." lines are many and tokens none).
const CONTEXT = '(?:facebook|instagram|whatsapp|graph|(?<![a-z0-9])fb)';

export const facebookAccessToken: ContentRule = {
  id: 'facebook-access-token',
  kind: 'content',
  description: 'Facebook / Meta Graph API access tokens (EAA...) next to Facebook context, and Graph API Explorer tokens',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
  keywords: [
    'eaacedeose0cba',
    'facebook', 'instagram', 'whatsapp', 'graph',
    'fb_', 'fb-', 'fb.', 'fbaccess', 'fbtoken', 'fbpage',
  ],
  pattern: new RegExp(
    '(?:' +
      contextName(CONTEXT, '[a-z0-9_.-]') +
      '|' +
      'graph\\.facebook\\.com/[^\\s"\'<>]{0,300}?[?&]access_token=' +
      '|' +
      '(?<![a-z0-9_])(?=eaacedeose0cba)' +
      ')' +
      '(?=(?<secret>eaa[a-z0-9]{100,1000}))\\k<secret>(?![a-z0-9_-])',
    'gi',
  ),
  lineHas: /eaa[a-z0-9]{100}/i,
  validate: (secret) => {
    // The pattern is case-insensitive for the names; the token itself is case-sensitive.
    if (!secret.startsWith('EAA')) return false;
    if (secret.slice(0, 14).toLowerCase() === 'eaacedeose0cba' && !secret.startsWith('EAACEdEose0cBA')) return false;
    const random = secret.slice(3);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    // Placeholders show at the start ("EAAxxxx..."); over a few hundred random characters the
    // placeholder words ("fake", "your") turn up by chance, so only the head is checked for them.
    return classes === 3 && !isPlaceholder(random.slice(0, 24)) && !hasTypedRun(random);
  },
  secretName: 'Facebook access token',
  revoke:
    'https://developers.facebook.com/tools/debug/accesstoken/ (check what the token grants; page and system-user ' +
    'tokens are invalidated by resetting the app secret at https://developers.facebook.com/apps, user tokens by ' +
    'removing the app from the user\'s settings)',
};
