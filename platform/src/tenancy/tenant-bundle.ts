import type { Tenant } from '@platform/schemas';
import { Construct } from 'constructs';
import { TenantAlertmanagerConfig } from './tenant-alertmanager-config.js';
import { TenantLimitRange } from './tenant-limit-range.js';
import { HOSTNAMES_ANNOTATION, OWNERS_ANNOTATION, REGISTRIES_ANNOTATION, TenantNamespace } from './tenant-namespace.js';
import { type EgressRule, TenantNetworkPolicies } from './tenant-network-policies.js';
import { TenantNotifications } from './tenant-notifications.js';
import { TenantReconciler } from './tenant-reconciler.js';
import { TenantResourceQuota } from './tenant-resource-quota.js';
import { TenantRoleBindings, teamGroup } from './tenant-role-bindings.js';

export interface TenantBundleProps {
  /** The tenant file, defaults filled. */
  readonly tenant: Tenant;
  /** The tenant's environment on this cluster (its own, else the cluster's), labelled on every namespace. */
  readonly environment: string;
  /** Prefix of OIDC group names on this cluster. */
  readonly groupPrefix: string;
  readonly vpcCidr: string;
  /** ServiceAccount in flux-system that the apps Kustomization impersonates. */
  readonly reconciler: string;
  /** The tenant's Flux Kustomizations on this cluster (notified to its channel). */
  readonly kustomizations: readonly string[];
  /** Tenants on this cluster that list this tenant in their network.allowFrom. @default [] */
  readonly allowTo?: readonly string[];
  /** Tenants this one admits, among those on this cluster. @default - tenant.network.allowFrom */
  readonly allowFrom?: readonly string[];
  /** Extra egress per namespace (e.g. to the tenant's database subnets). @default [] */
  readonly egress?: readonly EgressRule[];
  /**
   * The tenant's own image repositories (without tag), e.g. its ECR registries on every cluster it runs in:
   * annotated on its namespaces, where admission lets its pods run them. @default []
   */
  readonly registries?: readonly string[];
  /** Route the alerts of each namespace to the team's Slack channel (needs kube-prometheus-stack). @default false */
  readonly alertRouting?: boolean;
}

/** The names of a tenant's namespaces: its name, then `<name>-<suffix>` for each extra namespace. */
export const tenantNamespaces = (t: Pick<Tenant, 'name' | 'namespaces'>) => [t.name, ...t.namespaces.map((s) => `${t.name}-${s}`)];

/**
 * Everything one tenant gets on one cluster, except its AWS resources: namespaces (Pod Security restricted),
 * owner RoleBindings, quota, limit range and NetworkPolicies in each namespace, the Flux reconciler ServiceAccount
 * and its bindings, notifications to the team's channel and, with `alertRouting`, its alerts routed to that channel.
 */
export class TenantBundle extends Construct {
  readonly namespaces: readonly string[];

  constructor(scope: Construct, id: string, props: TenantBundleProps) {
    super(scope, id);
    const t = props.tenant;
    this.namespaces = tenantNamespaces(t);
    const annotations: Record<string, string> = {
      // The owner teams as their OIDC group names lack only the cluster's prefix, which admission adds from its params.
      [OWNERS_ANNOTATION]: t.owners.map((o) => teamGroup('', o.team)).join(','),
      'platform.example.com/slack-channel': t.contact.slackChannel,
    };
    if (t.hostnames.length > 0) annotations[HOSTNAMES_ANNOTATION] = [...t.hostnames].sort().join(',');
    const registries = [...new Set(props.registries ?? [])].sort();
    if (registries.length > 0) annotations[REGISTRIES_ANNOTATION] = registries.join(',');
    if (t.contact.email) annotations['platform.example.com/email'] = t.contact.email;
    if (t.description) annotations['platform.example.com/description'] = t.description;
    if (t.decommissioned) annotations['platform.example.com/decommissioned'] = 'true';
    const owners = t.owners.map((o) => ({ team: o.team, role: o.role ?? 'edit' }));
    for (const ns of this.namespaces) {
      const scope = new Construct(this, ns);
      const suffix = ns === t.name ? '' : ns.slice(t.name.length + 1);
      const environment = (suffix && t.namespaceEnvironments?.[suffix]) || props.environment;
      new TenantNamespace(scope, 'namespace', { name: ns, tenant: t.name, environment, annotations });
      new TenantRoleBindings(scope, 'owners', { namespace: ns, owners, groupPrefix: props.groupPrefix });
      new TenantResourceQuota(scope, 'quota', { namespace: ns, ...t.quotas });
      new TenantLimitRange(scope, 'limits', { namespace: ns, defaultLimit: t.limitRange.defaultLimit, defaultRequest: t.limitRange.defaultRequest });
      new TenantNetworkPolicies(scope, 'network', {
        namespace: ns,
        tenant: t.name,
        allowFrom: props.allowFrom ?? t.network.allowFrom,
        allowTo: props.allowTo,
        internetEgress: t.network.internetEgress,
        vpcCidr: props.vpcCidr,
        egress: props.egress,
      });
      if (props.alertRouting) new TenantAlertmanagerConfig(scope, 'alerts', { namespace: ns, slackChannel: t.contact.slackChannel });
    }
    new TenantReconciler(this, 'reconciler', { tenant: t.name, name: props.reconciler, namespaces: this.namespaces });
    new TenantNotifications(this, 'notifications', { tenant: t.name, slackChannel: t.contact.slackChannel, kustomizations: props.kustomizations });
  }
}
