import { ApiObject } from 'cdk8s';
import {
  CLUSTER_LABEL,
  CiOidcProviders,
  ClusterIdentityProvider,
  ClusterInfrastructure,
  FleetMetricsReader,
  FleetMetricsRole,
  clusterBucketName,
  type AddonSettings,
  enabledAddons,
  TenantBoundaryPolicy,
  ImageReflectorRole,
  accountRoleArn,
  crossplaneAssumeRoleArn,
  infraNamespace,
  infraProviderConfigName,
  parseEcrImage,
  tenantSecretReaderRoleName,
} from '@platform/platform';
import { clusterTenantZones, tenantAwsPrefix, tenantExternalAccess } from '../../fleet-index.js';
import { agreedUses, tenantAwsEnv } from './tenant-aws-layer.js';
import type { ClusterContext } from '../cluster-context.js';
import { clusterReadme } from './cluster-readme.js';
import { followedApps, followedEcrRepositories } from '../../image-automation.js';
import { fleetMetricsReaderOf, fleetMetricsSources } from '../fleet-metrics.js';

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
  const { spec } = ctx.cluster;
  const props = {
    namespace: { name: infraNamespace(name), labels: { [CLUSTER_LABEL]: name } },
    estate: {
      cluster: spec,
      // The management cluster's Crossplane assumes each cluster's role (its infra-<cluster> ClusterProviderConfig).
      crossplaneAssumeRoleArns: spec.management ? ctx.fleet.clusters.map((c) => crossplaneAssumeRoleArn(c.spec)) : [],
      tenantZones: clusterTenantZones(ctx.fleet, spec),
      tenantSecretRoleArns: ctx.tenants.map((t) => accountRoleArn(spec.aws, tenantSecretReaderRoleName({ cluster: name, tenant: t.spec.name, awsPrefix: tenantAwsPrefix(t.spec) }))),
    },
    // People log in to the API server with Dex (kubelogin); IAM access entries stay for the platform admins.
    identityProvider: enabledAddons(spec.addons as AddonSettings).some((a) => a.name === 'dex')
      ? { cluster: name, accountId: spec.aws.accountId, region: spec.aws.region, domain: spec.dns.domain, groupPrefix: spec.kubernetes.oidcGroupPrefix }
      : undefined,
    // The CI systems besides GitHub whose jobs may push to tenant registries (their CI roles trust these).
    ciOidc: { cluster: name, accountId: spec.aws.accountId, region: spec.aws.region, ci: spec.tenancy.ciOidcProviders },
  };
  ctx.unit('infra', 'infra', [ctx.cluster.source.path], props, (chart, p) => {
    new ApiObject(chart, 'namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: p.namespace });
    new ClusterInfrastructure(chart, 'estate', p.estate);
    if (p.identityProvider) new ClusterIdentityProvider(chart, 'identity-provider', p.identityProvider);
  });
  renderFleetMetricsAccess(ctx);
  if (spec.management) renderImageReflectorRole(ctx);
  // Before any tenant role exists: each tenant's boundary, the only one its tenant role may give the roles it creates.
  // A tenant's reviewed external access, and its uses of other tenants' resources, are in its own boundary only.
  const tenants = ctx.tenants.map((t) => tenantAwsPrefix(t.spec));
  for (const t of ctx.tenants) {
    const prefix = tenantAwsPrefix(t.spec);
    const props = {
      cluster: name, accountId: spec.aws.accountId, region: spec.aws.region, tenant: prefix, tenants,
      uses: { env: tenantAwsEnv(ctx, t), uses: agreedUses(ctx, t) },
      externalAccess: tenantExternalAccess(t.spec, spec),
    };
    ctx.unit(`infra-boundary-${prefix}`, 'infra', [ctx.cluster.source.path], props, (c, p) => new TenantBoundaryPolicy(c, `boundary-${prefix}`, p));
  }
  ctx.unit('infra-ci-oidc', 'infra', [ctx.cluster.source.path], props.ciOidc, (chart, p) => new CiOidcProviders(chart, 'ci-oidc', p));
  ctx.extraFiles.set('README.md', clusterReadme(ctx, ctx.subnetPlan));
}

/**
 * The fleet view's IAM: in the management cluster the role its fleet store gateways start from (it names every other
 * cluster, whose files it comes from); in every other cluster the metrics-reader role that trusts it.
 */
function renderFleetMetricsAccess(ctx: ClusterContext): void {
  const { spec, source } = ctx.cluster;
  const base = { cluster: spec.name, accountId: spec.aws.accountId, region: spec.aws.region };
  if (spec.management) {
    const sources = fleetMetricsSources(ctx.fleet);
    const files = ctx.fleet.clusters.filter((c) => sources.some((s) => s.cluster === c.spec.name)).map((c) => c.source.path);
    ctx.unit('infra-fleet-metrics', 'infra', [source.path, ...files], { ...base, sources }, (chart, p) => new FleetMetricsRole(chart, 'fleet-metrics', p));
    return;
  }
  const management = fleetMetricsReaderOf(ctx.fleet, spec);
  if (!management) return;
  const managementFile = ctx.fleet.clusters.find((c) => c.spec.management)!.source.path;
  const props = { ...base, metricsBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'metrics'), management };
  ctx.unit('infra-fleet-metrics', 'infra', [source.path, managementFile], props, (chart, p) => new FleetMetricsReader(chart, 'metrics-reader', p));
}

/** The management cluster's image-reflector-controller role; its files name the apps whose ECR repositories it reads. */
function renderImageReflectorRole(ctx: ClusterContext): void {
  const { spec, source } = ctx.cluster;
  const apps = followedApps(ctx.fleet).filter((a) => parseEcrImage(a.spec.image.repository));
  const props = { cluster: spec.name, accountId: spec.aws.accountId, region: spec.aws.region, repositories: followedEcrRepositories(ctx.fleet) };
  ctx.unit('infra-image-reflector', 'infra', [source.path, ...apps.map((a) => a.source.path)], props, (chart, p) => new ImageReflectorRole(chart, 'image-reflector', p));
}
