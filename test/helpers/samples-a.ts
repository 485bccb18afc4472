// One realistic true secret per rule written with tokens-a.ts, for the quality corpus and for
// tests that need "a secret of every detector". Made at run time from parts, never literals.

import type { Sample } from './samples.js';
import { pemFromParts } from './tokens.js';
import { gitlabRoutable, tokensA } from './tokens-a.js';

const plain = (key: string, secret: string): Sample => ({ key, value: secret, secret });

export const samplesA: Record<string, () => Sample> = {
  'anthropic-api-key': () => plain('ANTHROPIC_API_KEY', tokensA.anthropic()),
  'aws-session-token': () => plain('AWS_SESSION_TOKEN', tokensA.awsSessionToken()),
  'azure-sas-token': () => {
    const sas = tokensA.azureSas();
    return { key: 'AZURE_BLOB_SAS_URL', value: `https://acmeprod.blob.core.windows.net/exports/report.csv?${sas}`, secret: sas };
  },
  'azure-storage-connection-string': () => {
    const key = tokensA.azureAccountKey();
    return { key: 'AZURE_STORAGE_CONNECTION_STRING', value: tokensA.azureConnectionString(undefined, key), secret: key };
  },
  'braintree-access-token': () => plain('BRAINTREE_ACCESS_TOKEN', tokensA.braintree()),
  'databricks-token': () => plain('DATABRICKS_TOKEN', tokensA.databricks()),
  'digitalocean-token': () => plain('DIGITALOCEAN_TOKEN', tokensA.digitalocean()),
  'doppler-token': () => plain('DOPPLER_TOKEN', tokensA.doppler('st', 'prd')),
  'gcp-service-account': () => {
    // The key file as one JSON line (a CI variable): the private_key_id is what the rule reports.
    const id = tokensA.gcpPrivateKeyId();
    const json = JSON.stringify({
      type: 'service_account',
      project_id: 'acme-prod-4821',
      private_key_id: id,
      private_key: `${pemFromParts('', 600)}\n`,
      client_email: 'deployer@acme-prod-4821.iam.gserviceaccount.com',
      client_id: '104857392014857362910',
    });
    return { key: 'GOOGLE_CREDENTIALS', value: `'${json}'`, secret: id };
  },
  'gitlab-deploy-token': () => plain('CI_DEPLOY_PASSWORD', tokensA.gitlabLegacy('gldt-')),
  'gitlab-personal-token': () => plain('GITLAB_TOKEN', gitlabRoutable('glpat-')),
  'gitlab-pipeline-trigger-token': () => plain('GITLAB_TRIGGER_TOKEN', tokensA.gitlabPipelineTrigger()),
  'gitlab-runner-token': () => plain('RUNNER_TOKEN', tokensA.gitlabLegacy('glrt-')),
  'google-api-key': () => plain('GOOGLE_MAPS_API_KEY', tokensA.googleApiKey()),
  'heroku-api-key': () => plain('HEROKU_API_KEY', tokensA.herokuKey()),
  'huggingface-token': () => plain('HF_TOKEN', tokensA.huggingface()),
  'mailchimp-api-key': () => plain('MAILCHIMP_API_KEY', tokensA.mailchimp(12)),
  'mailgun-api-key': () => plain('MAILGUN_API_KEY', tokensA.mailgunCurrent()),
  'openai-api-key': () => plain('OPENAI_API_KEY', tokensA.openaiProject()),
  'paypal-client-secret': () => plain('PAYPAL_CLIENT_SECRET', tokensA.paypalSecret()),
  'pypi-token': () => plain('TWINE_PASSWORD', tokensA.pypi()),
  'sendgrid-api-key': () => plain('SENDGRID_API_KEY', tokensA.sendgrid()),
  'shopify-token': () => plain('SHOPIFY_ACCESS_TOKEN', tokensA.shopify('at')),
  'slack-app-token': () => plain('SLACK_APP_TOKEN', tokensA.slackApp()),
  'slack-webhook-url': () => plain('SLACK_WEBHOOK_URL', tokensA.slackWebhook()),
  'square-access-token': () => plain('SQUARE_ACCESS_TOKEN', tokensA.squareAccess()),
  'square-oauth-secret': () => plain('SQUARE_APPLICATION_SECRET', tokensA.squareOauthSecret()),
  'twilio-api-key': () => plain('TWILIO_API_KEY', tokensA.twilioApiKey()),
  'twilio-auth-token': () => plain('TWILIO_AUTH_TOKEN', tokensA.twilioAuthToken()),
};
