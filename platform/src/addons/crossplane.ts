import { defineAddon } from './_addon.js';

/** The ServiceAccount every AWS provider pod runs as (pinned by a DeploymentRuntimeConfig) for Pod Identity or IRSA. */
export const CROSSPLANE_PROVIDER_SERVICE_ACCOUNT = 'provider-aws';

/**
 * Crossplane core. Provider packages, their runtime config and the activation policy are objects
 * of addons-config/, applied once this release has installed the package CRDs.
 * The chart is published only to an HTTP Helm repository.
 */
export const CROSSPLANE = defineAddon({
  name: 'crossplane',
  namespace: 'crossplane-system',
  chart: 'crossplane',
  repository: 'https://charts.crossplane.io/stable',
  version: '2.3.4',
  sourceKind: 'HelmRepository',
  serviceAccounts: [CROSSPLANE_PROVIDER_SERVICE_ACCOUNT],
  values: (env) => ({
    replicas: env.environment === 'production' ? 2 : 1,
    leaderElection: true,
    // No default activation policy: addons-config activates exactly the managed resources used.
    provider: { defaultActivations: [] },
    metrics: { enabled: env.enabled('kube-prometheus-stack') },
    resourcesCrossplane: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
  }),
});
