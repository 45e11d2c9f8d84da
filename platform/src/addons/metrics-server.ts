import { defineAddon } from './_addon.js';

/** metrics-server: the resource metrics API behind HorizontalPodAutoscalers and `kubectl top`. */
export const METRICS_SERVER = defineAddon({
  name: 'metrics-server',
  namespace: 'metrics-server',
  chart: 'metrics-server',
  repository: 'https://kubernetes-sigs.github.io/metrics-server/',
  version: '3.13.1',
  sourceKind: 'HelmRepository',
  values: () => ({
    replicas: 2,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
  }),
});
