import type { Construct } from 'constructs';
import { AddonRelease, type FleetMetricsSource, PLATFORM_PART_OF } from './_addon.js';
import { THANOS, THANOS_IMAGE_VALUES } from './thanos.js';
import { fleetStoreName } from '../infra/infra-names.js';

export interface ThanosFleetStoreProps {
  /** The other cluster whose metrics bucket the store gateway serves. */
  readonly source: FleetMetricsSource;
  /** Whether kube-prometheus-stack is on here (the store gateway's ServiceMonitor). */
  readonly serviceMonitor: boolean;
}

/**
 * The fleet view's reach into one other cluster: a second release of the Thanos chart in the management cluster,
 * `thanos-store-<cluster>`, with only a store gateway, serving that cluster's metrics bucket (read-only; that
 * cluster's own compactor owns the bucket). Its ServiceAccount chains through Pod Identity into the cluster's
 * metrics-reader role (FleetMetricsRole), so it needs no keys; Thanos Query in the management cluster asks it.
 */
export class ThanosFleetStore extends AddonRelease {
  constructor(scope: Construct, id: string, props: ThanosFleetStoreProps) {
    const { source } = props;
    const name = fleetStoreName(source.cluster);
    super(scope, id, {
      definition: THANOS,
      name,
      labels: { ...PLATFORM_PART_OF, 'platform.example.com/addon': THANOS.name, 'platform.example.com/cluster': source.cluster },
      values: {
        ...THANOS_IMAGE_VALUES,
        objstoreConfig: { type: 'S3', config: { bucket: source.bucket, endpoint: `s3.${source.region}.amazonaws.com`, region: source.region } },
        query: { enabled: false },
        queryFrontend: { enabled: false },
        compactor: { enabled: false },
        storegateway: { enabled: true, serviceAccount: { create: true, name } },
        metrics: { enabled: true, serviceMonitor: { enabled: props.serviceMonitor } },
        commonLabels: { 'platform.example.com/metrics-bucket': source.bucket, 'platform.example.com/cluster': source.cluster },
      },
    });
  }
}
