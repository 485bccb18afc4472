import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dockerfileCopyAll } from '../../rules/dockerfile-copy-all.js';
import { findingsForChange, testChangeRule } from '../helpers/change-tester.js';

const dockerfile = `# syntax=docker/dockerfile:1
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY src ./src
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/dist ./dist
CMD ["node", "dist/index.js"]
`;
const withCopy = (instruction: string): string => dockerfile.replace('COPY src ./src', instruction);
const repo = ['Dockerfile', 'package.json', 'src/index.ts'];

testChangeRule(dockerfileCopyAll, {
  valid: [
    { name: 'a .dockerignore next to it', path: 'Dockerfile', before: dockerfile, after: withCopy('COPY . .'), repoFiles: [...repo, '.dockerignore'] },
    { name: 'a .dockerignore at the root for a nested Dockerfile', path: 'docker/api/Dockerfile', before: dockerfile, after: withCopy('COPY . .'),
      repoFiles: ['docker/api/Dockerfile', '.dockerignore'] },
    { name: 'a per-Dockerfile ignore file', path: 'services/api/Dockerfile.prod', before: dockerfile, after: withCopy('COPY . .'),
      repoFiles: ['services/api/Dockerfile.prod', 'services/api/Dockerfile.prod.dockerignore'] },
    { name: 'specific paths only', path: 'Dockerfile', before: dockerfile, after: withCopy('COPY src/ ./src/\nCOPY tsconfig.json ./'), repoFiles: repo },
    { name: 'COPY --from=stage . .', path: 'Dockerfile', before: dockerfile, after: dockerfile.replace('COPY --from=build /app/dist ./dist', 'COPY --from=build /app .'), repoFiles: repo },
    { name: 'already there, reformatted with a continuation', path: 'Dockerfile', before: withCopy('COPY . .'), after: withCopy('COPY \\\n    . \\\n    .'), repoFiles: repo },
    { name: 'commented out', path: 'Dockerfile', before: dockerfile, after: withCopy('# COPY . .\nCOPY src ./src'), repoFiles: repo },
    { name: 'inside a RUN heredoc', path: 'Dockerfile', before: dockerfile, after: withCopy('RUN <<EOF\necho "COPY . ." > notes.txt\nEOF'), repoFiles: repo },
    { name: 'Dockerfile deleted', path: 'Dockerfile', before: withCopy('COPY . .'), after: null, repoFiles: repo },
    { name: 'not a Dockerfile', path: 'docs/docker-notes.md', before: null, after: withCopy('COPY . .'), repoFiles: repo },
  ],
  invalid: [
    {
      name: 'COPY . . without a .dockerignore',
      path: 'Dockerfile', before: dockerfile, after: withCopy('COPY . .'), repoFiles: repo,
      reports: [{ messageId: 'dockerfile-copy-all', severity: 'error', line: 6, says: ['COPY . . copies the whole build context'] }],
    },
    {
      name: 'ADD ./ /app with --chown, .dockerignore only in another folder',
      path: 'services/web/Dockerfile', before: dockerfile, after: withCopy('ADD --chown=node:node ./ /app'),
      repoFiles: ['services/web/Dockerfile', 'services/api/.dockerignore'],
      reports: [{ messageId: 'dockerfile-copy-all', line: 6, says: ['ADD --chown=node:node ./ /app'] }],
    },
    {
      name: 'JSON form in a new Containerfile',
      path: 'Containerfile', before: null, after: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY [".", "/srv"]\nCMD ["python", "app.py"]\n', repoFiles: ['Containerfile'],
      reports: [{ messageId: 'dockerfile-copy-all', line: 3, says: ['COPY . /srv'] }],
    },
    {
      name: 'continued over lines, lower case, *.dockerfile name',
      path: 'build/api.dockerfile', before: dockerfile, after: withCopy('copy --link \\\n  --chmod=755 \\\n  . /app'), repoFiles: ['build/api.dockerfile'],
      reports: [{ messageId: 'dockerfile-copy-all', line: 6, says: ['COPY --link --chmod=755 . /app'] }],
    },
    {
      name: 'backtick escape directive',
      path: 'windows/Dockerfile', before: null, after: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY `\n  . C:/app\n', repoFiles: ['windows/Dockerfile'],
      reports: [{ messageId: 'dockerfile-copy-all', line: 3 }],
    },
  ],
});

// Hostile input: long runs of what the parsers react to. No crash, no blow-up (the bound is far
// above the few milliseconds real files take, so that a slow machine does not fail it).
test('dockerfile-copy-all: hostile input', () => {
  for (const filler of ['[', '{', '"', '*a', '\\', ' ', '\n', 'COPY . . \\\n', '--chown=a ', 'RUN <<EOF\n', '    ']) {
    const hostile = filler.repeat(Math.ceil(50_000 / filler.length));
    const started = performance.now();
    findingsForChange(dockerfileCopyAll, { name: 'hostile', path: 'Dockerfile', before: null, after: hostile, repoFiles: ['Dockerfile'] });
    findingsForChange(dockerfileCopyAll, { name: 'hostile', path: 'Dockerfile', before: hostile, after: `${hostile}\n#`, repoFiles: ['Dockerfile'] });
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms on ${JSON.stringify(filler)}`);
  }
});

test.run();
