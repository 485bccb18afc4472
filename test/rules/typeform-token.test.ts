import { test } from 'uvu';
import { typeformToken } from '../../rules/typeform-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3012);
const prefix = ['tf', 'p_'].join('');
const t = tokensC.typeform();
const t2 = tokensC.typeform();
const typedExample = prefix + 'abcdefghijklmnopqrstuvwxyz1234567890abcdefghi' + '_' + 'jklmnopqrstu';

testRule(typeformToken, {
  valid: [
    { name: 'typed documentation example', path: 'docs/typeform.md', code: `Authorization: Bearer ${typedExample}` },
    { name: 'x placeholder', path: 'README.md', code: `TYPEFORM_TOKEN=${prefix}${'x'.repeat(59)}` },
    { name: 'too short', path: 'a.env', code: `TYPEFORM_TOKEN=${prefix}${randomFrom(BASE62, 40)}` },
    { name: 'too long', path: 'a.env', code: `TYPEFORM_TOKEN=${prefix}${randomFrom(BASE62, 64)}` },
    { name: 'variable named tfp_something', path: 'src/forms.ts', code: 'const tfp_responses_by_form_identifier_for_dashboard_summary_view = new Map();' },
    { name: 'environment reference', path: 'n8n/credentials.json', code: '{"accessToken": "={{$env.TYPEFORM_TOKEN}}"}' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `TYPEFORM_TOKEN=${t}`, findings: [{ line: 1, column: 16 }] },
    { name: 'shell (curl)', path: 'scripts/export.sh', code: `curl -H "Authorization: Bearer ${t2}" https://api.typeform.com/forms`, findings: [{ line: 1, column: 32 }] },
    { name: 'JavaScript', path: 'src/typeform.js', code: `const client = createClient({ token: '${t}' });`, findings: [{ line: 1, column: 39 }] },
    { name: 'Python', path: 'sync/responses.py', code: `TYPEFORM = Typeform("${t2}")`, findings: [{ line: 1, column: 22 }] },
    { name: 'JSON (Airbyte source)', path: 'airbyte/source.json', code: `{"credentials": {"auth_type": "access_token", "access_token": "${t}"}}`, findings: [{ line: 1 }] },
    { name: 'YAML', path: 'config/forms.yml', code: `typeform:\n  token: ${t2}`, findings: [{ line: 2, column: 10 }] },
  ],
});

test.run();
