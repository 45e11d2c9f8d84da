import { Construct } from 'constructs';
import { policyDocument, type PolicyStatement } from '../crossplane/iam/policy-document.js';
import { useClusterKey } from './cluster-kms-key.js';
import { type InfraProps, resolveInfra } from './infra-props.js';
import { METRICS_READER_ROLE } from './infra-names.js';
import { clusterRole, rolePolicy } from './_iam.js';

export interface FleetMetricsReaderProps extends InfraProps {
  /** S3 name of this cluster's metrics bucket. */
  readonly metricsBucket: string;
  /** The management cluster: its name, account and region, and the ARN of its fleet metrics role. */
  readonly management: { readonly cluster: string; readonly accountId: string; readonly region: string; readonly roleArn: string };
}

/** What a fleet store gateway does with a cluster's metrics bucket: list it and read blocks. Nothing else. */
export function metricsReaderStatements(c: { readonly cluster: string; readonly accountId: string; readonly region: string }, bucket: string): PolicyStatement[] {
  return [
    { sid: 'ListMetricsBucket', actions: ['s3:ListBucket'], resources: [`arn:aws:s3:::${bucket}`] },
    { sid: 'ReadMetricsBlocks', actions: ['s3:GetObject'], resources: [`arn:aws:s3:::${bucket}/*`] },
    useClusterKey(c, ['kms:Decrypt'], 's3'),
  ];
}

/**
 * `<cluster>-metrics-reader` in the cluster's own account: the role the management cluster's store gateway for this
 * cluster ends up with (EKS Pod Identity chains into it from the management's `thanos-fleet` role). It trusts only
 * that role, which Pod Identity gives only to the management cluster's fleet store gateways, and may only list and
 * read this cluster's metrics bucket. (The association's `externalId` exists only once it is created, so the trust
 * policy cannot name it; see docs/observability.md.)
 */
export class FleetMetricsReader extends Construct {
  constructor(scope: Construct, id: string, props: FleetMetricsReaderProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const m = props.management;
    const trust = policyDocument([
      {
        sid: 'ManagementFleetStore',
        principal: { AWS: m.roleArn },
        actions: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]);
    clusterRole(this, infra, METRICS_READER_ROLE, "the management cluster's Thanos reads this cluster's metrics (fleet view)", trust);
    rolePolicy(this, infra, METRICS_READER_ROLE, 'read the metrics bucket (fleet view)', metricsReaderStatements(infra, props.metricsBucket));
  }
}
