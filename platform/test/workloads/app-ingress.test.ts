import { Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppIngress, type AppIngressProps } from '../../src/workloads/app-ingress.js';
import { OutputChart } from '../../src/_output-chart.js';

const base = {
  name: 'api',
  namespace: 'payments',
  labels: { 'app.kubernetes.io/name': 'api' },
  host: 'api.internal.example.com',
  serviceName: 'api',
  servicePort: 'http',
};

function render(props: Partial<AppIngressProps>): Record<string, unknown> {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'apps/payments/api', sources: [] });
  new AppIngress(chart, 'ingress', { ...base, ...props });
  return chart.render()[0]!.manifest;
}

const annotationsOf = (m: Record<string, unknown>) => (m.metadata as { annotations: Record<string, string> }).annotations;

describe('AppIngress', () => {
  it('GIVEN a private ingress WHEN rendered THEN it is routed only on the internal entry point and its DNS record targets the internal NLB', () => {
    // WHEN
    const ingress = render({ public: false, internalTarget: 'ingress-internal.staging.example.com' });
    // THEN
    expect(Yaml.stringify(ingress.metadata)).toMatchInlineSnapshot(`
      "annotations:
        cert-manager.io/cluster-issuer: letsencrypt-production
        external-dns.alpha.kubernetes.io/target: ingress-internal.staging.example.com
        traefik.ingress.kubernetes.io/router.entrypoints: internal
        traefik.ingress.kubernetes.io/router.tls: "true"
      labels:
        app.kubernetes.io/name: api
      name: api
      namespace: payments
      "
    `);
    expect(JSON.stringify(ingress)).not.toContain('router.middlewares');
  });

  it('GIVEN a public ingress WHEN rendered THEN it is routed only on websecure and external-dns uses the Ingress status (the public NLB)', () => {
    const annotations = annotationsOf(render({ public: true }));
    expect(annotations['traefik.ingress.kubernetes.io/router.entrypoints']).toBe('websecure');
    expect(annotations['external-dns.alpha.kubernetes.io/target']).toBeUndefined();
    expect(annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBeUndefined();
  });

  it('GIVEN a private ingress without an internal target WHEN rendered THEN it fails naming the ingress', () => {
    expect(() => render({ public: false })).toThrow("private Ingress api needs 'internalTarget'");
  });

  it('GIVEN any ingress WHEN rendered THEN TLS uses the <name>-tls Secret for its host', () => {
    const spec = render({ public: true }).spec as { ingressClassName: string; tls: unknown };
    expect(spec.ingressClassName).toBe('traefik');
    expect(spec.tls).toEqual([{ hosts: ['api.internal.example.com'], secretName: 'api-tls' }]);
  });
});
