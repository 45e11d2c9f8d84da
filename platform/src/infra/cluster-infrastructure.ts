import { Construct } from 'constructs';
import type { Cluster } from '@platform/schemas';
import { ClusterNetwork } from './cluster-network.js';
import { ClusterSecurityGroups } from './cluster-security-groups.js';
import { CLUSTER_KEY, ClusterKmsKey } from './cluster-kms-key.js';
import { CLUSTER_ROLES, ClusterIam } from './cluster-iam.js';
import { EksControlPlane } from './eks-control-plane.js';
import { NodeGroup, nodeGroupAwsName } from './node-group.js';
import { AddonIamRoles, type AddonIrsa } from './addon-iam-roles.js';
import { ADDONS, type AddonSettings } from '../addons/catalog.js';
import { BASTION, BastionHost } from './bastion-host.js';
import { IMAGE_REFLECTOR } from './image-reflector-role.js';
import { SecureBucket, type BucketLifecycleRule } from './secure-bucket.js';
import { type InfraProps, infraTags } from './infra-props.js';
import { CLUSTER_LABEL, FLEET_METRICS_ROLE, METRICS_READER_ROLE, addonRoleSuffix, infraNamespace, infraProviderConfigRef } from './infra-names.js';
import type { TenantZone } from '../tenancy/tenant-zones.js';
import { planSubnetsOrThrow, type SubnetPlan } from './subnet-plan.js';

export interface ClusterInfrastructureProps {
  /** The cluster as loaded from clusters/<name>.yaml, defaults filled in. */
  readonly cluster: Cluster;
  /**
   * Management cluster: the role in each cluster's account (`crossplane.assumeRoleArn`) that its
   * Crossplane provider assumes to manage that cluster's infrastructure. @default []
   */
  readonly crossplaneAssumeRoleArns?: readonly string[];
  /** The tenants' secret-reader roles on this cluster, which external-secrets assumes for their SecretStores. @default [] */
  readonly tenantSecretRoleArns?: readonly string[];
  /** The tenants' own DNS zones on this cluster, whose records the add-on roles may write. @default [] */
  readonly tenantZones?: readonly TenantZone[];
}

/** The platform's buckets of every cluster: purpose and lifecycle. */
export const CLUSTER_BUCKETS: readonly { readonly purpose: string; readonly lifecycle: readonly BucketLifecycleRule[] }[] = [
  { purpose: 'logs', lifecycle: [{ id: 'expire-logs', expirationDays: 90, noncurrentExpirationDays: 7, transitions: [{ days: 30, storageClass: 'STANDARD_IA' }] }] },
  { purpose: 'metrics', lifecycle: [{ id: 'expire-noncurrent', noncurrentExpirationDays: 7 }] },
  { purpose: 'backups', lifecycle: [{ id: 'expire-noncurrent', noncurrentExpirationDays: 30 }] },
  // Loki's compactor deletes expired chunks (logs.retentionDays); versioning keeps them 7 more days.
  { purpose: 'loki', lifecycle: [{ id: 'expire-noncurrent', noncurrentExpirationDays: 7 }] },
];

/**
 * The IAM names (`<cluster>-<name>`) the platform uses in every cluster: cluster roles, the bastion,
 * the role the management cluster assumes, every add-on role, the image-reflector-controller's and the fleet view's. A tenant's AWS prefix must not cover them.
 */
export const PLATFORM_IAM_NAMES: readonly string[] = [
  ...Object.values(CLUSTER_ROLES),
  BASTION,
  'crossplane',
  IMAGE_REFLECTOR.role,
  METRICS_READER_ROLE,
  FLEET_METRICS_ROLE,
  ...ADDONS.filter((a) => (a.serviceAccounts ?? []).length > 0).map((a) => addonRoleSuffix(a.name)),
].sort();

/**
 * IRSA for the Crossplane provider when the cluster file asks for it (`crossplane.credentials: IRSA`);
 * then `kubernetes.oidcIssuer` is required (the loader reports its absence against the file).
 */
