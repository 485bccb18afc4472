// The registry: every built-in rule, keyed by id, in id order. A test checks that every file in
// rules/ is registered here and has a test table in test/rules/.

import type { Rule } from '../src/types.js';
import { alibabaAccessKeyId } from './alibaba-access-key-id.js';
import { awsAccessKeyId } from './aws-access-key-id.js';
import { awsSecretAccessKey } from './aws-secret-access-key.js';
import { bundlerSourcemap } from './bundler-sourcemap.js';
import { clojarsToken } from './clojars-token.js';
import { datadogApiKey } from './datadog-api-key.js';
import { dockerhubToken } from './dockerhub-token.js';
import { dynatraceToken } from './dynatrace-token.js';
import { envFile } from './env-file.js';
import { facebookAccessToken } from './facebook-access-token.js';
import { figmaToken } from './figma-token.js';
import { githubFineGrainedPat } from './github-fine-grained-pat.js';
import { githubToken } from './github-token.js';
import { mapboxSecretToken } from './mapbox-secret-token.js';
import { npmToken } from './npm-token.js';
import { oktaToken } from './okta-token.js';
import { packageDependencySource } from './package-dependency-source.js';
import { packageFiles } from './package-files.js';
import { packageInstallScript } from './package-install-script.js';
import { packagePrivate } from './package-private.js';
import { packagePublishConfig } from './package-publish-config.js';
import { planetscaleToken } from './planetscale-token.js';
import { postmanApiKey } from './postman-api-key.js';
import { prefectApiKey } from './prefect-api-key.js';
import { privateKey } from './private-key.js';
import { privateKeyFile } from './private-key-file.js';
import { pulumiToken } from './pulumi-token.js';
import { readmeApiKey } from './readme-api-key.js';
import { releaseVersion } from './release-version.js';
import { rubygemsApiKey } from './rubygems-api-key.js';
import { scriptSourcemap } from './script-sourcemap.js';
import { shippoToken } from './shippo-token.js';
import { slackToken } from './slack-token.js';
import { snykToken } from './snyk-token.js';
import { sonarqubeToken } from './sonarqube-token.js';
import { stripeLiveKey } from './stripe-live-key.js';
import { stripeWebhookSecret } from './stripe-webhook-secret.js';
import { swcrcSourcemap } from './swcrc-sourcemap.js';
import { tsconfigSourcemap } from './tsconfig-sourcemap.js';
import { typeformToken } from './typeform-token.js';

const all: Rule[] = [
  alibabaAccessKeyId,
  awsAccessKeyId,
  awsSecretAccessKey,
  bundlerSourcemap,
  clojarsToken,
  datadogApiKey,
  dockerhubToken,
  dynatraceToken,
  envFile,
  facebookAccessToken,
  figmaToken,
  githubFineGrainedPat,
  githubToken,
  mapboxSecretToken,
  npmToken,
  oktaToken,
  packageDependencySource,
  packageFiles,
  packageInstallScript,
  packagePrivate,
  packagePublishConfig,
  planetscaleToken,
  postmanApiKey,
  prefectApiKey,
  privateKey,
  privateKeyFile,
  pulumiToken,
  readmeApiKey,
  releaseVersion,
  rubygemsApiKey,
  scriptSourcemap,
  shippoToken,
  slackToken,
  snykToken,
  sonarqubeToken,
  stripeLiveKey,
  stripeWebhookSecret,
  swcrcSourcemap,
  tsconfigSourcemap,
  typeformToken,
];

export const rules: ReadonlyMap<string, Rule> = new Map(
  all.sort((a, b) => (a.id < b.id ? -1 : 1)).map((rule) => [rule.id, rule]),
);
