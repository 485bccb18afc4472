import { test } from 'uvu';
import { alibabaAccessKeyId } from '../../rules/alibaba-access-key-id.js';
import { testRule } from '../helpers/rule-tester.js';
import { BASE62, randomFrom, reseed } from '../helpers/tokens.js';
import { tokensC } from '../helpers/tokens-c.js';

reseed(3015);
const prefix = ['LT', 'AI'].join('');
const id = tokensC.alibabaKeyId();
const id2 = tokensC.alibabaKeyId();
const secret = randomFrom(BASE62, 30);

testRule(alibabaAccessKeyId, {
  valid: [
    { name: 'x placeholder', path: 'README.md', code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${prefix}${'x'.repeat(20)}` },
    { name: 'all-capitals constant name', path: 'src/constants.ts', code: `export const ${prefix}ACCESSKEYIDENTIFIERX = 1;` },
    { name: 'inside a word', path: 'docs/stars.md', code: `The star ${'A'}${prefix}R${randomFrom(BASE62, 20)} is bright.` },
    { name: 'too short (old 16-character id)', path: 'a.env', code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${prefix}${randomFrom(BASE62, 12)}` },
    { name: 'too long', path: 'a.env', code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${prefix}${randomFrom(BASE62, 24)}` },
    { name: 'lower-case prefix', path: 'a.env', code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${prefix.toLowerCase()}${randomFrom(BASE62, 20)}` },
    { name: 'environment reference', path: 'deploy.sh', code: 'aliyun configure set --access-key-id "$ALIBABA_CLOUD_ACCESS_KEY_ID"' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}`, findings: [{ line: 1, column: 29 }] },
    { name: 'aliyun CLI config (JSON)', path: '.aliyun/config.json', code: `{\n  "profiles": [{"name": "default", "mode": "AK", "access_key_id": "${id2}"}]\n}`, findings: [{ line: 2 }] },
    { name: 'shell', path: 'scripts/oss.sh', code: `aliyun configure set --mode AK --access-key-id ${id} --access-key-secret ${secret}`, findings: [{ line: 1, column: 48 }] },
    { name: 'Java properties', path: 'src/main/resources/application.properties', code: `alibaba.cloud.access-key=${id2}`, findings: [{ line: 1, column: 26 }] },
    { name: 'Python SDK', path: 'oss_upload.py', code: `auth = oss2.Auth("${id}", "${secret}")`, findings: [{ line: 1, column: 19 }] },
    { name: 'Terraform provider', path: 'main.tf', code: `provider "alicloud" {\n  access_key = "${id2}"\n}`, findings: [{ line: 2, column: 17 }] },
    { name: 'YAML', path: 'config/storage.yml', code: `oss:\n  accessKeyId: ${id}`, findings: [{ line: 2, column: 16 }] },
  ],
});

test.run();
