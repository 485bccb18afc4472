import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsAccessKeyId } from '../../rules/aws-access-key-id.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { reseed, tokens, UPPER_BASE32 } from '../helpers/tokens.js';

reseed(1001);
const akia = tokens.awsKeyId('AKIA');
const akia2 = tokens.awsKeyId('AKIA');
const asia = tokens.awsKeyId('ASIA');
const abia = tokens.awsKeyId('ABIA');
const acca = tokens.awsKeyId('ACCA');
const secret = tokens.awsSecret();
const docExample = tokens.awsDocExampleKeyId();
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(awsAccessKeyId, {
  valid: [
    { name: 'AWS documentation example', path: 'docs/setup.md', code: `[default]\naws_access_key_id = ${docExample}` },
    { name: 'temporary-key documentation example', path: 'README.md', code: `"AccessKeyId": "${'ASIA' + 'IOSFODNN7' + 'EXAMPLE'}"` },
    { name: 'X placeholder', path: '.env.example', code: `AWS_ACCESS_KEY_ID=AKIA${'X'.repeat(16)}` },
    { name: 'FAKE placeholder', path: 'test/s3.test.ts', code: `const id = 'AKIA${'FAKE'.repeat(4)}';` },
    { name: 'typed alphabet', path: 'test/fixtures.py', code: `KEY_ID = "AKIA${'ABCDEFGHIJKLMNOP'}"` },
    { name: 'one letter repeated', path: 'fixtures.json', code: `{"id": "AKIA${'Q'.repeat(16)}"}` },
    { name: 'too short', path: 'a.env.example', code: `AWS_ACCESS_KEY_ID=${akia.slice(0, 19)}` },
    { name: 'too long', path: 'notes.txt', code: `id: ${akia}Q` },
    { name: 'inside a longer word', path: 'notes.txt', code: `ref=X${akia}` },
    { name: 'lower case', path: 'a.ts', code: `const id = '${akia.toLowerCase()}';` },
    { name: 'not base32 (0, 1, 8, 9)', path: 'a.ts', code: `const id = 'AKIA${'0189'.repeat(4)}';` },
    { name: 'IAM user unique id (AIDA) is not a key', path: 'policy.json', code: `{"UserId": "AIDA${akia.slice(4)}"}` },
    { name: 'environment reference', path: '.github/workflows/deploy.yml', code: 'env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}' },
    { name: 'the word Asia', path: 'docs/regions.md', code: 'Deploy to Asia Pacific (Tokyo) with `--region ap-northeast-1`.' },
    { name: 'allowed inline', path: 'test/fixtures.js', code: `const id = '${akia}'; // shipgate-allow: aws-access-key-id` },
  ],
  invalid: [
    {
      name: 'INI credentials file',
      path: '.aws/credentials',
      code: `[default]\naws_access_key_id = ${akia}\naws_secret_access_key = ${secret}`,
      findings: [{ line: 2, column: 21 }],
    },
    { name: '.env', path: '.env', code: `AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${akia}`, findings: [{ line: 2, column: 19 }] },
    {
      name: 'JSON (STS output)',
      path: 'creds.json',
      code: `{\n  "Credentials": {\n    "AccessKeyId": "${asia}",\n    "Expiration": "2026-01-01T00:00:00Z"\n  }\n}`,
      findings: [{ line: 3, column: col(`    "AccessKeyId": "${asia}",`, asia) }],
    },
    { name: 'YAML', path: 'config/storage.yml', code: `amazon:\n  service: S3\n  access_key_id: ${akia}`, findings: [{ line: 3, column: 18 }] },
    {
      name: 'TypeScript SDK client',
      path: 'src/s3.ts',
      code: `const s3 = new S3Client({\n  credentials: { accessKeyId: '${akia}', secretAccessKey },\n});`,
      findings: [{ line: 2, column: 32 }],
    },
    { name: 'Python boto3', path: 'upload.py', code: `s3 = boto3.client("s3", aws_access_key_id="${akia}")`, findings: [{ line: 1 }] },
    { name: 'shell export', path: 'deploy.sh', code: `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${abia}`, findings: [{ line: 2, column: 26 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM python:3.12\nENV AWS_ACCESS_KEY_ID ${akia}`, findings: [{ line: 2 }] },
    {
      name: 'Terraform provider',
      path: 'main.tf',
      code: `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${akia}"\n}`,
      findings: [{ line: 3, column: 17 }],
    },
    { name: 'context-specific credential (ACCA)', path: 'notes.md', code: `key: \`${acca}\``, findings: [{ line: 1 }] },
    {
      name: 'two keys on one line',
      path: 'keys.csv',
      code: `user,key\nci,${akia},${akia2}`,
      findings: [{ line: 2, column: 4 }, { line: 2, column: 25 }],
    },
    { name: 'URL query string', path: 'link.txt', code: `https://bucket.s3.amazonaws.com/a?AWSAccessKeyId=${akia}&Expires=1`, findings: [{ line: 1 }] },
  ],
});

test('aws-access-key-id: adversarial input stays bounded', () => {
  const inputs = [
    'AKIA' + 'A'.repeat(200_000),
    'AKIA' + '2'.repeat(200_000),
    ('AKIA' + UPPER_BASE32.slice(0, 15) + ' ').repeat(50_000),
    ('AKIA' + '7'.repeat(16)).repeat(50_000),
    'asia '.repeat(200_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(awsAccessKeyId, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
