import { defineAddon } from './_addon.js';
import { CLUSTER_LABEL } from '../infra/infra-names.js';

/** aws-load-balancer-controller: NLBs for LoadBalancer Services (Traefik's) and ALBs for Ingresses that ask. */
export const AWS_LOAD_BALANCER_CONTROLLER = defineAddon({
  name: 'aws-load-balancer-controller',
  namespace: 'aws-load-balancer-controller',
  chart: 'aws-load-balancer-controller',
  repository: 'https://aws.github.io/eks-charts',
  version: '3.5.0',
  sourceKind: 'HelmRepository',
  serviceAccounts: ['aws-load-balancer-controller'],
  values: (env) => ({
    clusterName: env.cluster,
    region: env.region,
    // Pods cannot reach the instance metadata service (hop limit 1), so the VPC is found by the tag the infra layer
    // puts on it rather than read from IMDS.
    vpcTags: { [CLUSTER_LABEL]: env.cluster },
    replicaCount: 2,
    serviceAccount: { name: 'aws-load-balancer-controller' },
    defaultTags: { [CLUSTER_LABEL]: env.cluster },
    // Its IAM role (infra layer, load-balancer-controller-policy.ts) grants no WAF or Shield calls.
    enableShield: false,
    enableWaf: false,
    enableWafv2: false,
  }),
});
