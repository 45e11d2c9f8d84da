import { describe, expect, it } from 'vitest';
import type { AddonEnvironment } from '../../src/addons/_addon.js';
import { stagingEnv } from './_env.js';
import { CLUSTER_AUTOSCALER } from '../../src/addons/cluster-autoscaler.js';
import { CROSSPLANE } from '../../src/addons/crossplane.js';
import { EXTERNAL_DNS } from '../../src/addons/external-dns.js';
import { FLUENT_BIT } from '../../src/addons/fluent-bit.js';
import { KUBE_PROMETHEUS_STACK } from '../../src/addons/kube-prometheus-stack.js';
import { THANOS } from '../../src/addons/thanos.js';
import { TRAEFIK } from '../../src/addons/traefik.js';
import { AWS_LOAD_BALANCER_CONTROLLER } from '../../src/addons/aws-load-balancer-controller.js';

const env = (off: string[] = []): AddonEnvironment => stagingEnv(off);

describe('add-on values per cluster', () => {
  it('cluster-autoscaler discovers the node groups by the two auto-discovery tags', () => {
    expect(CLUSTER_AUTOSCALER.values(env())).toMatchObject({
      awsRegion: 'eu-west-2',
      autoDiscovery: { clusterName: 'staging', tags: ['k8s.io/cluster-autoscaler/enabled', 'k8s.io/cluster-autoscaler/staging'] },
      rbac: { serviceAccount: { name: 'cluster-autoscaler' } },
    });
  });

  it('cluster-autoscaler runs the release of the control plane\'s minor version, not the chart\'s default', () => {
    expect(CLUSTER_AUTOSCALER.values(env())).toMatchObject({ image: { tag: 'v1.34.4' } });
    expect(CLUSTER_AUTOSCALER.values({ ...env(), kubernetesVersion: '1.33' })).toMatchObject({ image: { tag: 'v1.33.5' } });
    expect(() => CLUSTER_AUTOSCALER.values({ ...env(), kubernetesVersion: '1.29' })).toThrow(
      'cluster-autoscaler: no release for Kubernetes 1.29; known: 1.32, 1.33, 1.34, 1.35',
    );
  });

  it('external-dns owns records by cluster name and is limited to the cluster domain and zone', () => {
    expect(EXTERNAL_DNS.values(env())).toMatchObject({
      provider: { name: 'aws' },
      policy: 'sync',
      txtOwnerId: 'staging',
      domainFilters: ['staging.example.com'],
      extraArgs: ['--zone-id-filter=Z0STAGING'],
    });
  });

  it('external-dns with tenant zones finds them among the public zones, and names those outside the cluster domain in its domain filter', () => {
    expect(EXTERNAL_DNS.values(stagingEnv([], { tenantZones: ['pay.staging.example.com', 'shop.staging.partner.example'] }))).toMatchObject({
      domainFilters: ['staging.example.com', 'shop.staging.partner.example'],
      extraArgs: ['--aws-zone-type=public'],
    });
  });

  it('traefik sits behind an internet-facing NLB with IP targets from aws-load-balancer-controller', () => {
    const v = TRAEFIK.values(env()) as { service: { annotations: Record<string, string> } };
    expect(v.service.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    });
    expect(TRAEFIK.dependsOn).toContain('aws-load-balancer-controller');
    expect(AWS_LOAD_BALANCER_CONTROLLER.values(env())).toMatchObject({ clusterName: 'staging', region: 'eu-west-2' });
    // Pods cannot reach instance metadata (hop limit 1): the VPC is found by its cluster tag.
    expect(AWS_LOAD_BALANCER_CONTROLLER.values(env())).toMatchObject({ vpcTags: { 'platform.example.com/cluster': 'staging' } });
  });

  it('traefik serves private ingresses on an internal entry point exposed only by an internal NLB named in DNS', () => {
    const v = TRAEFIK.values(env()) as {
      service: { annotations: Record<string, string>; additionalServices: Record<string, { spec: unknown; annotations: Record<string, string> }> };
      ports: Record<string, Record<string, unknown>>;
    };
    // Chart 41 reads TLS and redirections under `http` (its values schema rejects them one level up).
    expect(v.ports.internal).toEqual({ port: 8444, exposedPort: 443, protocol: 'TCP', expose: { default: false, internal: true }, http: { tls: { enabled: true } } });
    expect(v.ports.web).toEqual({ http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https', permanent: true } } } });
    // websecure and web keep the chart's `expose: { default: true }`: the public NLB never carries `internal`.
    expect(v.ports.websecure).toBeUndefined();
    expect(Object.keys(v.service.additionalServices)).toEqual(['internal']);
    expect(v.service.additionalServices.internal).toEqual({
      spec: { type: 'LoadBalancer' },
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-attributes': 'load_balancing.cross_zone.enabled=true',
        'service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags': 'platform.example.com/cluster=staging',
        'external-dns.alpha.kubernetes.io/hostname': 'ingress-internal.staging.example.com',
      },
    });
    expect(v.service.annotations['external-dns.alpha.kubernetes.io/hostname']).toBeUndefined();
  });

  it('Prometheus ships blocks to the metrics bucket through the Thanos sidecar only when thanos is on', () => {
    const on = KUBE_PROMETHEUS_STACK.values(env()) as { prometheus: { prometheusSpec: Record<string, unknown> } };
    const objstore = { type: 'S3', config: { bucket: '222222222222-eu-west-2-staging-metrics', endpoint: 's3.eu-west-2.amazonaws.com', region: 'eu-west-2' } };
    // The chart renders the config into its own Secret: no hand-made Secret, and nothing secret in it (Pod Identity).
    expect(on.prometheus.prometheusSpec.thanos).toEqual({ objectStorageConfig: { secret: objstore } });
    const off = KUBE_PROMETHEUS_STACK.values(env(['thanos'])) as { prometheus: { prometheusSpec: Record<string, unknown> } };
    expect(off.prometheus.prometheusSpec.thanos).toBeUndefined();
    expect(THANOS.values(env())).toMatchObject({ objstoreConfig: objstore });
    expect(THANOS.values(env())).not.toHaveProperty('existingObjstoreSecret');
  });

  it('Thanos runs the Thanos project\'s own image at the release the chart packages', () => {
    expect(THANOS.values(env())).toMatchObject({
      image: { registry: 'quay.io', repository: 'thanos/thanos', tag: 'v0.39.2' },
      global: { security: { allowInsecureImages: true } },
    });
  });

  it('turns ServiceMonitors off when kube-prometheus-stack is off (their CRD would be missing)', () => {
    const v = FLUENT_BIT.values(env(['kube-prometheus-stack'])) as { serviceMonitor: { enabled: boolean } };
    expect(v.serviceMonitor.enabled).toBe(false);
  });

  it('fluent-bit writes to the cluster logs bucket', () => {
    const v = FLUENT_BIT.values(env()) as { config: { outputs: string } };
    expect(v.config.outputs).toContain('    bucket 222222222222-eu-west-2-staging-logs\n');
  });

  it('crossplane installs no default activation policy: addons-config activates exactly what is used', () => {
    expect(CROSSPLANE.values(env())).toMatchObject({ provider: { defaultActivations: [] } });
  });
});
