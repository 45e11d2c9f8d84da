import type { AddonEnvironment } from '../../src/addons/_addon.js';

/** The example staging cluster's add-on facts, every add-on on unless listed in `off`; `extra` overrides any fact. */
export const stagingEnv = (off: readonly string[] = [], extra: Partial<AddonEnvironment> = {}): AddonEnvironment => ({
  cluster: 'staging',
  environment: 'staging',
  kubernetesVersion: '1.34',
  accountId: '222222222222',
  region: 'eu-west-2',
  domain: 'staging.example.com',
  hostedZoneId: 'Z0STAGING',
  metricsBucket: '222222222222-eu-west-2-staging-metrics',
  logsBucket: '222222222222-eu-west-2-staging-logs',
  lokiBucket: '222222222222-eu-west-2-staging-loki',
  githubOrgs: ['acme'],
  slackChannel: '#platform-alerts',
  enabled: (a) => !off.includes(a),
  ...extra,
});
