import { isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// PyPI API tokens: `pypi-` and a base64url macaroon. Every token pypi.org issues opens with the
// same bytes (macaroon v2, location "pypi.org"), which base64url-encode to AgEIcHlwaS5vcmc; the
// rest is the identifier, caveats and signature, 50 characters at least and longer with caveats.
// TestPyPI tokens (location test.pypi.org, AgENdGVzdC5weXBpLm9yZw) publish nowhere real and are
// not findings.
// https://pypi.org/help/#apitoken
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/pypi.go
// Linear time: fixed prefix that cannot follow a token character, then one bounded run.
export const pypiToken: ContentRule = {
  id: 'pypi-token',
  kind: 'content',
  description: 'PyPI API tokens (pypi-AgEIcHlwaS5vcmc...)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://pypi.org/help/#apitoken',
  keywords: ['pypi-ageichlwas5vcmc'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,2000})(?![A-Za-z0-9_-])/g,
  // Placeholders show at the start of the macaroon body; the long random rest would eventually
  // spell a placeholder word by chance.
  validate: (secret) => !isPlaceholder(secret.slice('pypi-AgEIcHlwaS5vcmc'.length).slice(0, 48)),
  secretName: 'PyPI API token',
  revoke: 'https://pypi.org/manage/account/token/ (remove the token; PyPI also revokes tokens found in public GitHub repositories)',
};
