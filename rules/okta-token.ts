import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';
import { contextName } from './support/key-name.js';

// Okta API tokens: `00` and 40 characters of base64url, sent as `Authorization: SSWS <token>`;
// a token acts with the full admin rights of the user who created it. `00` followed by 40
// characters is not distinctive on its own, so the rule needs Okta context on the line: the
// SSWS scheme, or a value assigned under a name that mentions Okta, directly (OKTA_API_TOKEN=,
// oktaToken:) or one level down ("okta": {"token": ...}, okta.client.token=).
// https://developer.okta.com/docs/guides/create-an-api-token/main/
//
// Left to right, each part bounded, names and separators made of disjoint characters:
//   context    SSWS and blanks; or a name, a run of [A-Za-z0-9_./-] (okta.com/ counts) taken
//              from its start (a run of overlapping "okta"s is read once, not once per word)
//              that holds "okta" in its first 30 characters, optionally a separator and a
//              second name, then a separator. Names are taken atomically (a lookahead captures
//              the run, a backreference consumes it): a run that does not fit fails once.
//   value      00 and 40 of [A-Za-z0-9_-], not followed by another one

export const oktaToken: ContentRule = {
  id: 'okta-token',
  kind: 'content',
  description: 'Okta API tokens (SSWS) next to Okta context: the SSWS scheme or an Okta-named key',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
  keywords: ['okta', 'ssws'],
  pattern: new RegExp(
    '(?:' +
      contextName('okta', '[a-z0-9_./-]') +
      '|' +
      '(?<![a-z0-9])ssws[ \\t]{1,4}' +
      ')' +
      '(?<secret>00[a-z0-9_-]{40})(?![a-z0-9_-])',
    'gi',
  ),
  validate: (secret) => {
    const random = secret.slice(2);
    // base64url random: mixed case and digits, never only hex (a 42-character hex run is a hash).
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !/^[0-9a-f]+$/i.test(random) && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Okta API token',
  revoke:
    'https://help.okta.com/en-us/content/topics/security/api.htm (Admin Console, Security > API > Tokens: ' +
    'revoke the token; it stops working at once)',
};
