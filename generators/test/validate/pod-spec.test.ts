import { describe, expect, it } from 'vitest';
import { podSpecOf } from '../../src/validate/pod-spec.js';

describe('podSpecOf', () => {
  it('GIVEN each workload kind WHEN read THEN its pod spec and path are found; other kinds have none', () => {
    const pod = { containers: [] };
    expect(podSpecOf({ kind: 'Deployment', spec: { template: { spec: pod } } })).toEqual({ spec: pod, at: 'spec.template.spec' });
    expect(podSpecOf({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: pod } } } } })).toEqual({ spec: pod, at: 'spec.jobTemplate.spec.template.spec' });
    expect(podSpecOf({ kind: 'Pod', spec: pod })).toEqual({ spec: pod, at: 'spec' });
    expect(podSpecOf({ kind: 'Job', spec: {} })).toBeUndefined();
    expect(podSpecOf({ kind: 'Service', spec: {} })).toBeUndefined();
  });
});
