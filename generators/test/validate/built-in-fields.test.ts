import { describe, expect, test } from 'vitest';
import { loadBuiltInFieldCheck } from '../../src/validate/built-in-fields.js';

const deployment = (podSpec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a', labels: { app: 'web' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec } },
  ...extra,
});

describe('loadBuiltInFieldCheck', () => {
  test('a valid object has no unknown field, through lists, maps and nested types', async () => {
    const check = await loadBuiltInFieldCheck();
    const pod = {
      serviceAccountName: 'web',
      containers: [{ name: 'app', image: 'web:1', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }], resources: { requests: { cpu: '10m' } } }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
    };
    expect(check(deployment(pod))).toEqual([]);
  });

  test('a misspelt field is reported at its path with the field it was probably meant to be', async () => {
    const check = await loadBuiltInFieldCheck();
    expect(check(deployment({ serviceAccountNam: 'web', containers: [{ name: 'app', image: 'web:1' }] }))).toEqual([
      'spec.template.spec.serviceAccountNam: unknown field "serviceAccountNam" (PodSpec declares no such field; did you mean "serviceAccountName"?)',
    ]);
  });

  test('unknown fields deep inside lists and at the top level are found too', async () => {
    const check = await loadBuiltInFieldCheck();
    const problems = check(deployment({ containers: [{ name: 'app', image: 'web:1', securityContext: { runAsNonRot: true } }] }, { spek: {} }));
    expect(problems).toEqual([
      'spec.template.spec.containers[0].securityContext.runAsNonRot: unknown field "runAsNonRot" (SecurityContext declares no such field; did you mean "runAsNonRoot"?)',
      'spek: unknown field "spek" (Deployment declares no such field; did you mean "spec"?)',
    ]);
  });

  test('kinds of named groups resolve to their own model (rbac Subject, core Event), and custom resources are left to the CRDs', async () => {
    const check = await loadBuiltInFieldCheck();
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'b', namespace: 'a' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'Group', name: 'g', apiGroup: 'rbac.authorization.k8s.io', namespacee: 'x' }],
    };
    expect(check(binding)).toEqual(['subjects[0].namespacee: unknown field "namespacee" (Subject declares no such field; did you mean "namespace"?)']);
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: {}, reasn: 'x' };
    expect(check(event)).toEqual(['reasn: unknown field "reasn" (Event declares no such field; did you mean "reason"?)']);
    expect(check({ apiVersion: 's3.aws.m.upbound.io/v1beta1', kind: 'Bucket', metadata: { name: 'b' }, anything: 1 })).toEqual([]);
  });
});
