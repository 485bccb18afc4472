import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowSecretEchoed } from '../../rules/workflow-secret-echoed.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const deploy = `name: Deploy
on: push
env:
  REGION: eu-west-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
    steps:
      - uses: actions/checkout@v4
      - name: Log in
        run: |
          echo "Deploying to $REGION"
          echo "\${{ secrets.DOCKER_PASSWORD }}" | docker login -u ci --password-stdin
          echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" >> ~/.npmrc
          echo "::add-mask::\${{ secrets.API_KEY }}"
      - name: Publish
        run: npm publish
`;
const step = (run: string, env = ''): string => deploy.replace('      - name: Publish\n', `      - name: Debug\n${env}        run: ${run}\n      - name: Publish\n`);

testChangeRule(workflowSecretEchoed, {
  valid: [
    { name: 'unrelated echo added', path: '.github/workflows/deploy.yml', before: deploy, after: step('echo "done in $REGION"') },
    { name: 'secret piped into a program', path: '.github/workflows/deploy.yml', before: deploy, after: step('printf %s "${{ secrets.KUBE_TOKEN }}" | kubectl config set-credentials ci --token-file=/dev/stdin') },
    { name: 'secret written to $GITHUB_ENV and to a file', path: '.github/workflows/deploy.yml', before: deploy,
      after: step('|\n          echo "TOKEN=${{ secrets.TOKEN }}" >> "$GITHUB_ENV"\n          echo "$NPM_TOKEN" > .token') },
    { name: 'here-string into a program', path: '.github/workflows/deploy.yml', before: deploy, after: step('gh auth login --with-token <<< "${{ secrets.GH_PAT }}"') },
    { name: 'step moved and reformatted, same line', path: '.github/workflows/deploy.yml',
      before: step('echo "${{ secrets.LEGACY }}"'), after: step('>-\n          echo   "${{ secrets.LEGACY }}"') },
    { name: 'secret used as an argument, not printed', path: '.github/workflows/deploy.yml', before: deploy, after: step('>-\n          curl -H "Authorization: Bearer ${{ secrets.API_KEY }}" https://api.example.com/deploy') },
    { name: 'non-secret env var echoed', path: '.github/workflows/deploy.yml', before: deploy, after: step('echo "$REGION $GITHUB_SHA"') },
    { name: 'quoted heredoc to a file', path: '.github/workflows/deploy.yml', before: deploy,
      after: step('|\n          cat <<EOF > config.json\n          {"token": "${{ secrets.TOKEN }}"}\n          EOF') },
    { name: 'heredoc into kubectl, with an echo line in its body', path: '.github/workflows/deploy.yml', before: deploy,
      after: step('|\n          kubectl apply -f - <<EOF\n          echo ${{ secrets.KUBE_TOKEN }}\n          EOF\n          echo "applied"') },
    { name: 'workflow deleted', path: '.github/workflows/deploy.yml', before: step('echo ${{ secrets.X }}'), after: null },
  ],
  invalid: [
    {
      name: 'echo of a secret expression',
      path: '.github/workflows/deploy.yml', before: deploy, after: step('echo "token is ${{ secrets.DOCKER_PASSWORD }}"'),
      reports: [{ messageId: 'workflow-secret-echoed', severity: 'error', line: 19, says: ['a step prints secrets.DOCKER_PASSWORD'] }],
    },
    {
      name: 'echo of a job env var set from a secret, in a literal block',
      path: '.github/workflows/deploy.yml', before: deploy, after: step('|\n          set -e\n          echo "npm token: $NPM_TOKEN"'),
      reports: [{ messageId: 'workflow-secret-echoed', line: 21, says: ['secrets.NPM_TOKEN'] }],
    },
    {
      name: 'printf of a step env var, base64-encoded',
      path: '.github/workflows/deploy.yml', before: deploy,
      after: step('printf "%s" "${AWS_KEY}" | base64', '        env:\n          AWS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n'),
      reports: [{ messageId: 'workflow-secret-echoed', line: 21, says: ['secrets.AWS_SECRET_ACCESS_KEY'] }],
    },
    {
      name: 'cat <<< here-string',
      path: '.github/workflows/deploy.yml', before: deploy, after: step("cat <<< \"${{ secrets['SIGNING_KEY'] }}\""),
      reports: [{ messageId: 'workflow-secret-echoed', says: ['secrets.SIGNING_KEY'] }],
    },
    {
      name: 'heredoc body printed',
      path: '.github/workflows/deploy.yml', before: deploy, after: step('|\n          cat <<EOF\n          user: ci\n          pass: ${{ secrets.DB_PASSWORD }}\n          EOF'),
      reports: [{ messageId: 'workflow-secret-echoed', line: 22, says: ['secrets.DB_PASSWORD'] }],
    },
    {
      name: 'echo to the step summary and to stderr',
      path: '.github/workflows/deploy.yml', before: deploy,
      after: step('|\n          echo "key ${{ secrets.A }}" >> $GITHUB_STEP_SUMMARY\n          echo "${{ env.NPM_TOKEN }}" >&2'),
      reports: [
        { messageId: 'workflow-secret-echoed', line: 20, says: ['secrets.A'] },
        { messageId: 'workflow-secret-echoed', line: 21, says: ['secrets.NPM_TOKEN'] },
      ],
    },
    {
      name: 'PowerShell Write-Host in a new workflow',
      path: '.github/workflows/win.yaml', before: null,
      after: 'on: push\njobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        env:\n          PAT: ${{ secrets.PAT }}\n        run: Write-Host "PAT=$env:PAT"\n',
      reports: [{ messageId: 'workflow-secret-echoed', line: 9, says: ['secrets.PAT'] }],
    },
    {
      name: 'does not parse: a warning, no crash',
      path: '.github/workflows/deploy.yml', before: deploy, after: deploy.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n  runs-on: [\n'),
      reports: [{ messageId: 'config-unparsable', severity: 'warn' }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('workflow-secret-echoed: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', '${{ secrets.A }}', 'echo $A | ', '>&2 ']) {
    const hostile = filler.repeat(Math.ceil(20_000 / filler.length));
    const started = performance.now();
    findingsForChange(workflowSecretEchoed, { name: 'hostile', path: '.github/workflows/ci.yml', before: null, after: hostile });
    findingsForChange(workflowSecretEchoed, { name: 'hostile', path: '.github/workflows/ci.yml', before: hostile, after: `${hostile}\n#` });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
