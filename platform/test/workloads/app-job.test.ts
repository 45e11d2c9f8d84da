import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppJob, FLUX_FORCE_ANNOTATION } from '../../src/workloads/app-job.js';
import { OutputChart } from '../../src/_output-chart.js';

const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const base = { name: 'setup', namespace: 'data', labels: { 'app.kubernetes.io/name': 'setup' }, image: 'r/setup:1.0.0', resources, serviceAccountName: 'setup' };

function job(props: Partial<ConstructorParameters<typeof AppJob>[2]> = {}) {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'f', sources: [] });
  new AppJob(chart, 'j', { ...base, ...props });
  return chart.render()[0]!.manifest as { metadata: { annotations?: Record<string, string> }; spec: Record<string, any> };
}

describe('AppJob', () => {
  it('GIVEN a Job WHEN rendered THEN Flux replaces it on change (its pod template is immutable) and it has no TTL', () => {
    const { metadata, spec } = job({ imageMarker: '{"$imagepolicy": "flux-system:d-setup"}' });
    expect(metadata.annotations?.[FLUX_FORCE_ANNOTATION]).toBe('enabled');
    expect(spec.ttlSecondsAfterFinished).toBeUndefined();
    expect([spec.backoffLimit, spec.activeDeadlineSeconds]).toEqual([2, 3600]);
  });

  it('GIVEN any Job WHEN rendered THEN its pod is restricted and keeps only the app labels', () => {
    const pod = job({ args: ['setup-indices'] }).spec.template;
    expect(pod.metadata.labels).toEqual(base.labels);
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.spec.containers[0].args).toEqual(['setup-indices']);
    expect(pod.spec.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'] });
  });

  it('GIVEN retries and a deadline WHEN rendered THEN they replace the defaults', () => {
    const { spec } = job({ job: { backoffLimit: 5, activeDeadlineSeconds: 120 } });
    expect([spec.backoffLimit, spec.activeDeadlineSeconds]).toEqual([5, 120]);
  });
});
