import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsSecretAccessKey } from '../../rules/aws-secret-access-key.js';
import { findingsFor, testRule } from '../helpers/rule-tester.js';
import { randomFrom, reseed, tokens } from '../helpers/tokens.js';

reseed(1002);
const key = tokens.awsKeyId();
const s = Array.from({ length: 20 }, () => tokens.awsSecret());
const docExample = tokens.awsDocExampleSecret();
const alphabet = Array.from({ length: 40 }, (_, i) => String.fromCharCode((i < 26 ? 97 : 65 - 26) + i)).join('');
const col = (line: string, token: string): number => line.indexOf(token) + 1;

testRule(awsSecretAccessKey, {
  valid: [
    { name: 'AWS documentation example', path: 'docs/cli.md', code: `[default]\naws_secret_access_key = ${docExample}` },
    { name: 'GitHub Actions secret reference', path: '.github/workflows/deploy.yml', code: 'with:\n  aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}' },
    { name: 'shell variable', path: 'deploy.sh', code: 'export AWS_SECRET_ACCESS_KEY="$AWS_SECRET"' },
    { name: 'environment lookup', path: 'src/s3.ts', code: 'const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY!;' },
    { name: 'template placeholder', path: '.env.example', code: 'AWS_SECRET_ACCESS_KEY=<your secret access key>' },
    { name: 'x placeholder', path: 'README.md', code: `aws_secret_access_key = ${'x'.repeat(40)}` },
    { name: 'one character', path: 'test/fixtures.py', code: `aws_secret_access_key="${'A'.repeat(40)}"` },
    { name: 'typed alphabet', path: 'test/s3.test.js', code: `secretAccessKey: '${alphabet}',` },
    { name: 'git SHA-1 next to an AWS name', path: 'versions.yml', code: `aws_secret_rotation_commit: ${randomFrom('0123456789abcdef', 40)}` },
    { name: 'only upper case and digits', path: 'a.env', code: `AWS_SECRET_KEY=${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 40)}` },
    { name: '41 characters', path: 'a.ini', code: `aws_secret_access_key = ${s[0]}Q` },
    { name: '39 characters', path: 'a.ini', code: `aws_secret_access_key = ${s[0]!.slice(1)}` },
    { name: 'part of a longer base64 value', path: 'a.yml', code: `aws_secret: ${s[0]}==` },
    { name: 'generic name is not enough', path: 'config.json', code: `{"secret": "${s[1]}", "client_secret": "${s[2]}"}` },
    { name: 'allowed inline', path: 'test/creds.py', code: `aws_secret_access_key = "${s[3]}"  # pragma: allowlist secret` },
  ],
  invalid: [
    {
      name: 'INI credentials file',
      path: '.aws/credentials',
      code: `[default]\naws_access_key_id = ${key}\naws_secret_access_key = ${s[0]}\n\n[prod]\naws_secret_access_key=${s[1]}`,
      findings: [{ line: 3, column: 25 }, { line: 6, column: 23 }],
    },
    { name: '.env', path: '.env', code: `AWS_ACCESS_KEY_ID=${key}\nAWS_SECRET_ACCESS_KEY=${s[2]}`, findings: [{ line: 2, column: 23 }] },
    { name: '.env quoted, with suffix', path: 'config/prod.env', code: `AWS_SECRET_ACCESS_KEY_PROD="${s[3]}"`, findings: [{ line: 1, column: 29 }] },
    {
      name: 'JSON (STS output)',
      path: 'assume-role.json',
      code: `{\n  "Credentials": {\n    "AccessKeyId": "${key}",\n    "SecretAccessKey": "${s[4]}"\n  }\n}`,
      findings: [{ line: 4, column: col(`    "SecretAccessKey": "${s[4]}"`, s[4]!) }],
    },
    {
      name: 'YAML (Kubernetes secret)',
      path: 'k8s/secret.yaml',
      code: `apiVersion: v1\nkind: Secret\nstringData:\n  AWS_SECRET_ACCESS_KEY: "${s[5]}"`,
      findings: [{ line: 4, column: 27 }],
    },
    {
      name: 'TypeScript SDK options',
      path: 'src/s3.ts',
      code: `const client = new S3Client({\n  credentials: {\n    accessKeyId: '${key}',\n    secretAccessKey: '${s[6]}',\n  },\n});`,
      findings: [{ line: 4, column: 23 }],
    },
    {
      name: 'Python boto3 keyword argument',
      path: 'upload.py',
      code: `import boto3\ns3 = boto3.client(\n    "s3",\n    aws_secret_access_key="${s[7]}",\n)`,
      findings: [{ line: 4, column: 28 }],
    },
    { name: 'Python os.environ default', path: 'settings.py', code: `os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "${s[8]}")`, findings: [{ line: 1 }] },
    { name: 'shell export', path: 'scripts/ci.sh', code: `export AWS_SECRET_ACCESS_KEY='${s[9]}'`, findings: [{ line: 1, column: 31 }] },
    { name: 'aws configure set', path: 'setup.sh', code: `aws configure set aws_secret_access_key ${s[10]} --profile ci`, findings: [{ line: 1, column: 41 }] },
    {
      name: 'Dockerfile ENV (space form) and ARG',
      path: 'Dockerfile',
      code: `FROM node:20\nENV AWS_SECRET_ACCESS_KEY ${s[11]}\nARG AWS_SECRET_KEY=${s[12]}`,
      findings: [{ line: 2, column: 27 }, { line: 3, column: 20 }],
    },
    {
      name: 'Terraform locals',
      path: 'infra/main.tf',
      code: `locals {\n  aws_secret_access_key = "${s[13]}"\n}`,
      findings: [{ line: 2, column: 28 }],
    },
    { name: 'Java properties', path: 'src/main/resources/application.properties', code: `aws.secretKey=${s[14]}`, findings: [{ line: 1, column: 15 }] },
    { name: 'PHP array', path: 'config/aws.php', code: `'aws_secret' => '${s[15]}',`, findings: [{ line: 1 }] },
    { name: 'Go', path: 'main.go', code: `awsSecretKey := "${s[16]}"`, findings: [{ line: 1, column: 18 }] },
    { name: 'escaped JSON inside a string', path: 'fixtures.js', code: `const body = "{\\"aws_secret_access_key\\":\\"${s[17]}\\"}";`, findings: [{ line: 1 }] },
    { name: 'XML', path: 'creds.xml', code: `<Credentials>\n  <SecretAccessKey>${s[18]}</SecretAccessKey>\n</Credentials>`, findings: [{ line: 2, column: 20 }] },
    { name: 'PowerShell', path: 'deploy.ps1', code: `$env:AWS_SECRET_ACCESS_KEY = "${s[19]}"`, findings: [{ line: 1 }] },
    { name: 'kebab-case flag', path: 'Makefile', code: `deploy:\n\tdeployer --aws-secret-access-key=${s[0]}`, findings: [{ line: 2 }] },
  ],
});

test('aws-secret-access-key: adversarial input stays bounded', () => {
  const inputs = [
    'aws_secret_access_key' + '='.repeat(200_000),
    'aws_secret_access_key=' + 'A'.repeat(200_000),
    'aws_secret_access_key' + ' '.repeat(100_000) + 'a'.repeat(100_000),
    'AWS_SECRET' + '_KEY'.repeat(50_000),
    'aws_secret_access_key'.repeat(50_000),
    ('AWS_SECRET_ACCESS_KEY="' + 'aB1/'.repeat(9) + 'aB1"').repeat(20_000),
    ('aws-secret:' + '+/'.repeat(30)).repeat(15_000),
  ];
  for (const code of inputs) {
    const findings = findingsFor(awsSecretAccessKey, { path: 'big.txt', code });
    assert.ok(findings.length <= 1, `${findings.length} findings`);
  }
});

test.run();
