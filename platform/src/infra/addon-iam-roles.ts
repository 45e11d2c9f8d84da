import { Construct } from 'constructs';
import { EksPodIdentityAssociation } from '../crossplane/eks/pod-identity-association.js';
import { IamOpenIdConnectProvider, oidcProviderArn } from '../crossplane/iam/openid-connect-provider.js';
import { type AddonIdentity, type AddonSettings, addonIdentities, enabledAddons } from '../addons/catalog.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { addonRoleName, addonRoleSuffix } from './infra-names.js';
import { EKS_CLUSTER_NAME } from './eks-control-plane.js';
import { IRSA_AUDIENCE, clusterRole, irsaTrustPolicy, podIdentityTrustPolicy, rolePolicy } from './_iam.js';
import { type AddonPolicyEnv, addonAwsPolicy } from './addon-policies.js';
import type { TenantZone } from '../tenancy/tenant-zones.js';

export interface AddonIamRolesProps extends InfraProps {
  /** The cluster file's `addons` section: an add-on with `enabled: false` gets no role. @default {} - every add-on is on */
  readonly addons?: AddonSettings;
  /** Route53 zone of the cluster's domain. @default - policies name every zone of the account */
  readonly hostedZoneId?: string;
  /** S3 name of the cluster's logs bucket. */
  readonly logsBucket: string;
  /** S3 name of the cluster's metrics bucket. */
  readonly metricsBucket: string;
  /** S3 name of the cluster's Loki bucket. */
  readonly lokiBucket: string;
  /** AWS names of the node groups' auto scaling groups. @default [] */
  readonly autoscalingGroups?: readonly string[];
  /** Management cluster: each cluster's `crossplane.assumeRoleArn`, which its Crossplane may assume. @default [] */
  readonly crossplaneAssumeRoleArns?: readonly string[];
  /** The tenants' secret-reader roles on this cluster, which external-secrets may assume. @default [] */
  readonly tenantSecretRoleArns?: readonly string[];
  /** The tenants' own DNS zones on this cluster: external-dns, cert-manager and Crossplane get their records. @default [] */
  readonly tenantZones?: readonly TenantZone[];
  /**
   * Add-ons whose ServiceAccounts use IRSA instead of Pod Identity (`crossplane.credentials: IRSA`
   * gives `['crossplane']`), and the cluster's OIDC issuer (no `https://`). Their roles trust the
   * cluster's OIDC provider, rendered here as `oidc-provider`, and get no PodIdentityAssociation.
   * @default - every add-on uses Pod Identity
   */
  readonly irsa?: AddonIrsa;
}

/** IRSA for some add-ons of a cluster: see `AddonIamRolesProps.irsa`. */
export interface AddonIrsa {
  /** The cluster's OIDC issuer, e.g. `oidc.eks.eu-west-2.amazonaws.com/id/<id>`. */
  readonly oidcIssuer: string;
  readonly addons: readonly string[];
}

/** metadata.name of a cluster's IAM OIDC provider (IRSA only). */
export const OIDC_PROVIDER = 'oidc-provider';

/**
 * One least-privilege IAM role per add-on that needs AWS in this cluster, bound to its
 * ServiceAccounts with EKS Pod Identity: the role `<cluster>-<addon>` (trusting Pod Identity for
 * exactly those ServiceAccounts of this cluster), its policy (see `ADDON_AWS_POLICIES`) attached,
 * and one PodIdentityAssociation per ServiceAccount. Add-ons that are off, or need no AWS in this
 * cluster (kube-prometheus-stack without Thanos), get nothing. Add-ons listed in `irsa` trust the
 * cluster's OIDC provider instead (rendered with them), and get no association.
 */
export class AddonIamRoles extends Construct {
  /** The add-ons that got a role, by name, with their AWS role names. */
  readonly roles: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: AddonIamRolesProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const on = new Set(enabledAddons(props.addons).map((a) => a.name));
    const env: AddonPolicyEnv = {
      cluster: infra.cluster,
      accountId: infra.accountId,
      region: infra.region,
      hostedZoneId: props.hostedZoneId,
      logsBucket: props.logsBucket,
      metricsBucket: props.metricsBucket,
      lokiBucket: props.lokiBucket,
      autoscalingGroups: props.autoscalingGroups ?? [],
      enabled: (addon) => on.has(addon),
      crossplaneAssumeRoleArns: props.crossplaneAssumeRoleArns ?? [],
      tenantSecretRoleArns: props.tenantSecretRoleArns ?? [],
      tenantZones: props.tenantZones ?? [],
    };
    const byAddon = new Map<string, AddonIdentity[]>();
    for (const identity of addonIdentities(props.addons)) byAddon.set(identity.addon, [...(byAddon.get(identity.addon) ?? []), identity]);

    const roles = new Map<string, string>();
    for (const [addon, identities] of byAddon) {
      const policy = addonAwsPolicy(addon);
      const statements = policy.statements(env);
      if (statements.length === 0) continue;
      const name = addonRoleSuffix(addon);
      const namespaces = [...new Set(identities.map((i) => i.namespace))];
      if (namespaces.length !== 1) throw new Error(`add-on "${addon}": ServiceAccounts in ${namespaces.length} namespaces (${namespaces.join(', ')}); allowed: one namespace per add-on`);
      const serviceAccounts = identities.map((i) => i.serviceAccount);
      const irsa = props.irsa?.addons.includes(addon) ? props.irsa : undefined;
      if (irsa) {
        clusterRole(this, infra, name, `${addon} (IRSA)`, irsaTrustPolicy(infra.accountId, irsa.oidcIssuer, namespaces[0]!, serviceAccounts));
      } else {
        clusterRole(this, infra, name, `${addon} (Pod Identity)`, podIdentityTrustPolicy(infra.cluster, namespaces[0]!, serviceAccounts));
      }
      rolePolicy(this, infra, name, `${addon}: ${policy.description}`, statements);
      roles.set(addon, addonRoleName(infra.cluster, addon));
      if (irsa) continue;
      for (const { namespace, serviceAccount } of identities) {
        const association = serviceAccount.startsWith(addon) ? serviceAccount : `${addon}-${serviceAccount}`;
        new EksPodIdentityAssociation(this, `association-${association}`, {
          ...mrBase(infra, association),
          forProvider: { region: infra.region, clusterNameRef: { name: EKS_CLUSTER_NAME }, roleArnRef: { name }, namespace, serviceAccount, tags: infra.tags },
        });
      }
    }
    this.roles = roles;
    if (props.irsa && props.irsa.addons.some((a) => roles.has(a))) {
      const issuer = props.irsa.oidcIssuer;
      new IamOpenIdConnectProvider(this, OIDC_PROVIDER, {
        ...mrBase(infra, OIDC_PROVIDER),
        externalName: oidcProviderArn(infra.accountId, issuer),
        forProvider: { url: `https://${issuer}`, clientIdList: [IRSA_AUDIENCE], tags: infra.tags },
      });
    }
  }
}
