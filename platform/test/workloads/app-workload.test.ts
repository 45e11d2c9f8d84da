import { App, Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppWorkload } from '../../src/workloads/app-workload.js';
import { type AppSettings, appSettings } from '../../src/workloads/app-settings.js';
import { OutputChart } from '../../src/_output-chart.js';
import { LOADED_DEFAULTS } from './_app.js';

const defaults = { requests: { cpu: '10m', memory: '100Mi' }, limits: { cpu: '1', memory: '1Gi' } };

function render(app: AppSettings) {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'apps/payments/api', sources: [] });
  new AppWorkload(chart, app.name, { app, internalIngressTarget: 'ingress-internal.example.com' });
  return chart.render().map((o) => o.manifest);
}

const byKind = (objs: Record<string, unknown>[], kind: string) => objs.filter((o) => o.kind === kind);

describe('AppWorkload', () => {
  it('GIVEN a worker with one env var WHEN rendered THEN it is exactly a ServiceAccount, a restricted Deployment and its alerts', () => {
    // GIVEN
    const app = appSettings(
      { name: 'worker', image: { repository: 'ghcr.io/acme/worker', tag: '1.0.0' }, replicas: 1, env: { QUEUE: 'jobs' }, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS },
      { tenant: 'payments', cluster: 'staging', environment: 'staging', defaults },
    );
    // WHEN
    const objs = render(app);
    // THEN
    expect(objs.map((o) => o.kind)).toEqual(['ServiceAccount', 'Deployment', 'PrometheusRule']);
    expect(Yaml.stringify(objs[1])).toMatchInlineSnapshot(`
      "apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app.kubernetes.io/instance: payments-worker
          app.kubernetes.io/name: worker
          app.kubernetes.io/part-of: payments
          platform.example.com/tenant: payments
        name: worker
        namespace: payments
      spec:
        minReadySeconds: 0
        progressDeadlineSeconds: 600
        replicas: 1
        selector:
          matchLabels:
            app.kubernetes.io/instance: payments-worker
            app.kubernetes.io/name: worker
        strategy:
          rollingUpdate:
            maxSurge: 25%
            maxUnavailable: 25%
          type: RollingUpdate
        template:
          metadata:
            labels:
              app.kubernetes.io/instance: payments-worker
              app.kubernetes.io/name: worker
              app.kubernetes.io/part-of: payments
              platform.example.com/tenant: payments
          spec:
            automountServiceAccountToken: false
            containers:
              - env:
                  - name: QUEUE
                    value: jobs
                image: ghcr.io/acme/worker:1.0.0
                imagePullPolicy: IfNotPresent
                name: app
                resources:
                  limits:
                    cpu: 1000m
                    memory: 1024Mi
                  requests:
                    cpu: 10m
                    memory: 100Mi
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                      - ALL
                  privileged: false
                  readOnlyRootFilesystem: true
                  runAsNonRoot: true
                volumeMounts:
                  - mountPath: /tmp
                    name: tmp
            dnsPolicy: ClusterFirst
            hostNetwork: false
            restartPolicy: Always
            securityContext:
              fsGroupChangePolicy: Always
              runAsNonRoot: true
              seccompProfile:
                type: RuntimeDefault
            serviceAccountName: worker
            setHostnameAsFQDN: false
            terminationGracePeriodSeconds: 30
            topologySpreadConstraints:
              - labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: worker
                    app.kubernetes.io/instance: payments-worker
                matchLabelKeys:
                  - pod-template-hash
                maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: ScheduleAnyway
              - labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: worker
                    app.kubernetes.io/instance: payments-worker
                matchLabelKeys:
                  - pod-template-hash
                maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
            volumes:
              - emptyDir:
                  sizeLimit: 64Mi
                name: tmp
      "
    `);
  });

  it('GIVEN an API with ingress, autoscaling, metrics and a secret WHEN rendered THEN every companion object is emitted', () => {
    // GIVEN
    const app = appSettings(
      {
        name: 'api',
        image: { repository: 'ghcr.io/acme/api', tag: '2.1.0' },
        port: 8080,
        autoscaling: { min: 2, max: 5, targetCPUUtilization: 70 },
        secrets: { DB_URL: { key: 'api/db', property: 'url' } },
        ingress: { host: 'api.example.com', path: '/', public: true },
        metrics: { port: 9090, path: '/metrics', interval: '30s' },
        serviceAccount: { awsAccess: true },
        environments: {},
        ...LOADED_DEFAULTS,
      },
      { tenant: 'payments', cluster: 'production', environment: 'production', defaults },
    );
    // WHEN
    const objs = render(app);
    // THEN
    expect(objs.map((o) => o.kind).sort()).toEqual([
      'Deployment', 'ExternalSecret', 'HorizontalPodAutoscaler', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'PrometheusRule', 'Service', 'ServiceAccount', 'ServiceMonitor',
    ]);
    const deployment = byKind(objs, 'Deployment')[0] as { spec: { replicas?: number; template: { spec: Record<string, unknown> } }; metadata: { annotations: Record<string, string> } };
    expect(deployment.spec.replicas).toBeUndefined();
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(true);
    expect(deployment.metadata.annotations['secret.reloader.stakater.com/reload']).toBe('api-secrets');
    const secret = byKind(objs, 'ExternalSecret')[0] as { spec: { data: unknown[]; secretStoreRef: unknown } };
    expect(secret.spec.secretStoreRef).toEqual({ kind: 'SecretStore', name: 'payments-secrets' });
    expect(secret.spec.data).toEqual([{ secretKey: 'DB_URL', remoteRef: { key: 'api/db', property: 'url' } }]);
    const ingress = byKind(objs, 'Ingress')[0] as { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> };
    expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('letsencrypt-production');
    expect(ingress.metadata.annotations['traefik.ingress.kubernetes.io/router.entrypoints']).toBe('websecure');
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ingress.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-tls' }]);
    const policy = byKind(objs, 'NetworkPolicy')[0] as { spec: { ingress: unknown[] } };
    expect(policy.spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9090 }] },
    ]);
    expect((byKind(objs, 'ServiceMonitor')[0] as { spec: { endpoints: { port: string }[] } }).spec.endpoints[0]!.port).toBe('metrics');
  });

  it('GIVEN a single replica WHEN rendered THEN no PodDisruptionBudget blocks node drains', () => {
    const app = appSettings(
      { name: 'one', image: { repository: 'r/one', tag: '1.0.0' }, port: 8080, replicas: 1, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS },
      { tenant: 't', cluster: 'c', environment: 'staging', defaults },
    );
    expect(render(app).map((o) => o.kind)).toEqual(['ServiceAccount', 'Deployment', 'PrometheusRule', 'Service']);
  });

  it('GIVEN a CronJob and a Job WHEN rendered THEN each is its workload, a ServiceAccount and its alerts, and nothing that serves or scales', () => {
    const job = (kind: 'CronJob' | 'Job', schedule?: string) =>
      appSettings(
        { name: 'sweep', image: { repository: 'r/sweep', tag: '1.0.0' }, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS, kind, schedule, command: ['sweep'], args: ['--all'] },
        { tenant: 't', cluster: 'c', environment: 'production', defaults },
      );
    expect(render(job('CronJob', '0 3 * * *')).map((o) => o.kind)).toEqual(['ServiceAccount', 'CronJob', 'PrometheusRule']);
    const objs = render(job('Job'));
    expect(objs.map((o) => o.kind)).toEqual(['ServiceAccount', 'Job', 'PrometheusRule']);
    const rule = byKind(objs, 'PrometheusRule')[0] as { spec: { groups: { rules: { alert: string }[] }[] } };
    expect(rule.spec.groups[0]!.rules.map((r) => r.alert)).toEqual(['AppJobFailed']);
  });

  it('GIVEN every default alert switched off and no rule of its own WHEN rendered THEN there is no PrometheusRule', () => {
    const app = appSettings(
      { name: 'quiet', image: { repository: 'r/quiet', tag: '1.0.0' }, replicas: 1, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS, alerts: { defaults: { crashLooping: false, jobFailed: false, errorRate: false }, rules: [] } },
      { tenant: 't', cluster: 'c', environment: 'staging', defaults },
    );
    expect(render(app).map((o) => o.kind)).toEqual(['ServiceAccount', 'Deployment']);
  });

  it('GIVEN the example chart WHEN it synthesizes alone THEN no object name carries a cdk8s hash', () => {
    const app = appSettings(
      { name: 'plain', image: { repository: 'r/plain', tag: '1.0.0' }, port: 8080, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS },
      { tenant: 't', cluster: 'c', environment: 'staging', defaults },
    );
    const chart = new OutputChart(new App(), 'c', { folder: 'x', sources: [] });
    new AppWorkload(chart, 'plain', { app });
    expect(chart.render().map((o) => (o.manifest.metadata as { name: string }).name)).toEqual(['plain', 'plain', 'plain', 'plain', 'plain']);
  });
});
