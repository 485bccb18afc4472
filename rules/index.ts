// The registry: every built-in rule, keyed by id, in id order. A test checks that every file in
// rules/ is registered here and has a test table in test/rules/.

import type { Rule } from '../src/types.js';
import { ageSecretKey } from './age-secret-key.js';
import { alibabaAccessKeyId } from './alibaba-access-key-id.js';
import { amqpConnectionString } from './amqp-connection-string.js';
import { anthropicApiKey } from './anthropic-api-key.js';
import { atlassianApiToken } from './atlassian-api-token.js';
import { awsAccessKeyId } from './aws-access-key-id.js';
import { awsSecretAccessKey } from './aws-secret-access-key.js';
import { awsSessionToken } from './aws-session-token.js';
import { azureSasToken } from './azure-sas-token.js';
import { azureStorageConnectionString } from './azure-storage-connection-string.js';
import { braintreeAccessToken } from './braintree-access-token.js';
import { bundlerSourcemap } from './bundler-sourcemap.js';
import { clojarsToken } from './clojars-token.js';
import { cloudflareApiToken } from './cloudflare-api-token.js';
import { databricksToken } from './databricks-token.js';
import { datadogApiKey } from './datadog-api-key.js';
import { debugEnabled } from './debug-enabled.js';
import { digitaloceanToken } from './digitalocean-token.js';
import { discordBotToken } from './discord-bot-token.js';
import { discordWebhookUrl } from './discord-webhook-url.js';
import { dockerfileCopyAll } from './dockerfile-copy-all.js';
import { dockerhubToken } from './dockerhub-token.js';
import { dockerignoreEntryRemoved } from './dockerignore-entry-removed.js';
import { dopplerToken } from './doppler-token.js';
import { dynatraceToken } from './dynatrace-token.js';
import { envFile } from './env-file.js';
import { facebookAccessToken } from './facebook-access-token.js';
import { figmaToken } from './figma-token.js';
import { flyioToken } from './flyio-token.js';
import { gcpServiceAccount } from './gcp-service-account.js';
import { genericSecret } from './generic-secret.js';
import { githubFineGrainedPat } from './github-fine-grained-pat.js';
import { githubToken } from './github-token.js';
import { gitignoreEntryRemoved } from './gitignore-entry-removed.js';
import { gitlabDeployToken } from './gitlab-deploy-token.js';
import { gitlabPersonalToken } from './gitlab-personal-token.js';
import { gitlabPipelineTriggerToken } from './gitlab-pipeline-trigger-token.js';
import { gitlabRunnerToken } from './gitlab-runner-token.js';
import { googleApiKey } from './google-api-key.js';
import { grafanaToken } from './grafana-token.js';
import { herokuApiKey } from './heroku-api-key.js';
import { huggingfaceToken } from './huggingface-token.js';
import { jwt } from './jwt.js';
import { linearApiKey } from './linear-api-key.js';
import { lockfileResolvedHost } from './lockfile-resolved-host.js';
import { mailchimpApiKey } from './mailchimp-api-key.js';
import { mailgunApiKey } from './mailgun-api-key.js';
import { mapboxSecretToken } from './mapbox-secret-token.js';
import { mongodbConnectionString } from './mongodb-connection-string.js';
import { mysqlConnectionString } from './mysql-connection-string.js';
import { netlifyToken } from './netlify-token.js';
import { newRelicKey } from './new-relic-key.js';
import { notionToken } from './notion-token.js';
import { npmToken } from './npm-token.js';
import { npmignoreChange } from './npmignore-change.js';
import { npmrcAuthToken } from './npmrc-auth-token.js';
import { npmrcChange } from './npmrc-change.js';
import { oktaToken } from './okta-token.js';
import { openaiApiKey } from './openai-api-key.js';
import { packageDependencySource } from './package-dependency-source.js';
import { packageDrift } from './package-drift.js';
import { packageFiles } from './package-files.js';
import { packageForbiddenFiles } from './package-forbidden-files.js';
import { packageInstallScript } from './package-install-script.js';
import { packageManifest } from './package-manifest.js';
import { packagePrivate } from './package-private.js';
import { packagePublishConfig } from './package-publish-config.js';
import { packageSecrets } from './package-secrets.js';
import { packageSourcemap } from './package-sourcemap.js';
import { paypalClientSecret } from './paypal-client-secret.js';
import { planetscaleToken } from './planetscale-token.js';
import { postgresConnectionString } from './postgres-connection-string.js';
import { postmanApiKey } from './postman-api-key.js';
import { prefectApiKey } from './prefect-api-key.js';
import { privateKey } from './private-key.js';
import { privateKeyFile } from './private-key-file.js';
import { pulumiToken } from './pulumi-token.js';
import { pypiToken } from './pypi-token.js';
import { readmeApiKey } from './readme-api-key.js';
import { redisConnectionString } from './redis-connection-string.js';
import { releaseVersion } from './release-version.js';
import { rubygemsApiKey } from './rubygems-api-key.js';
import { scriptSourcemap } from './script-sourcemap.js';
import { sendgridApiKey } from './sendgrid-api-key.js';
import { sentryAuthToken } from './sentry-auth-token.js';
import { shippoToken } from './shippo-token.js';
import { shopifyToken } from './shopify-token.js';
import { slackAppToken } from './slack-app-token.js';
import { slackToken } from './slack-token.js';
import { slackWebhookUrl } from './slack-webhook-url.js';
import { snykToken } from './snyk-token.js';
import { sonarqubeToken } from './sonarqube-token.js';
import { squareAccessToken } from './square-access-token.js';
import { squareOauthSecret } from './square-oauth-secret.js';
import { stripeLiveKey } from './stripe-live-key.js';
import { stripeWebhookSecret } from './stripe-webhook-secret.js';
import { supabaseKey } from './supabase-key.js';
import { swcrcSourcemap } from './swcrc-sourcemap.js';
import { telegramBotToken } from './telegram-bot-token.js';
import { terraformCloudToken } from './terraform-cloud-token.js';
import { tsconfigSourcemap } from './tsconfig-sourcemap.js';
import { twilioApiKey } from './twilio-api-key.js';
import { twilioAuthToken } from './twilio-auth-token.js';
import { typeformToken } from './typeform-token.js';
import { urlBasicAuth } from './url-basic-auth.js';
import { vaultToken } from './vault-token.js';
import { vercelToken } from './vercel-token.js';
import { workflowActionUnpinned } from './workflow-action-unpinned.js';
import { workflowPermissions } from './workflow-permissions.js';
import { workflowPullRequestTarget } from './workflow-pull-request-target.js';
import { workflowSecretEchoed } from './workflow-secret-echoed.js';

