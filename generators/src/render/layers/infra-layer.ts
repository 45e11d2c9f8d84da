import { ApiObject } from 'cdk8s';
import {
  CLUSTER_LABEL,
  ClusterInfrastructure,
  TenantBoundaryPolicy,
  ImageReflectorRole,
  accountRoleArn,
  crossplaneAssumeRoleArn,
  infraNamespace,
  infraProviderConfigName,
  parseEcrImage,
  tenantSecretReaderRoleName,
} from '@platform/platform';
import { tenantAwsPrefix } from '../../fleet-index.js';
import type { ClusterContext } from '../cluster-context.js';
import { clusterReadme } from './cluster-readme.js';
import { followedApps, followedEcrRepositories } from '../../image-automation.js';

export { infraNamespace, infraProviderConfigName };

/**
 * infra/: the cluster's AWS estate as Crossplane managed resources. Rendered for every cluster,
 * reconciled by the management cluster into namespace infra-<cluster> with the ClusterProviderConfig
 * infra-<cluster>. The add-on roles name the fleet's other clusters (management) and this cluster's
 * tenants (external-secrets). The management cluster also gets the image-reflector-controller's
 * role, reading the ECR repositories of the followed apps. Also writes out/<cluster>/README.md
 * (subnet plan and Flux layers).
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
    tenantSecretRoleArns: ctx.tenants.map((t) => accountRoleArn(spec.aws, tenantSecretReaderRoleName({ cluster: name, tenant: t.spec.name, awsPrefix: tenantAwsPrefix(t.spec) }))),
  });
  if (spec.management) renderImageReflectorRole(ctx);
  // Before any tenant role exists: the only permissions boundary tenant roles may give the roles they create.
  new TenantBoundaryPolicy(chart, 'tenant-boundary', { cluster: name, accountId: spec.aws.accountId, region: spec.aws.region, tenants: ctx.tenants.map((t) => tenantAwsPrefix(t.spec)) });
  ctx.extraFiles.set('README.md', clusterReadme(ctx, infra.plan));
}

/** The management cluster's image-reflector-controller role; its files name the apps whose ECR repositories it reads. */
function renderImageReflectorRole(ctx: ClusterContext): void {
  const { spec, source } = ctx.cluster;
  const apps = followedApps(ctx.fleet).filter((a) => parseEcrImage(a.spec.image.repository));
  const chart = ctx.chart('infra-image-reflector', 'infra', [source.path, ...apps.map((a) => a.source.path)]);
  new ImageReflectorRole(chart, 'image-reflector', { cluster: spec.name, accountId: spec.aws.accountId, region: spec.aws.region, repositories: followedEcrRepositories(ctx.fleet) });
}
