import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Addon } from '../../src/addons/_addon.js';
import { GRAFANA } from '../../src/addons/grafana.js';
import { stagingEnv } from './_env.js';

type Obj = { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, any> };
const render = (off: string[] = []) => {
  const chart = Testing.chart();
  new Addon(chart, 'grafana', { definition: GRAFANA, env: stagingEnv(off) });
  return (Testing.synth(chart) as Obj[]).filter((o) => o.metadata.name === 'grafana-metrics-proxy');
};

describe('GrafanaMetricsProxy', () => {
  it('GIVEN the Grafana add-on with Thanos WHEN rendered THEN one proxy in grafana enforces the namespaces of X-Namespace (a comma-separated list) on every metrics API call to Thanos Query', () => {
    const deployment = render().find((o) => o.kind === 'Deployment')!;
    expect(deployment.metadata.namespace).toBe('grafana');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.args).toEqual([
      '-insecure-listen-address=0.0.0.0:8080',
      '-upstream=http://thanos-query.thanos.svc:9090',
      '-label=namespace',
      '-header-name=X-Namespace',
      '-header-uses-list-syntax',
      '-enable-label-apis',
    ]);
    // no flag that would let a request through unenforced
    expect(container.args.join(' ')).not.toMatch(/passthrough|regex-match/);
    expect(render().find((o) => o.kind === 'Service')!.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });

  it('GIVEN the proxy pod WHEN rendered THEN it meets Pod Security restricted and carries no API token', () => {
    const pod = render().find((o) => o.kind === 'Deployment')!.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  it('GIVEN no Thanos WHEN rendered THEN it guards Prometheus; with no metrics at all there is no proxy', () => {
    expect(render(['thanos']).find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0].args).toContain('-upstream=http://kube-prometheus-stack-prometheus.monitoring.svc:9090');
    expect(render(['thanos', 'kube-prometheus-stack'])).toEqual([]);
  });

  it("GIVEN a pod in a tenant namespace, or any pod but Grafana's WHEN it calls the proxy with an X-Namespace of its choosing THEN the proxy's policy refuses it", () => {
    const policy = render().find((o) => o.kind === 'NetworkPolicy')!;
    expect(policy.metadata.namespace).toBe('grafana');
    expect(policy.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'grafana-metrics-proxy' } });
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    // one rule: pods of the policy's own namespace (no namespaceSelector) with Grafana's labels, on the proxy's port
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    const admits = (namespace: string, labels: Record<string, string>) =>
      policy.spec.ingress.some((rule: any) => rule.from.some((peer: any) => !peer.namespaceSelector && namespace === 'grafana' && Object.entries(peer.podSelector.matchLabels).every(([k, v]) => labels[k] === v)));
    expect(admits('grafana', { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' })).toBe(true);
    expect(admits('payments', { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' })).toBe(false);
    expect(admits('grafana', { 'app.kubernetes.io/name': 'grafana-org-sync' })).toBe(false);
  });
});