const all: Rule[] = [
  ageSecretKey,
  alibabaAccessKeyId,
  amqpConnectionString,
  anthropicApiKey,
  atlassianApiToken,
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  azureSasToken,
  azureStorageConnectionString,
  braintreeAccessToken,
  bundlerSourcemap,
  clojarsToken,
  cloudflareApiToken,
  databricksToken,
  datadogApiKey,
  debugEnabled,
  digitaloceanToken,
  discordBotToken,
  discordWebhookUrl,
  dockerfileCopyAll,
  dockerhubToken,
  dockerignoreEntryRemoved,
  dopplerToken,
  dynatraceToken,
  envFile,
  facebookAccessToken,
  figmaToken,
  flyioToken,
  gcpServiceAccount,
  genericSecret,
  githubFineGrainedPat,
  githubToken,
  gitignoreEntryRemoved,
  gitlabDeployToken,
  gitlabPersonalToken,
  gitlabPipelineTriggerToken,
  gitlabRunnerToken,
  googleApiKey,
  grafanaToken,
  herokuApiKey,
  huggingfaceToken,
  jwt,
  linearApiKey,
  lockfileResolvedHost,
  mailchimpApiKey,
  mailgunApiKey,
  mapboxSecretToken,
  mongodbConnectionString,
  mysqlConnectionString,
  netlifyToken,
  newRelicKey,
  notionToken,
  npmToken,
  npmignoreChange,
  npmrcAuthToken,
  npmrcChange,
  oktaToken,
  openaiApiKey,
  packageDependencySource,
  packageDrift,
  packageFiles,
  packageForbiddenFiles,
  packageInstallScript,
  packageManifest,
  packagePrivate,
  packagePublishConfig,
  packageSecrets,
  packageSourcemap,
  paypalClientSecret,
  planetscaleToken,
  postgresConnectionString,
  postmanApiKey,
  prefectApiKey,
  privateKey,
  privateKeyFile,
  pulumiToken,
  pypiToken,
  readmeApiKey,
  redisConnectionString,
  releaseVersion,
  rubygemsApiKey,
  scriptSourcemap,
  sendgridApiKey,
  sentryAuthToken,
  shippoToken,
  shopifyToken,
  slackAppToken,
  slackToken,
  slackWebhookUrl,
  snykToken,
  sonarqubeToken,
  squareAccessToken,
  squareOauthSecret,
  stripeLiveKey,
  stripeWebhookSecret,
  supabaseKey,
  swcrcSourcemap,
  telegramBotToken,
  terraformCloudToken,
  tsconfigSourcemap,
  twilioApiKey,
  twilioAuthToken,
  typeformToken,
  urlBasicAuth,
  vaultToken,
  vercelToken,
  workflowActionUnpinned,
  workflowPermissions,
  workflowPullRequestTarget,
  workflowSecretEchoed,
];

export const rules: ReadonlyMap<string, Rule> = new Map(
  all.sort((a, b) => (a.id < b.id ? -1 : 1)).map((rule) => [rule.id, rule]),
);
