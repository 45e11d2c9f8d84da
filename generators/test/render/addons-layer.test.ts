import { describe, expect, it } from 'vitest';
import { foldersUnder, objectsIn, renderSmall } from './_render-fixture.js';

describe('addons layer', () => {
  const prod = renderSmall('prod');

  it('renders one folder per add-on', () => {
    expect(foldersUnder(prod, 'addons/')).toEqual([
      'aws-load-balancer-controller', 'cert-manager', 'cluster-autoscaler', 'crossplane', 'dex', 'external-dns', 'external-secrets',
      'fluent-bit', 'grafana', 'kube-prometheus-stack', 'loki', 'metrics-server', 'reloader', 'thanos', 'traefik',
    ]);
  });

  it('gives every HelmRelease a pinned version and a source that exists in the same folder', () => {
    for (const addon of foldersUnder(prod, 'addons/')) {
      const objs = objectsIn(prod, `addons/${addon}`);
      const hr = objs.find((o) => o.kind === 'HelmRelease')!;
      const ref = hr.spec.chartRef ?? hr.spec.chart.spec.sourceRef;
      const source = objs.find((o) => o.kind === ref.kind && o.metadata.name === ref.name);
      expect(source, `${addon}: ${ref.kind}/${ref.name}`).toBeDefined();
      const version: string = source!.kind === 'OCIRepository' ? source!.spec.ref.tag : hr.spec.chart.spec.version;
      expect(version, addon).toMatch(/^v?[0-9]+\.[0-9]+\.[0-9]+$/);
      // besides its release, an add-on's folder holds only what its values mount or its namespace needs
      const beside: Record<string, string[]> = { 'fluent-bit': ['ConfigMap/fluent-bit-loki-tenants'], grafana: ['ConfigMap/grafana-org-mapping', 'Deployment/grafana-metrics-proxy', 'NetworkPolicy/grafana-metrics-proxy', 'Service/grafana-metrics-proxy'], loki: ['ConfigMap/loki-read', 'Deployment/loki-read', 'NetworkPolicy/loki-ingress', 'Service/loki-read'] };
      const extra = objs.filter((o) => !['HelmRelease', 'Namespace', source!.kind].includes(o.kind)).map((o) => `${o.kind}/${o.metadata.name}`).sort();
      expect(extra, addon).toEqual(beside[addon] ?? []);
      expect(objs.filter((o) => o.kind === 'HelmRelease' || o.kind === 'Namespace')).toHaveLength(2);
    }
  });

  it('removes the folder of an add-on that is switched off, and its dependents stop waiting for it', () => {
    const files = renderSmall('prod', 'addons:\n  thanos:\n    enabled: false\n  kube-prometheus-stack:\n    enabled: false\n');
    expect(foldersUnder(files, 'addons/')).not.toContain('thanos');
    expect(foldersUnder(files, 'addons/')).not.toContain('kube-prometheus-stack');
    expect(files.get('addons/kustomization.yaml')).not.toContain('thanos');
    const certManager = objectsIn(files, 'addons/cert-manager').find((o) => o.kind === 'HelmRelease')!;
    expect(certManager.spec.dependsOn).toBeUndefined();
    expect(certManager.spec.values.prometheus.servicemonitor.enabled).toBe(false);
  });

  it('merges the cluster file values over the platform values', () => {
    const files = renderSmall('prod', 'addons:\n  traefik:\n    values:\n      deployment:\n        replicas: 5\n      logs:\n        access:\n          enabled: true\n');
    const hr = objectsIn(files, 'addons/traefik').find((o) => o.kind === 'HelmRelease')!;
    expect(hr.spec.values.deployment).toEqual({ replicas: 5 });
    expect(hr.spec.values.logs).toEqual({ access: { enabled: true } });
    expect(hr.spec.values.ingressClass).toEqual({ enabled: true, isDefaultClass: true, name: 'traefik' });
  });
});
