import { FleetLimitError } from '../fleet-limit-error.js';
import { Construct } from 'constructs';
import { IamPolicy } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra } from '../infra/infra-props.js';
import { tenantBoundaryArn, tenantBoundaryName } from '../infra/infra-names.js';
import { TENANT_TAG, type TenantAwsEnv, awsPrefixOf } from './tenant-aws-env.js';
import { dataPlaneStatements } from './tenant-aws-kinds.js';
import { type TenantAwsUse, sharedKeysThroughServices, useBoundaryStatements } from './tenant-aws-uses.js';

/** One tenant of the cluster (its env there) and the other tenants' resources it uses, agreed by both files. */
export interface TenantUses {
  readonly env: TenantAwsEnv;
  readonly uses: readonly TenantAwsUse[];
}
import { type ExternalAccessGrant, externalAccessBoundaryStatements } from './tenant-external-access.js';

/** Use of the tenant key, directly or by AWS services acting for the caller (see `TenantKmsKey`). */
const KEY_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey', 'kms:CreateGrant'];

type ClusterEnv = Pick<TenantAwsEnv, 'cluster' | 'accountId' | 'region'>;

/** IAM's limit on the JSON of a customer-managed policy, in characters (the platform writes no whitespace). */
export const MANAGED_POLICY_MAX_LENGTH = 6144;
/** Each tenant's reviewed external access on a cluster, by AWS prefix. */
export type ExternalAccessByTenant = Readonly<Record<string, readonly ExternalAccessGrant[]>>;

/** metadata.name of a tenant's boundary policy among the cluster's infra objects. */
export const tenantBoundaryObjectName = (awsPrefix: string) => `boundary-${awsPrefix}`;


/**
 * The AWS prefix of the calling principal's tenant, as an IAM policy variable. Every tenant role carries the tag
 * `platform.example.com/tenant: <prefix>` (see `tenantTags`), so the shared statements are the same in every tenant's boundary.
 */
export const PRINCIPAL_TENANT = `\${aws:PrincipalTag/${TENANT_TAG}}`;

/**
 * The boundary's statements: the most any role created by a tenant role may ever do, whatever
 * policy gets attached to it. Data-plane actions only, on resources named `<cluster>-<tenant>-*`
 * (buckets `<account>-<region>-<cluster>-<tenant>-*`, secrets `<cluster>/<tenant>/*`) or tagged for the
 * tenant (keys), `<tenant>` being the caller's own tenant tag. Two Denys keep a caller from borrowing
 * another tenant's name: a session without the tag, and a role whose name is not `<cluster>-<tag>-*`
 * (a session tag forged onto another tenant's role) get nothing. No IAM, no control plane.
 *
 * Tenant names may contain `-`, so the names `<cluster>-a-*` of tenant `a` cover every name of tenant `a-b`.
 * For each such nested tenant of the cluster (`nestedTenants`, see `nestedTenantsOf`), a Deny names exactly
 * the resources its own statements allow by name, for every principal whose tenant tag is not that tenant, nor that
 * of a tenant using some of its resources whose own names do not cover it (its grants name exactly those resources).
 *
 * Cross-tenant use (`uses`): for each tenant, exactly its agreed uses, for principals carrying its tag (see
 * `useBoundaryStatements`), and the use of tenant keys through those services, which only a key's own policy grants.
 *
 * Reviewed access beyond the tenants' own resources (`externalAccess`, the grants of each tenant by AWS prefix) is
 * allowed only to principals tagged with a tenant granted exactly those actions on those resources.
 */
