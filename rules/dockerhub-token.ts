import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Docker Hub access tokens, used as the password of `docker login`:
//   personal access token       dckr_pat_ and 27 characters of [A-Za-z0-9_-]
//   organization access token   dckr_oat_ and 27 to 32 of the same
// Docker documents the prefixes and uses them in its examples; the lengths are those of real
// tokens as TruffleHog's and SonarSource's detectors match them.
// https://docs.docker.com/security/access-tokens/
// https://docs.docker.com/enterprise/security/access-tokens/
export const dockerhubToken: ContentRule = {
  id: 'dockerhub-token',
  kind: 'content',
  description: 'Docker Hub personal and organization access tokens (dckr_pat_, dckr_oat_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://docs.docker.com/security/access-tokens/',
  keywords: ['dckr_pat_', 'dckr_oat_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>dckr_(?:pat_[A-Za-z0-9_-]{27}|oat_[A-Za-z0-9_-]{27,32}))(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice('dckr_pat_'.length);
    // Base62 with _ and -: a real token mixes at least two of upper case, lower case and digits.
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Docker Hub access token',
  revoke:
    'https://app.docker.com/settings/personal-access-tokens (personal tokens; organization tokens are ' +
    'under the organization\'s settings, Access tokens)',
};
