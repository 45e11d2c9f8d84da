import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ThanosFleetStore } from '../../src/addons/thanos-fleet-store.js';
import { THANOS, fleetStoreAddress } from '../../src/addons/thanos.js';
import { stagingEnv } from './_env.js';

const source = { cluster: 'production', region: 'eu-west-1', bucket: '333333333333-eu-west-1-production-metrics', readerRoleArn: 'arn:aws:iam::333333333333:role/production-metrics-reader' };

describe('ThanosFleetStore', () => {
  it("GIVEN another cluster's bucket WHEN rendered THEN a second release of the Thanos chart runs only a store gateway on that bucket, as thanos-store-<cluster>", () => {
    const chart = new Chart(Testing.app(), 'test');
    new ThanosFleetStore(chart, 'store', { source, serviceMonitor: true });
    const [release] = chart.toJson() as any[];
    expect(release.metadata).toMatchObject({ name: 'thanos-store-production', namespace: 'flux-system' });
    expect(release.spec).toMatchObject({ releaseName: 'thanos-store-production', targetNamespace: 'thanos', chartRef: { kind: 'OCIRepository', name: 'thanos' } });
    expect(release.spec.values).toMatchObject({
      objstoreConfig: { type: 'S3', config: { bucket: source.bucket, region: 'eu-west-1', endpoint: 's3.eu-west-1.amazonaws.com' } },
      query: { enabled: false },
      queryFrontend: { enabled: false },
      compactor: { enabled: false },
      storegateway: { enabled: true, serviceAccount: { create: true, name: 'thanos-store-production' } },
      image: { registry: 'quay.io', repository: 'thanos/thanos' },
    });
  });

  it("GIVEN the management cluster's fleet WHEN Thanos Query is built THEN it asks each fleet store gateway besides the sidecars", () => {
    const stores = (THANOS.values(stagingEnv([], { fleetMetrics: [source] })) as any).query.stores;
    expect(stores).toEqual(['dnssrv+_grpc._tcp.kube-prometheus-stack-thanos-discovery.monitoring.svc.cluster.local', fleetStoreAddress('production')]);
    expect(fleetStoreAddress('production')).toBe('thanos-store-production-storegateway.thanos.svc.cluster.local:10901');
  });
});