export function tenantBoundaryStatements(
  env: ClusterEnv,
  nestedTenants: readonly string[] = [],
  uses: readonly TenantUses[] = [],
  externalAccess: ExternalAccessByTenant = {},
): PolicyStatement[] {
  const own = ownData(env, PRINCIPAL_TENANT);
  const prefixOf = (u: TenantUses) => awsPrefixOf(u.env);
  const sorted = [...uses].filter((u) => u.uses.length > 0).sort((a, b) => prefixOf(a).localeCompare(prefixOf(b)));
  const usersOf = (n: string) => sorted.filter((u) => !n.startsWith(`${prefixOf(u)}-`) && u.uses.some((x) => awsPrefixOf({ tenant: x.owner, awsPrefix: x.ownerPrefix }) === n)).map(prefixOf);
  // Sids are alphanumeric, so they number the (sorted) nested tenants; the condition names each.
  const fences = [...new Set(nestedTenants)].sort().map((n, i): PolicyStatement => ({
    sid: `NotNestedTenant${i + 1}`,
    effect: 'Deny',
    actions: ['*'],
    resources: ownData(env, n).flatMap((s) => s.resources ?? []).filter((r) => r.includes(`${env.cluster}-${n}-`)),
    condition: { StringNotEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: usersOf(n).length > 0 ? [n, ...usersOf(n)] : n } },
  }));
  const grants: PolicyStatement[] = [];
  for (const u of sorted) grants.push(...useBoundaryStatements(u.env, u.uses, grants.length + 1));
  if (grants.length > 0) grants.push(sharedKeysThroughServices(env));
  return [
    ...own,
    ...grants,
    ...externalAccessBoundaryStatements(externalAccess),
    { sid: 'NoUntaggedPrincipal', effect: 'Deny', actions: ['*'], resources: ['*'], condition: { Null: { [`aws:PrincipalTag/${TENANT_TAG}`]: 'true' } } },
    {
      sid: 'OnlyOwnRoles',
      effect: 'Deny',
      actions: ['*'],
      resources: ['*'],
      condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${env.accountId}:role/${env.cluster}-${PRINCIPAL_TENANT}-*` } },
    },
    ...fences,
  ];
}

/** The AWS prefixes of a cluster's tenants that lie inside another's names (`a-b` when `a` exists), sorted. */
export function nestedTenantsOf(tenants: readonly string[]): string[] {
  // A name is nested when one of its dash-prefixes (`a` and `a-b` of `a-b-c`) is a tenant: linear in tenants, as
  // every tenant's boundary asks for this on clusters of a thousand tenants.
  const all = new Set(tenants);
  const nested = (n: string) => {
    for (let i = n.indexOf('-'); i > 0; i = n.indexOf('-', i + 1)) if (all.has(n.slice(0, i))) return true;
    return false;
  };
  return [...new Set(tenants.filter(nested))].sort();
}

/** The data-plane grants of the tenant whose AWS prefix is `t` (a prefix, or the caller's tag as a policy variable). */
function ownData(env: ClusterEnv, t: string): PolicyStatement[] {
  return [
    ...dataPlaneStatements({ ...env, prefix: t }),
    { sid: 'OwnKeys', actions: KEY_ACTIONS, resources: [`arn:aws:kms:${env.region}:${env.accountId}:key/*`], condition: { StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: t } } },
  ];
}

export interface TenantBoundaryPolicyProps extends InfraProps {
  /** The AWS prefix of the tenant whose boundary this is. */
  readonly tenant: string;
  /** The AWS prefix of every tenant of the cluster; those inside another's names get a Deny of their own (see `tenantBoundaryStatements`). @default [] */
  readonly tenants?: readonly string[];
  /** The tenant's agreed uses of other tenants' resources (its env on the cluster). @default none */
  readonly uses?: TenantUses;
  /** The tenant's reviewed access beyond its own resources. @default [] */
  readonly externalAccess?: readonly ExternalAccessGrant[];
}

/**
 * The customer-managed policy `<cluster>-boundary-<tenant>`, one per tenant per cluster, rendered with the cluster's
 * infrastructure so it exists before the tenant role does. Every role the tenant role creates must carry it as its
 * permissions boundary (the tenant role may create roles with no other, and may change no boundary), so no policy a
 * tenant role writes can grant more than `tenantBoundaryStatements` with that tenant's own uses and external access
 * only: each boundary grows with its own tenant's grants, not with the cluster's.
 */
export class TenantBoundaryPolicy extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantBoundaryPolicyProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    this.arn = tenantBoundaryArn(infra, props.tenant);
    const uses = props.uses ? [props.uses] : [];
    const external = props.externalAccess?.length ? { [props.tenant]: props.externalAccess } : {};
    const policy = policyDocument(tenantBoundaryStatements(infra, nestedTenantsOf(props.tenants ?? []), uses, external));
    if (policy.length > MANAGED_POLICY_MAX_LENGTH) {
      throw new FleetLimitError(`boundary of tenant ${props.tenant} on cluster ${infra.cluster}: ${policy.length} characters; allowed: at most ${MANAGED_POLICY_MAX_LENGTH} (IAM's limit on a managed policy), so fewer cross-tenant uses (aws.uses) or tenancy.externalAccess entries for this tenant on this cluster`);
    }
    new IamPolicy(this, 'policy', {
      ...mrBase(infra, tenantBoundaryObjectName(props.tenant)),
      externalName: tenantBoundaryName(infra.cluster, props.tenant),
      forProvider: {
        description: `${infra.cluster}: permissions boundary of every role tenant ${props.tenant} creates (its own data and agreed grants only)`,
        policy,
        tags: infra.tags,
      },
    });
  }
}
