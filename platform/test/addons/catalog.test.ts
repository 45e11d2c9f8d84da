import { describe, expect, it } from 'vitest';
import { ADDONS, ADDON_NAMES, PLATFORM_NAMESPACES, addonIdentities, enabledAddons } from '../../src/addons/catalog.js';
import { INGRESS_NAMESPACE } from '../../src/addons/traefik.js';
import { MONITORING_NAMESPACE } from '../../src/addons/kube-prometheus-stack.js';

describe('the add-on catalog', () => {
  it('has the platform add-ons, each with an exact version and an OCI source where the chart is published as OCI', () => {
    expect(ADDONS.map((a) => `${a.name} ${a.sourceKind} ${a.version}`)).toEqual([
      'aws-load-balancer-controller HelmRepository 3.5.0',
      'cert-manager OCIRepository v1.21.1',
      'cluster-autoscaler HelmRepository 9.59.0',
      'crossplane HelmRepository 2.3.4',
      'dex HelmRepository 0.24.0',
      'external-dns HelmRepository 1.21.1',
      'external-secrets OCIRepository 2.9.0',
      'fluent-bit OCIRepository 0.58.1',
      'grafana OCIRepository 12.11.1',
      'kube-prometheus-stack OCIRepository 88.5.3',
      'loki OCIRepository 18.11.0',
      'metrics-server HelmRepository 3.13.1',
      'reloader OCIRepository 2.2.16',
      'thanos OCIRepository 17.6.0',
      'traefik OCIRepository 41.3.0',
    ]);
  });

  it('depends only on add-ons that exist', () => {
    for (const a of ADDONS) for (const d of a.dependsOn ?? []) expect(ADDON_NAMES).toContain(d);
  });

  it('gives every add-on its own namespace and exports them for the tenancy rules', () => {
    expect(PLATFORM_NAMESPACES).toEqual([
      'aws-load-balancer-controller', 'cert-manager', 'cluster-autoscaler', 'crossplane-system', 'dex', 'external-dns', 'external-secrets',
      'grafana', 'logging', 'loki', 'metrics-server', 'monitoring', 'reloader', 'thanos', 'traefik',
    ]);
    expect(PLATFORM_NAMESPACES).toContain(INGRESS_NAMESPACE);
    expect(PLATFORM_NAMESPACES).toContain(MONITORING_NAMESPACE);
  });

  it('turns an add-on off only with enabled: false', () => {
    const on = enabledAddons({ thanos: { enabled: false }, traefik: { values: { a: 1 } } }).map((a) => a.name);
    expect(on).not.toContain('thanos');
    expect(on).toContain('traefik');
    expect(on).toHaveLength(ADDONS.length - 1);
  });

  it('lists the ServiceAccounts that need AWS, for the Pod Identity associations', () => {
    expect(addonIdentities({ 'kube-prometheus-stack': { enabled: false }, thanos: { enabled: false } }).map((i) => `${i.namespace}/${i.serviceAccount}`)).toEqual([
      'aws-load-balancer-controller/aws-load-balancer-controller',
      'cert-manager/cert-manager',
      'cluster-autoscaler/cluster-autoscaler',
      'crossplane-system/provider-aws',
      'external-dns/external-dns',
      'external-secrets/external-secrets',
      'logging/fluent-bit',
      'loki/loki',
    ]);
  });
});
