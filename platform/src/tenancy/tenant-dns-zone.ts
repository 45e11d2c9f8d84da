import { Construct } from 'constructs';
import { Route53Record, Route53Zone } from '../crossplane/route53/zone.js';
import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import { CLUSTER_LABEL } from '../infra/infra-names.js';
import { TENANT_LABEL } from './tenant-namespace.js';
import { type TenantZone, tenantZoneDelegationName, tenantZoneResourceName } from './tenant-zones.js';

/** TTL of the NS delegation in the parent zone: two days, what Route53 gives a zone's own NS record. */
export const DELEGATION_TTL = 172800;

export interface TenantDnsZoneProps {
  readonly cluster: string;
  readonly zone: TenantZone;
  /** The cluster's reusable delegation set (`dns.tenantZones.delegationSetId`) and its four name servers. */
  readonly delegationSetId: string;
  readonly nameServers: readonly string[];
  /** Namespace of the platform's own managed resources on the cluster. @default 'crossplane-system' */
  readonly namespace?: string;
  /** The platform's provider config on the cluster (the cluster's own Crossplane role). @default - the ClusterProviderConfig `default` */
  readonly providerConfigRef?: ProviderConfigRef;
}

/**
 * A tenant's own Route53 hosted zone and its delegation: the Zone, created with the cluster's reusable delegation set
 * so its name servers are the set's, and the NS Record with those name servers in the parent zone. Both are the
 * platform's (its provider config, in its namespace): the tenant's role can neither create zones (AWS cannot scope
 * CreateHostedZone to a name) nor write the parent zone. The zone is never deleted from Git (no `Delete` in its
 * management policies, and the role lacks route53:DeleteHostedZone): removing it only drops the delegation.
 */
export class TenantDnsZone extends Construct {
  constructor(scope: Construct, id: string, props: TenantDnsZoneProps) {
    super(scope, id);
    const { zone } = props;
    const base = {
      namespace: props.namespace ?? 'crossplane-system',
      providerConfigRef: props.providerConfigRef,
      labels: { [TENANT_LABEL]: zone.tenant, [CLUSTER_LABEL]: props.cluster },
    };
    new Route53Zone(this, 'zone', {
      ...base,
      name: tenantZoneResourceName(zone.name),
      retain: true,
      forProvider: {
        name: zone.name,
        delegationSetId: props.delegationSetId,
        comment: `Zone of tenant ${zone.tenant} on cluster ${props.cluster}, delegated from ${zone.parentDomain}`,
        forceDestroy: false,
        tags: { [TENANT_LABEL]: zone.tenant, [CLUSTER_LABEL]: props.cluster },
      },
    });
    new Route53Record(this, 'delegation', {
      ...base,
      name: tenantZoneDelegationName(zone.name),
      forProvider: { zoneId: zone.parentZoneId, name: zone.name, type: 'NS', ttl: DELEGATION_TTL, records: [...props.nameServers] },
    });
  }
}
