import { describe, expect, it } from 'vitest';
import { serviceReferencesExist } from '../../../src/validate/links/service-references.js';
import { links, obj } from './_objects.js';

const run = (...args: Parameters<typeof links>) => serviceReferencesExist.run(links(...args)).map((p) => `${p.path}: ${p.message}`);
const ingress = (className: string | undefined, service: string, port: Record<string, unknown>) =>
  obj('networking.k8s.io/v1', 'Ingress', 'payments', 'api', {
    spec: { ...(className ? { ingressClassName: className } : {}), rules: [{ host: 'pay.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port } } }] } }] },
  });
const traefikClass = obj('networking.k8s.io/v1', 'IngressClass', '', 'traefik', { metadata: { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } }, 'traefik');
const apiService = obj('v1', 'Service', 'payments', 'api', { spec: { ports: [{ name: 'http', port: 80 }] } });

describe('serviceReferencesExist', () => {
  it('GIVEN an Ingress of an existing class to an existing Service port WHEN checked THEN it passes', () => {
    expect(run([ingress('traefik', 'api', { name: 'http' }), traefikClass, apiService])).toEqual([]);
    expect(run([ingress(undefined, 'api', { number: 80 }), traefikClass, apiService])).toEqual([]);
  });

  it('GIVEN an Ingress of a class no chart creates WHEN checked THEN the class is named with the ones that exist', () => {
    expect(run([ingress('alb', 'api', { name: 'http' }), traefikClass, apiService])).toEqual([
      'spec.ingressClassName: names IngressClass "alb", which does not exist in cluster staging; allowed: traefik',
    ]);
  });

  it('GIVEN an Ingress to a missing Service or port WHEN checked THEN each is named', () => {
    expect(run([ingress('traefik', 'web', { name: 'http' }), traefikClass])).toEqual([
      'spec.rules[0].http.paths[0].backend.service.name: points at Service payments/web, which neither out/ nor any chart creates in cluster staging',
    ]);
    expect(run([ingress('traefik', 'api', { name: 'grpc' }), traefikClass, apiService])).toEqual([
      'spec.rules[0].http.paths[0].backend.service.name: points at port grpc of Service payments/api, which has ports http, 80',
    ]);
  });

  it('GIVEN a Service address in HelmRelease values WHEN no such Service exists THEN the value is named', () => {
    const release = obj('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'flux-system', 'thanos', {
      spec: { values: { query: { stores: ['dnssrv+_grpc._tcp.kube-prometheus-stack-thanos-discovery.monitoring.svc.cluster.local'] } } },
    });
    expect(run([release])).toEqual([
      'spec.values.query.stores[0]: points at Service monitoring/kube-prometheus-stack-thanos-discovery, which neither out/ nor any chart creates in cluster staging',
    ]);
    const discovery = obj('v1', 'Service', 'monitoring', 'kube-prometheus-stack-thanos-discovery', {}, 'kube-prometheus-stack');
    expect(run([release, discovery])).toEqual([]);
  });

  it('GIVEN a webhook whose Service is missing WHEN checked THEN it is named', () => {
    const webhook = obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', '', 'w', {
      webhooks: [{ name: 'w.example.com', clientConfig: { service: { namespace: 'cert-manager', name: 'cert-manager-webhook' } } }],
    }, 'cert-manager');
    expect(run([webhook])).toEqual([
      'webhooks[0].clientConfig.service.name: points at Service cert-manager/cert-manager-webhook, which neither out/ nor any chart creates in cluster staging',
    ]);
  });
});
