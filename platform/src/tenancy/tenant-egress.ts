import type { EgressRule } from './tenant-network-policies.js';
import { dataStorePorts } from '../tenant-aws/tenant-aws-kinds.js';

/** A tenant AWS kind that lives in the VPC, by its egress name (`postgres`; see `TenantAwsKind.vpc`). */
export type DataStoreKind = string;

/** The EKS Pod Identity agent on every node (IPv4), where the AWS SDKs fetch a workload role's credentials. */
export const POD_IDENTITY_AGENT = '169.254.170.23/32';
/** Link-local addresses, the instance metadata service among them: never reachable through the AWS API rule. */
const LINK_LOCAL = '169.254.0.0/16';

export interface TenantEgressProps {
  /** The cluster's VPC CIDR: kept out of the AWS API rule (it holds every other tenant's pods). */
  readonly vpcCidr: string;
  /** CIDRs of the cluster's secure-tier subnets, where the tenant's data stores live. */
  readonly secureCidrs: readonly string[];
  /** The kinds of data store the tenant has on this cluster (only those actually rendered there). @default [] */
  readonly dataStores?: readonly DataStoreKind[];
  /** Namespaces holding a ServiceAccount with a workload role. @default [] */
  readonly workloadNamespaces?: readonly string[];
  /** The tenant owns resources reached only through public AWS endpoints that its workload roles may use (buckets, queues, topics, tables). @default false */
  readonly usesAwsApis?: boolean;
}

/**
 * The extra egress a tenant needs on one cluster, on top of its default-deny fence:
 * - `allow-egress-<kind>`: each kind of data store it has (the port of its descriptor's `vpc`), to the
 *   secure-tier subnets only, from every tenant namespace;
 * - `allow-egress-pod-identity`: the Pod Identity agent on port 80, from namespaces with a workload role;
 * - `allow-egress-aws-apis`: HTTPS to addresses outside the VPC and link-local range, from namespaces with a
 *   workload role, when the tenant has resources reached through AWS's public endpoints. Those endpoints have no
 *   fixed addresses, so this is the narrowest rule that works without VPC endpoints.
 */
export function tenantEgressRules(props: TenantEgressProps): EgressRule[] {
  const kinds = [...new Set(props.dataStores ?? [])].sort();
  const ports = dataStorePorts();
  const rules: EgressRule[] = kinds.map((kind) => {
    const port = ports[kind];
    if (port === undefined) throw new Error(`'dataStores' (${kind}) is no tenant AWS kind in the VPC; allowed: ${Object.keys(ports).sort().join(', ')}`);
    return { name: kind, cidrs: [...props.secureCidrs], ports: [{ port }] };
  });
  const namespaces = [...new Set(props.workloadNamespaces ?? [])].sort();
  if (namespaces.length === 0) return rules;
  rules.push({ name: 'pod-identity', cidrs: [POD_IDENTITY_AGENT], namespaces, ports: [{ port: 80 }] });
  if (props.usesAwsApis) {
    rules.push({ name: 'aws-apis', cidrs: ['0.0.0.0/0'], except: [props.vpcCidr, LINK_LOCAL], namespaces, ports: [{ port: 443 }] });
  }
  return rules;
}
