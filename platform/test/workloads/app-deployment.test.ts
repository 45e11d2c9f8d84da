import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppDeployment } from '../../src/workloads/app-deployment.js';
import { OutputChart } from '../../src/_output-chart.js';

const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const base = { name: 'api', namespace: 'payments', labels: { 'app.kubernetes.io/name': 'api', team: 'x' }, selector: { 'app.kubernetes.io/name': 'api' }, image: 'r/api:1.0.0', resources, serviceAccountName: 'api' };

function deployment(props: Partial<ConstructorParameters<typeof AppDeployment>[2]> = {}) {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'f', sources: [] });
  new AppDeployment(chart, 'd', { ...base, ...props });
  const [obj] = chart.render();
  return obj!.manifest as { metadata: Record<string, unknown>; spec: { replicas?: number; selector: unknown; template: { metadata: { labels: Record<string, string> }; spec: Record<string, any> } } };
}

describe('AppDeployment', () => {
  it('GIVEN any app WHEN rendered THEN pod and container meet Pod Security restricted', () => {
    const { spec } = deployment({ port: 8080 });
    const pod = spec.template.spec;
    expect(pod.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    });
    expect(pod.hostNetwork).toBe(false);
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('GIVEN stable selector labels WHEN rendered THEN no cdk8s address label or hash appears', () => {
    const { spec } = deployment();
    expect(spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'api' } });
    expect(spec.template.metadata.labels).toEqual(base.labels);
  });

  it('GIVEN no fixed replica count WHEN rendered THEN spec.replicas is left to the autoscaler', () => {
    expect(deployment().spec.replicas).toBeUndefined();
    expect(deployment({ replicas: 3 }).spec.replicas).toBe(3);
  });

  it('GIVEN an image marker WHEN rendered THEN it rides as a line-comments annotation keyed by the image', () => {
    const { metadata } = deployment({ imageMarker: '{"$imagepolicy": "flux-system:p-api"}' });
    expect(metadata.annotations).toEqual({ 'platform.example.com/line-comments': '{"r/api:1.0.0":"{\\"$imagepolicy\\": \\"flux-system:p-api\\"}"}' });
    expect(deployment().metadata.annotations).toBeUndefined();
  });

  it('GIVEN a malformed CPU quantity WHEN constructed THEN it fails naming the value', () => {
    expect(() => deployment({ resources: { ...resources, limits: { cpu: 'lots', memory: '1Gi' } } })).toThrow("'cpu' (lots) must be a number of cores or millicores such as 1, 1.5 or 250m");
  });

  it('GIVEN any app WHEN rendered THEN its pods spread softly over zones, then nodes, counting only the current rollout', () => {
    const spread = deployment().spec.template.spec.topologySpreadConstraints as Record<string, unknown>[];
    expect(spread.map((c) => [c.topologyKey, c.maxSkew, c.whenUnsatisfiable])).toEqual([
      ['topology.kubernetes.io/zone', 1, 'ScheduleAnyway'],
      ['kubernetes.io/hostname', 1, 'ScheduleAnyway'],
    ]);
    expect(spread[0]).toMatchObject({ labelSelector: { matchLabels: base.selector }, matchLabelKeys: ['pod-template-hash'] });
  });

  it('GIVEN command, args and env from a connection Secret WHEN rendered THEN connection values come first so plain env can use them', () => {
    const { metadata, spec } = deployment({
      command: ['serve'],
      args: ['--port=8080'],
      env: { DATABASE_URL: 'postgres://$(DB_USER)@$(DB_HOST)/ledger' },
      connectionEnv: {
        DB_HOST: { kind: 'database', resource: 'ledger', secretName: 'ledger-postgres', key: 'address' },
        DB_USER: { kind: 'database', resource: 'ledger', secretName: 'ledger-postgres', key: 'username' },
      },
    });
    const container = spec.template.spec.containers[0];
    expect(container.command).toEqual(['serve']);
    expect(container.args).toEqual(['--port=8080']);
    expect(container.env).toEqual([
      { name: 'DB_HOST', valueFrom: { secretKeyRef: { name: 'ledger-postgres', key: 'address' } } },
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'ledger-postgres', key: 'username' } } },
      { name: 'DATABASE_URL', value: 'postgres://$(DB_USER)@$(DB_HOST)/ledger' },
    ]);
    // Crossplane rewrites a connection Secret when the password rotates: the pods restart with it.
    expect(metadata.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'ledger-postgres' });
  });

  it('GIVEN connection files WHEN rendered THEN the Secret is mounted read-only at the path', () => {
    const { spec } = deployment({ connectionFiles: [{ kind: 'opensearch', resource: 'logs', secretName: 'logs-opensearch', path: '/etc/search' }] });
    expect(spec.template.spec.volumes).toContainEqual({ name: 'logs-opensearch', secret: { secretName: 'logs-opensearch' } });
    expect(spec.template.spec.containers[0].volumeMounts).toContainEqual({ mountPath: '/etc/search', name: 'logs-opensearch', readOnly: true });
  });
});
