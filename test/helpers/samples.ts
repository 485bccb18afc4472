// One realistic true secret per content rule, for the quality corpus (bench/corpus) and for
// tests that need "a secret of every detector". Made at run time from parts, never literals.

import { pemPrivateKey, tokens } from './tokens.js';

export interface Sample {
  /** A variable or field name the secret would realistically be assigned to. */
  key: string;
  /** What is written after `key =` (a URL or a PEM block may hold the secret inside it). */
  value: string;
  /** The part the rule must report (its fingerprint is made from this). */
  secret: string;
}

const plain = (key: string, secret: string): Sample => ({ key, value: secret, secret });

export const baseSamples: Record<string, () => Sample> = {
  'aws-access-key-id': () => plain('AWS_ACCESS_KEY_ID', tokens.awsKeyId()),
  'aws-secret-access-key': () => plain('AWS_SECRET_ACCESS_KEY', tokens.awsSecret()),
  'github-fine-grained-pat': () => plain('GITHUB_TOKEN', tokens.githubFineGrained()),
  'github-token': () => plain('GH_TOKEN', tokens.githubClassic()),
  'npm-token': () => plain('NPM_TOKEN', tokens.npm()),
  'private-key': () => {
    const pem = pemPrivateKey();
    return { key: 'PRIVATE_KEY', value: pem, secret: pem };
  },
  'slack-token': () => plain('SLACK_BOT_TOKEN', tokens.slackBot()),
  'stripe-live-key': () => plain('STRIPE_SECRET_KEY', tokens.stripeLive()),
};
