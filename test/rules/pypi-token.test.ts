import { test } from 'uvu';
import { pypiToken } from '../../rules/pypi-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3106);
const t = Array.from({ length: 8 }, () => tokensA.pypi());
const long = tokensA.pypi(420);
const prefix = t[0]!.slice(0, 'pypi-'.length + 15);

testRule(pypiToken, {
  valid: [
    { name: 'TestPyPI token', path: '.pypirc', code: `[testpypi]\nusername = __token__\npassword = ${tokensA.testPypi()}` },
    { name: 'x placeholder', path: 'docs/release.md', code: `TWINE_PASSWORD=${prefix}${'x'.repeat(120)}` },
    { name: 'shortened with an ellipsis', path: 'README.md', code: `password = ${prefix}...` },
    { name: 'too short', path: 'a.env', code: `TWINE_PASSWORD=${t[0]!.slice(0, 50)}` },
    { name: 'secret reference', path: '.github/workflows/publish.yml', code: 'with:\n  password: ${{ secrets.PYPI_API_TOKEN }}' },
    { name: 'glued to a word', path: 'a.txt', code: `x${t[1]}` },
  ],
  invalid: [
    { name: '.pypirc', path: '.pypirc', code: `[pypi]\nusername = __token__\npassword = ${t[0]}`, findings: [{ line: 3, column: 12 }] },
    { name: '.env', path: '.env', code: `TWINE_USERNAME=__token__\nTWINE_PASSWORD=${t[1]}`, findings: [{ line: 2, column: 16 }] },
    { name: 'shell', path: 'release.sh', code: `twine upload -u __token__ -p ${t[2]} dist/*`, findings: [{ line: 1, column: 30 }] },
    { name: 'YAML', path: '.github/workflows/publish.yml', code: `env:\n  TWINE_PASSWORD: "${t[3]}"`, findings: [{ line: 2, column: 20 }] },
    { name: 'JSON', path: 'settings.json', code: `{"pypi": {"token": "${t[4]}"}}`, findings: [{ line: 1, column: 21 }] },
    { name: 'Python', path: 'publish.py', code: `os.environ["UV_PUBLISH_TOKEN"] = "${t[5]}"`, findings: [{ line: 1, column: 35 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ARG PYPI_TOKEN=${t[6]}`, findings: [{ line: 1, column: 16 }] },
    { name: 'token with caveats (long)', path: 'poetry.toml', code: `[http-basic.pypi]\npassword = "${long}"`, findings: [{ line: 2, column: 13 }] },
  ],
});

test.run();
