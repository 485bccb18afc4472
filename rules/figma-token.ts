import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Figma personal access tokens: `figd_` and about 40 characters of base64url ([A-Za-z0-9_-]);
// they read (and with write scopes change) every file the user can open.
// Figma documents the tokens; the shape is the one SonarSource's (S6765) and TruffleHog's
// detectors match, widened to 48 characters to keep longer tokens.
// https://www.figma.com/developers/api#access-tokens
export const figmaToken: ContentRule = {
  id: 'figma-token',
  kind: 'content',
  description: 'Figma personal access tokens (figd_)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.figma.com/developers/api#access-tokens',
  keywords: ['figd_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>figd_[A-Za-z0-9_-]{40,48})(?![A-Za-z0-9_-])/g,
  validate: (secret) => {
    const random = secret.slice('figd_'.length);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((c) => c.test(random)).length;
    return classes >= 2 && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Figma personal access token',
  revoke: 'https://www.figma.com/settings (Security, Personal access tokens: revoke the token)',
};
