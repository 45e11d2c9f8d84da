import { ApiObject } from 'cdk8s';
import type { ClusterContext } from '../cluster-context.js';

/** Namespace of the management cluster that holds cluster X's infrastructure managed resources. */
export const infraNamespace = (cluster: string) => `infra-${cluster}`;

/**
 * infra/: the cluster's AWS estate as Crossplane managed resources. Rendered for every cluster,
 * reconciled by the management cluster into namespace infra-<cluster>.
 */
export function renderInfraLayer(ctx: ClusterContext): void {
  const chart = ctx.chart('infra', 'infra', [ctx.cluster.source.path]);
  new ApiObject(chart, 'namespace', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: infraNamespace(ctx.cluster.spec.name), labels: { 'platform.example.com/cluster': ctx.cluster.spec.name } },
  });
}
