import { test } from 'uvu';
import { huggingfaceToken } from '../../rules/huggingface-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3115);
const t = Array.from({ length: 8 }, () => tokensA.huggingface());

testRule(huggingfaceToken, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `HF_TOKEN=hf_${'x'.repeat(34)}` },
    { name: 'camelCase identifier of the same length', path: 'Sources/Health.m', code: '- (id)hf_requiredCharacteristicTypesForDisplay;' },
    { name: 'identifier of 34 letters, mostly lower case', path: 'a.c', code: 'int hf_servingcellpriorityparametersdescript = 0;' },
    { name: 'glued to a word', path: 'a.m', code: `_kHMSymptom${t[0]}` },
    { name: 'followed by an underscore', path: 'a.c', code: `${t[0]}_h_prio` },
    { name: 'digits are not in tokens', path: 'a.env', code: `HF_TOKEN=hf_${t[0]!.slice(3, 36)}1` },
    { name: 'environment lookup', path: 'train.py', code: 'login(token=os.environ["HF_TOKEN"])' },
  ],
  invalid: [
    { name: 'shell (cli login)', path: 'setup.sh', code: `huggingface-cli login --token ${t[0]}`, findings: [{ line: 1, column: 31 }] },
    { name: '.env', path: '.env', code: `HF_TOKEN=${t[1]}`, findings: [{ line: 1, column: 10 }] },
    { name: 'Python', path: 'train.py', code: `from huggingface_hub import login\nlogin(token="${t[2]}")`, findings: [{ line: 2, column: 14 }] },
    { name: 'JS', path: 'src/hf.ts', code: `const hf = new HfInference('${t[3]}');`, findings: [{ line: 1, column: 29 }] },
    { name: 'YAML', path: '.github/workflows/sync.yml', code: `env:\n  HF_TOKEN: ${t[4]}`, findings: [{ line: 2, column: 13 }] },
    { name: 'JSON (notebook source)', path: 'demo.ipynb', code: `{"source": ["hf_token = \\"${t[5]}\\"\\n"]}`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV HUGGING_FACE_HUB_TOKEN=${t[6]}`, findings: [{ line: 1, column: 28 }] },
    { name: 'Authorization header', path: 'query.sh', code: `curl -H "Authorization: Bearer ${t[7]}" https://api-inference.huggingface.co/models/gpt2`, findings: [{ line: 1, column: 32 }] },
  ],
});

test.run();
