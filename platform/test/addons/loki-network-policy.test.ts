import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { LOKI } from '../../src/addons/loki.js';
import { Addon } from '../../src/addons/_addon.js';
import { stagingEnv } from './_env.js';

type Peer = { namespaceSelector?: { matchLabels: Record<string, string> }; podSelector?: Record<string, unknown> };
type Rule = { from: Peer[]; ports?: { port: number; protocol: string }[] };

/** The NetworkPolicy the Loki add-on renders in its folder. */
function policy() {
  const chart = Testing.chart();
  new Addon(chart, 'loki', { definition: LOKI, env: stagingEnv() });
  const objects = Testing.synth(chart) as { kind: string; metadata: { namespace?: string }; spec: { podSelector: object; policyTypes: string[]; ingress: Rule[] } }[];
  const found = objects.filter((o) => o.kind === 'NetworkPolicy');
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Whether the policy lets a pod of `namespace` reach a Loki pod on `port` (Kubernetes' rules: any rule may admit). */
function admits(p: ReturnType<typeof policy>, namespace: string, port: number): boolean {
  return p.spec.ingress.some((rule) => {
    const fromOk = rule.from.some((peer) =>
      peer.namespaceSelector ? peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'] === namespace : namespace === 'loki' /* a bare podSelector: Loki's own namespace */,
    );
    const portOk = !rule.ports || rule.ports.some((x) => x.port === port);
    return fromOk && portOk;
  });
}

describe('LokiNetworkPolicy', () => {
  const p = policy();

  it('GIVEN the Loki add-on WHEN rendered THEN a policy selects every Loki pod for ingress', () => {
    expect(p.metadata.namespace).toBe('loki');
    expect(p.spec.podSelector).toEqual({});
    expect(p.spec.policyTypes).toEqual(['Ingress']);
  });

  it("GIVEN a pod in a tenant namespace WHEN it calls Loki's port (to push or query with its own X-Scope-OrgID) THEN it is refused, on every port", () => {
    for (const ns of ['payments', 'checkout-web', 'a-b', 'default', 'flux-system']) for (const port of [3100, 8080, 9095, 7946]) expect(admits(p, ns, port), `${ns}:${port}`).toBe(false);
  });

  it("GIVEN fluent-bit and Prometheus WHEN they call Loki THEN they reach its HTTP port only; Loki's pods (replicas, the read gateway) reach each other", () => {
    for (const ns of ['logging', 'monitoring']) {
      expect(admits(p, ns, 3100), ns).toBe(true);
      expect(admits(p, ns, 9095), ns).toBe(false);
      expect(admits(p, ns, 8080), ns).toBe(false);
    }
    expect(admits(p, 'loki', 9095)).toBe(true);
    expect(admits(p, 'loki', 3100)).toBe(true);
  });

  it("GIVEN Grafana (whose data source proxy forwards any path a user asks for) WHEN it calls Loki THEN it reaches the read gateway's port only, never Loki's own", () => {
    expect(admits(p, 'grafana', 8080)).toBe(true);
    expect(admits(p, 'grafana', 3100)).toBe(false);
    expect(admits(p, 'grafana', 9095)).toBe(false);
  });
});
