import { Construct } from 'constructs';
import { EksPodIdentityAssociation } from '../crossplane/eks/pod-identity-association.js';
import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import type { FleetMetricsSource } from '../addons/_addon.js';
import { THANOS_NAMESPACE } from '../addons/thanos.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { FLEET_METRICS_ROLE, fleetStoreName } from './infra-names.js';
import { EKS_CLUSTER_NAME } from './eks-control-plane.js';
import { clusterRole, podIdentityTrustPolicy, rolePolicy } from './_iam.js';

export interface FleetMetricsRoleProps extends InfraProps {
  /** Every other cluster's metrics bucket and reader role. An empty list renders nothing. */
  readonly sources: readonly FleetMetricsSource[];
}

/** The management role may only chain into the clusters' metrics-reader roles. */
export function fleetMetricsStatements(sources: readonly FleetMetricsSource[]): PolicyStatement[] {
  if (sources.length === 0) return [];
  return [{ sid: 'ReadClusterMetrics', actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [...new Set(sources.map((s) => s.readerRoleArn))].sort() }];
}

/**
 * The fleet view's identity in the management cluster: the role `<management>-thanos-fleet`, trusted by Pod Identity
 * for the fleet store gateways' ServiceAccounts (`thanos/thanos-store-<cluster>`), allowed only to assume the
 * clusters' metrics-reader roles; and per cluster a Pod Identity association that chains into that cluster's reader
 * role (`targetRoleArn`), so each store gateway can read its own cluster's bucket and no other.
 */
export class FleetMetricsRole extends Construct {
  constructor(scope: Construct, id: string, props: FleetMetricsRoleProps) {
    super(scope, id);
    const statements = fleetMetricsStatements(props.sources);
    if (statements.length === 0) return;
    const infra = resolveInfra(props);
    const accounts = props.sources.map((s) => fleetStoreName(s.cluster));
    clusterRole(this, infra, FLEET_METRICS_ROLE, 'Thanos fleet store gateways (Pod Identity)', podIdentityTrustPolicy(infra.cluster, THANOS_NAMESPACE, accounts));
    rolePolicy(this, infra, FLEET_METRICS_ROLE, "Thanos fleet store gateways: chain into every cluster's metrics-reader role", statements);
    for (const s of props.sources) {
      const name = fleetStoreName(s.cluster);
      new EksPodIdentityAssociation(this, `association-${name}`, {
        ...mrBase(infra, name),
        forProvider: {
          region: infra.region,
          clusterNameRef: { name: EKS_CLUSTER_NAME },
          roleArnRef: { name: FLEET_METRICS_ROLE },
          targetRoleArn: s.readerRoleArn,
          namespace: THANOS_NAMESPACE,
          serviceAccount: name,
          tags: infra.tags,
        },
      });
    }
  }
}
