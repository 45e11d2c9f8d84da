import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TENANT_LABEL } from './tenant-namespace.js';
import { MONITORING_NAMESPACE } from '../addons/kube-prometheus-stack.js';
import { INGRESS_NAMESPACE } from '../addons/traefik.js';

/** Namespace label every namespace carries (set by the API server): selects platform namespaces by name. */
const NAMESPACE_NAME = 'kubernetes.io/metadata.name';
const METADATA_ADDRESS = '169.254.169.254/32';

/** Extra egress to addresses outside the cluster, e.g. the secure subnets of the tenant's database. */
export interface EgressRule {
  /** Appended to `allow-egress-`, e.g. `database`. */
  readonly name: string;
  readonly cidrs: readonly string[];
  /** Addresses inside `cidrs` left out (e.g. the VPC and link-local addresses of `0.0.0.0/0`). @default [] */
  readonly except?: readonly string[];
  /** The tenant namespaces that get the rule. @default - every namespace of the tenant */
  readonly namespaces?: readonly string[];
  readonly ports: readonly { readonly port: number; readonly protocol?: 'TCP' | 'UDP' }[];
}

export interface TenantNetworkPoliciesProps {
  readonly namespace: string;
  readonly tenant: string;
  /** Tenants whose namespaces may call this namespace. @default [] */
  readonly allowFrom?: readonly string[];
  /** Tenants this namespace may call (those that list this tenant in their allowFrom). @default [] */
  readonly allowTo?: readonly string[];
  /** Egress to the internet except `vpcCidr` and the instance metadata address. @default false */
  readonly internetEgress?: boolean;
  /** The cluster's VPC CIDR, kept out of internet egress (it holds every other tenant's pods). */
  readonly vpcCidr: string;
  /** @default INGRESS_NAMESPACE ('traefik') */
  readonly ingressNamespace?: string;
  /** @default MONITORING_NAMESPACE ('monitoring') */
  readonly monitoringNamespace?: string;
  /** @default [] */
  readonly egress?: readonly EgressRule[];
}

const byName = (ns: string) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME]: ns } } });
const byTenant = (t: string) => ({ namespaceSelector: { matchLabels: { [TENANT_LABEL]: t } } });

/**
 * The NetworkPolicies of one tenant namespace: deny all ingress and egress, then allow DNS, the tenant's own
 * namespaces, the ingress controller, monitoring, the declared tenants (both directions, each side rendering its
 * half), optional internet egress and any extra egress rules. Nothing else reaches or leaves the namespace.
 */
export class TenantNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: TenantNetworkPoliciesProps) {
    super(scope, id);
    const policy = (name: string, spec: Record<string, unknown>) =>
      new ApiObject(this, name, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: props.namespace },
        spec: { podSelector: {}, ...spec },
      });

    policy('default-deny', { policyTypes: ['Ingress', 'Egress'] });
    policy('allow-dns', {
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ...byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
        },
      ],
    });
    policy('allow-same-tenant', {
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [byTenant(props.tenant)] }],
      egress: [{ to: [byTenant(props.tenant)] }],
    });
    policy('allow-from-ingress', { policyTypes: ['Ingress'], ingress: [{ from: [byName(props.ingressNamespace ?? INGRESS_NAMESPACE)] }] });
    policy('allow-from-monitoring', { policyTypes: ['Ingress'], ingress: [{ from: [byName(props.monitoringNamespace ?? MONITORING_NAMESPACE)] }] });
    for (const other of [...(props.allowFrom ?? [])].sort()) {
      policy(`allow-from-${other}`, { policyTypes: ['Ingress'], ingress: [{ from: [byTenant(other)] }] });
    }
    for (const other of [...(props.allowTo ?? [])].sort()) {
      policy(`allow-to-${other}`, { policyTypes: ['Egress'], egress: [{ to: [byTenant(other)] }] });
    }
    if (props.internetEgress) {
      policy('allow-internet-egress', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [props.vpcCidr, METADATA_ADDRESS] } }] }],
      });
    }
    for (const rule of (props.egress ?? []).filter((r) => !r.namespaces || r.namespaces.includes(props.namespace))) {
      policy(`allow-egress-${rule.name}`, {
        policyTypes: ['Egress'],
        egress: [
          {
            to: rule.cidrs.map((cidr) => ({ ipBlock: rule.except?.length ? { cidr, except: [...rule.except] } : { cidr } })),
            ports: rule.ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
          },
        ],
      });
    }
  }
}
