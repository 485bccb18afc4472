// One realistic true secret per content rule of the third batch, for the quality corpus and for
// tests that need "a secret of every detector". Made at run time from parts, never literals.

import type { Sample } from './samples.js';
import { tokensC } from './tokens-c.js';

const plain = (key: string, secret: string): Sample => ({ key, value: secret, secret });

export const samplesC: Record<string, () => Sample> = {
  'alibaba-access-key-id': () => plain('ALIBABA_CLOUD_ACCESS_KEY_ID', tokensC.alibabaKeyId()),
  'clojars-token': () => plain('CLOJARS_PASSWORD', tokensC.clojars()),
  'datadog-api-key': () => plain('DD_API_KEY', tokensC.datadogApiKey()),
  'dockerhub-token': () => plain('DOCKERHUB_TOKEN', tokensC.dockerPat()),
  'dynatrace-token': () => plain('DT_API_TOKEN', tokensC.dynatrace()),
  'facebook-access-token': () => plain('FACEBOOK_PAGE_ACCESS_TOKEN', tokensC.facebook()),
  'figma-token': () => plain('FIGMA_ACCESS_TOKEN', tokensC.figma()),
  'mapbox-secret-token': () => plain('MAPBOX_DOWNLOADS_TOKEN', tokensC.mapboxSecret()),
  'okta-token': () => plain('OKTA_API_TOKEN', tokensC.okta()),
  'planetscale-token': () => plain('PLANETSCALE_SERVICE_TOKEN', tokensC.planetscale('tkn')),
  'postman-api-key': () => plain('POSTMAN_API_KEY', tokensC.postman()),
  'prefect-api-key': () => plain('PREFECT_API_KEY', tokensC.prefect()),
  'pulumi-token': () => plain('PULUMI_ACCESS_TOKEN', tokensC.pulumi()),
  'readme-api-key': () => plain('README_API_KEY', tokensC.readme()),
  'rubygems-api-key': () => plain('GEM_HOST_API_KEY', tokensC.rubygems()),
  'shippo-token': () => plain('SHIPPO_API_TOKEN', tokensC.shippoLive()),
  'snyk-token': () => plain('SNYK_TOKEN', tokensC.snyk()),
  'sonarqube-token': () => plain('SONAR_TOKEN', tokensC.sonarqube('p')),
  'stripe-webhook-secret': () => plain('STRIPE_WEBHOOK_SECRET', tokensC.stripeWebhookSecret()),
  'typeform-token': () => plain('TYPEFORM_TOKEN', tokensC.typeform()),
};
