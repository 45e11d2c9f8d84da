import { describe, expect, it } from 'vitest';
import { ingressLoadBalancers } from '../../../src/validate/links/ingress-load-balancers.js';
import { links, obj } from './_objects.js';

const run = (...args: Parameters<typeof links>) => ingressLoadBalancers.run(links(...args)).map((p) => `${p.path}: ${p.message}`);
const release = obj('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'flux-system', 'traefik', { spec: {} });
const balancer = (name: string, scheme: string, targets: string[]) =>
  obj('v1', 'Service', 'traefik', name, {
    metadata: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': scheme } },
    spec: { type: 'LoadBalancer', ports: targets.map((t) => ({ name: t, port: 443, targetPort: t })) },
  }, 'traefik');

describe('ingressLoadBalancers', () => {
  it('GIVEN a public NLB for websecure and an internal NLB for internal WHEN checked THEN it passes', () => {
    expect(run([release, balancer('traefik', 'internet-facing', ['web', 'websecure']), balancer('traefik-internal', 'internal', ['internal'])])).toEqual([]);
  });

  it('GIVEN no Service for the internal entry point (values the chart ignores) WHEN checked THEN the entry point is named', () => {
    expect(run([release, balancer('traefik', 'internet-facing', ['web', 'websecure'])])).toEqual([
      'spec.values.ports.internal: entry point "internal" has no LoadBalancer Service in traefik (the chart rendered none that targets it)',
    ]);
  });

  it('GIVEN the internal entry point on the public NLB WHEN checked THEN that Service is named', () => {
    expect(run([release, balancer('traefik', 'internet-facing', ['websecure', 'internal']), balancer('traefik-internal', 'internal', ['internal'])])).toEqual([
      'spec.values.ports.internal: entry point "internal" is served by Service traefik/traefik with service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing; allowed: internal',
    ]);
  });

  it('GIVEN a cluster without traefik, or whose traefik chart was not rendered WHEN checked THEN nothing is judged', () => {
    expect(run([balancer('x', 'internet-facing', ['websecure'])])).toEqual([]);
    expect(run([release], ['traefik'])).toEqual([]);
  });
});
