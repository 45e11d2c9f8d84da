import { ApiObject } from 'cdk8s';
import {
  CLUSTER_LABEL,
  ClusterInfrastructure,
  accountRoleArn,
  crossplaneAssumeRoleArn,
  infraNamespace,
  infraProviderConfigName,
  tenantSecretReaderRoleName,
} from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { clusterReadme } from './cluster-readme.js';

export { infraNamespace, infraProviderConfigName };

/**
 * infra/: the cluster's AWS estate as Crossplane managed resources. Rendered for every cluster,
 * reconciled by the management cluster into namespace infra-<cluster> with the ClusterProviderConfig
 * infra-<cluster>. The add-on roles name the fleet's other clusters (management) and this cluster's
 * tenants (external-secrets). Also writes out/<cluster>/README.md (subnet plan and Flux layers).
 */
export function renderInfraLayer(ctx: ClusterContext): void {
  const name = ctx.cluster.spec.name;
  const chart = ctx.chart('infra', 'infra', [ctx.cluster.source.path]);
  new ApiObject(chart, 'namespace', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: infraNamespace(name), labels: { [CLUSTER_LABEL]: name } },
  });
  const { spec } = ctx.cluster;
  const infra = new ClusterInfrastructure(chart, 'estate', {
    cluster: spec,
    // The management cluster's Crossplane assumes each cluster's role (its infra-<cluster> ClusterProviderConfig).
    crossplaneAssumeRoleArns: spec.management ? ctx.fleet.clusters.map((c) => crossplaneAssumeRoleArn(c.spec)) : [],
    tenantSecretRoleArns: ctx.tenants.map((t) => accountRoleArn(spec.aws, tenantSecretReaderRoleName({ cluster: name, tenant: t.spec.name }))),
  });
  ctx.extraFiles.set('README.md', clusterReadme(ctx, infra.plan));
}
