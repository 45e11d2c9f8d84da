import { Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppCronJob } from '../../src/workloads/app-cron-job.js';
import { OutputChart } from '../../src/_output-chart.js';

const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const base = { name: 'sweep', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'sweep' }, image: 'r/sweep:1.0.0', resources, serviceAccountName: 'sweep', schedule: '15 3 * * *' };

function cronJob(props: Partial<ConstructorParameters<typeof AppCronJob>[2]> = {}) {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'f', sources: [] });
  new AppCronJob(chart, 'j', { ...base, ...props });
  return chart.render()[0]!.manifest as { metadata: Record<string, unknown>; spec: Record<string, any> };
}

describe('AppCronJob', () => {
  it('GIVEN a schedule WHEN rendered THEN runs start in UTC, never overlap, and are bounded in time and retries', () => {
    const { spec } = cronJob({ command: ['sweep'] });
    const { jobTemplate, ...rest } = spec;
    expect(Yaml.stringify(rest)).toMatchInlineSnapshot(`
      "concurrencyPolicy: Forbid
      failedJobsHistoryLimit: 1
      schedule: 15 3 * * *
      startingDeadlineSeconds: 300
      successfulJobsHistoryLimit: 3
      suspend: false
      timeZone: Etc/UTC
      "
    `);
    expect(jobTemplate.spec.backoffLimit).toBe(2);
    expect(jobTemplate.spec.activeDeadlineSeconds).toBe(3600);
    expect(jobTemplate.spec.template.spec.containers[0].command).toEqual(['sweep']);
    expect(jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('GIVEN any CronJob WHEN rendered THEN its pod is restricted like a Deployment\'s, without cdk8s labels', () => {
    const pod = cronJob().spec.jobTemplate.spec.template;
    expect(pod.metadata.labels).toEqual(base.labels);
    expect(pod.spec.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true });
    expect(pod.spec.topologySpreadConstraints).toBeUndefined();
  });

  it('GIVEN a connection Secret WHEN rendered THEN no reloader annotation restarts runs: each run reads it afresh', () => {
    const { metadata } = cronJob({ connectionEnv: { REDIS_HOST: { kind: 'redis', resource: 's', secretName: 's-redis', key: 'primary_endpoint_address' } } });
    expect(metadata.annotations).toBeUndefined();
  });

  it('GIVEN job settings WHEN rendered THEN they replace the defaults', () => {
    const { spec } = cronJob({ job: { concurrencyPolicy: 'Replace', backoffLimit: 0, activeDeadlineSeconds: 60, startingDeadlineSeconds: 30 } });
    expect([spec.concurrencyPolicy, spec.startingDeadlineSeconds, spec.jobTemplate.spec.backoffLimit, spec.jobTemplate.spec.activeDeadlineSeconds]).toEqual(['Replace', 30, 0, 60]);
  });

  it('GIVEN a schedule without five fields WHEN constructed THEN it fails naming the value', () => {
    expect(() => cronJob({ schedule: '@daily' })).toThrow("'schedule' (@daily) must have five fields: minute hour day-of-month month day-of-week");
  });
});
