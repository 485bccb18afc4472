import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsSessionToken } from '../../rules/aws-session-token.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed, tokens } from '../helpers/tokens.js';
import { tokensA } from '../helpers/tokens-a.js';

reseed(3101);
const sts = Array.from({ length: 12 }, () => tokensA.awsSessionToken('sts'));
const legacy = tokensA.awsSessionToken('legacy', 300);
const opaque = tokensA.opaqueBase64();
const keyId = tokens.awsKeyId('ASIA');
const secret = tokens.awsSecret();
const col = (line: string, token: string): number => line.indexOf(token) + 1;
// The AWS documentation's example opens AQoEXAMPLE...; built from parts.
const docExample = ['AQo', 'EXAMPLE', randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 300)].join('');

testRule(awsSessionToken, {
  valid: [
    { name: 'AWS documentation example', path: 'docs/sts.md', code: `aws_session_token = ${docExample}` },
    { name: 'shortened in the docs', path: 'README.md', code: `export AWS_SESSION_TOKEN=${sts[11]!.slice(0, 20)}...` },
    { name: 'GitHub Actions expression', path: '.github/workflows/deploy.yml', code: 'env:\n  AWS_SESSION_TOKEN: ${{ steps.creds.outputs.aws-session-token }}' },
    { name: 'shell variable', path: 'assume.sh', code: 'export AWS_SESSION_TOKEN="$(jq -r .Credentials.SessionToken creds.json)"' },
    { name: 'environment lookup', path: 'src/s3.ts', code: 'const sessionToken = process.env.AWS_SESSION_TOKEN;' },
    { name: 'template placeholder', path: '.env.example', code: 'AWS_SESSION_TOKEN=<your session token>' },
    { name: 'generic session token name, value not from STS', path: 'src/auth.py', code: `session_token = "${opaque}"` },
    { name: 'JSON sessionToken of another service', path: 'fixtures/login.json', code: `{"sessionToken": "${opaque}"}` },
    { name: 'too short', path: 'a.env', code: `AWS_SESSION_TOKEN=${sts[0]!.slice(0, 90)}` },
    { name: 'one character repeated', path: 'a.env', code: `aws_session_token=${'A'.repeat(300)}` },
    { name: 'value two lines after the name', path: 'k8s/deploy.yaml', code: `- name: AWS_SESSION_TOKEN\n  valueFrom:\n    value: ${sts[0]}` },
    { name: 'pair whose name is not a session token', path: 'task.json', code: `{"name": "AWS_REGION", "value": "${sts[0]}"}` },
    { name: 'allowed inline', path: 'test/creds.py', code: `aws_session_token = "${sts[1]}"  # pragma: allowlist secret` },
  ],
  invalid: [
    {
      name: 'credentials file',
      path: '.aws/credentials',
      code: `[ci]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\naws_session_token = ${sts[0]}`,
      findings: [{ line: 4, column: 21 }],
    },
    { name: '.env', path: '.env', code: `AWS_REGION=eu-west-1\nAWS_SESSION_TOKEN=${sts[1]}`, findings: [{ line: 2, column: 19 }] },
    {
      name: 'JSON (sts assume-role output)',
      path: 'creds.json',
      code: `{\n  "Credentials": {\n    "AccessKeyId": "${keyId}",\n    "SessionToken": "${sts[2]}",\n    "Expiration": "2025-05-01T12:00:00Z"\n  }\n}`,
      findings: [{ line: 4, column: col(`    "SessionToken": "${sts[2]}",`, sts[2]!) }],
    },
    { name: 'YAML', path: 'k8s/secret.yaml', code: `stringData:\n  AWS_SESSION_TOKEN: "${sts[3]}"`, findings: [{ line: 2, column: 23 }] },
    {
      name: 'TypeScript SDK credentials',
      path: 'src/client.ts',
      code: `new S3Client({ credentials: {\n  accessKeyId: '${keyId}',\n  sessionToken: '${sts[4]}',\n} });`,
      findings: [{ line: 3, column: 18 }],
    },
    { name: 'Python boto3', path: 'job.py', code: `boto3.Session(\n    aws_session_token="${sts[5]}",\n)`, findings: [{ line: 2, column: 24 }] },
    { name: 'shell export', path: 'ci.sh', code: `export AWS_SESSION_TOKEN='${sts[6]}'`, findings: [{ line: 1, column: 27 }] },
    { name: 'Dockerfile ENV', path: 'Dockerfile', code: `FROM python:3.12\nENV AWS_SESSION_TOKEN ${sts[7]}`, findings: [{ line: 2, column: 23 }] },
    { name: 'Terraform provider', path: 'main.tf', code: `provider "aws" {\n  token = "x"\n  aws_session_token = "${sts[8]}"\n}`, findings: [{ line: 3 }] },
    { name: 'older aws_security_token name, legacy token', path: 'boto.cfg', code: `[Credentials]\naws_security_token = ${legacy}`, findings: [{ line: 2, column: 22 }] },
    { name: 'X-Amz-Security-Token header', path: 'request.http', code: `GET /bucket HTTP/1.1\nX-Amz-Security-Token: ${sts[9]}`, findings: [{ line: 2, column: 23 }] },
    {
      name: 'Kubernetes env entry (name, then value)',
      path: 'k8s/deployment.yaml',
      code: `        env:\n          - name: AWS_SESSION_TOKEN\n            value: "${sts[11]}"`,
      findings: [{ line: 3, column: 21 }],
    },
    {
      name: 'ECS container definition (name/value pair on one line)',
      path: 'task-definition.json',
      code: `"environment": [\n  { "name": "AWS_SESSION_TOKEN", "value": "${sts[9]}" }\n]`,
      findings: [{ line: 2, column: 44 }],
    },
    { name: 'camelCase, with a suffix', path: 'config.js', code: `const awsSessionTokenProd = "${sts[10]}";`, findings: [{ line: 1, column: 30 }] },
  ],
});

test('aws-session-token: adversarial input stays bounded', () => {
  const inputs = [
    'aws_session_token=' + 'A'.repeat(1_000_000),
    'SessionToken: ' + 'IQoJb3JpZ2lu'.repeat(80_000),
    ('sessionToken="' + 'aB1/'.repeat(30) + '" ').repeat(7_000),
    'aws_session_token'.repeat(60_000),
    ('AWS_SESSION_TOKEN' + ' ='.repeat(10)).repeat(25_000),
  ];
  for (const code of inputs) {
    const started = performance.now();
    const findings = findingsFor(awsSessionToken, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
    assert.ok(performance.now() - started < 2000, 'bounded time');
  }
});

test.run();