export function crossplaneIrsa(c: Cluster): AddonIrsa | undefined {
  if (c.crossplane.credentials !== 'IRSA') return undefined;
  const oidcIssuer = c.kubernetes.oidcIssuer;
  if (!oidcIssuer) throw new Error(`cluster "${c.name}": 'crossplane.credentials' (IRSA) needs 'kubernetes.oidcIssuer'; allowed: PodIdentity, or IRSA with the issuer set`);
  return { oidcIssuer, addons: ['crossplane'] };
}

/** The globally unique S3 name of a cluster bucket: `<account>-<region>-<cluster>-<purpose>`. */
export const clusterBucketName = (accountId: string, region: string, cluster: string, purpose: string) => `${accountId}-${region}-${cluster}-${purpose}`;

/**
 * The whole AWS estate of one cluster as Crossplane managed resources in namespace infra-<cluster>:
 * network, security groups, KMS key, buckets, IAM (cluster roles and one Pod Identity role per
 * add-on that needs AWS), the EKS control plane, its node groups and, in bastion mode, the bastion.
 */
export class ClusterInfrastructure extends Construct {
  readonly plan: SubnetPlan;

  constructor(scope: Construct, id: string, props: ClusterInfrastructureProps) {
    super(scope, id);
    const c = props.cluster;
    const base: InfraProps = { cluster: c.name, accountId: c.aws.accountId, region: c.aws.region };
    const zones = c.aws.availabilityZones;
    const zoneIndexes = zones.map((_, i) => i);
    this.plan = planSubnetsOrThrow(c.network.vpcCidr, c.network.subnetPrefixLengths, zones);

    new ClusterNetwork(this, 'network', { ...base, plan: this.plan });
    const bastion = c.access.ssh.mode === 'bastion';
    new ClusterSecurityGroups(this, 'security-groups', { ...base, apiCidrs: c.access.apiCidrs, ...(bastion ? { bastionCidrs: c.access.ssh.cidrs } : {}) });
    const key = new ClusterKmsKey(this, 'kms', base);
    const bucket = (purpose: string) => clusterBucketName(c.aws.accountId, c.aws.region, c.name, purpose);
    for (const b of CLUSTER_BUCKETS) {
      new SecureBucket(this, `bucket-${b.purpose}`, {
        name: b.purpose,
        namespace: infraNamespace(c.name),
        externalName: bucket(b.purpose),
        region: c.aws.region,
        kmsKeyRef: { name: CLUSTER_KEY },
        providerConfigRef: infraProviderConfigRef(c.name),
        lifecycleRules: b.lifecycle,
        tags: { ...infraTags(c.name), 'platform.example.com/purpose': b.purpose },
        labels: { [CLUSTER_LABEL]: c.name },
      });
    }
    new ClusterIam(this, 'iam', base);
    new AddonIamRoles(this, 'addon-iam', {
      irsa: crossplaneIrsa(c),
      ...base,
      addons: c.addons as AddonSettings,
      hostedZoneId: c.dns.hostedZoneId,
      logsBucket: bucket('logs'),
      metricsBucket: bucket('metrics'),
      lokiBucket: bucket('loki'),
      autoscalingGroups: c.nodeGroups.map((g) => nodeGroupAwsName(c.name, g.name)),
      crossplaneAssumeRoleArns: props.crossplaneAssumeRoleArns,
      tenantSecretRoleArns: props.tenantSecretRoleArns,
      tenantZones: props.tenantZones,
    });
    if (bastion) new BastionHost(this, 'bastion', { ...base, zoneIndexes });
    new EksControlPlane(this, 'eks', {
      ...base,
      version: c.kubernetes.version,
      zoneIndexes,
      apiCidrs: c.access.apiCidrs,
      secretsKeyArn: key.aliasArn,
      platformAdmins: c.access.platformAdmins,
    });
    for (const g of c.nodeGroups) {
      new NodeGroup(this, `node-group-${g.name}`, {
        ...base,
        name: g.name,
        kubernetesVersion: c.kubernetes.version,
        instanceTypes: g.instanceTypes,
        minSize: g.minSize,
        maxSize: g.maxSize,
        ...(g.desiredSize !== undefined ? { desiredSize: g.desiredSize } : {}),
        diskSizeGiB: g.diskSizeGiB,
        zoneIndexes,
        labels: Object.fromEntries(Object.entries(g.labels).filter((e): e is [string, string] => e[1] !== undefined)),
        taints: g.taints,
      });
    }
  }
}
