// The registry: every built-in rule, keyed by id, in id order. A test checks that every file in
// rules/ is registered here and has a test table in test/rules/.

import type { Rule } from '../src/types.js';
import { awsAccessKeyId } from './aws-access-key-id.js';
import { awsSecretAccessKey } from './aws-secret-access-key.js';
import { bundlerSourcemap } from './bundler-sourcemap.js';
import { envFile } from './env-file.js';
import { githubFineGrainedPat } from './github-fine-grained-pat.js';
import { githubToken } from './github-token.js';
import { npmToken } from './npm-token.js';
import { packageDependencySource } from './package-dependency-source.js';
import { packageFiles } from './package-files.js';
import { packageInstallScript } from './package-install-script.js';
import { packagePrivate } from './package-private.js';
import { packagePublishConfig } from './package-publish-config.js';
import { privateKey } from './private-key.js';
import { privateKeyFile } from './private-key-file.js';
import { releaseVersion } from './release-version.js';
import { scriptSourcemap } from './script-sourcemap.js';
import { slackToken } from './slack-token.js';
import { stripeLiveKey } from './stripe-live-key.js';
import { swcrcSourcemap } from './swcrc-sourcemap.js';
import { tsconfigSourcemap } from './tsconfig-sourcemap.js';

const all: Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  bundlerSourcemap,
  envFile,
  githubFineGrainedPat,
  githubToken,
  npmToken,
  packageDependencySource,
  packageFiles,
  packageInstallScript,
  packagePrivate,
  packagePublishConfig,
  privateKey,
  privateKeyFile,
  releaseVersion,
  scriptSourcemap,
  slackToken,
  stripeLiveKey,
  swcrcSourcemap,
  tsconfigSourcemap,
];

export const rules: ReadonlyMap<string, Rule> = new Map(
  all.sort((a, b) => (a.id < b.id ? -1 : 1)).map((rule) => [rule.id, rule]),
);
