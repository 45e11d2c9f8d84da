import { describe, expect, it } from 'vitest';
import { AdmissionControl, type Obj, requestFor, resourceOf } from './_admission.js';

const ns = (name: string, labels: Record<string, string> = {}): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const cm = (name: string, namespace: string, data: Record<string, string> = {}, labels?: Record<string, string>): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels }, data });
const user = { username: 'alice', groups: ['devs'] };

/** A policy: ConfigMaps may not carry key `forbidden`, unless the params allow it; bound to namespaces labelled env=prod. */
function cluster(binding: Record<string, unknown> = {}, policy: Record<string, unknown> = {}): AdmissionControl {
  return new AdmissionControl([
    ns('prod', { env: 'prod' }),
    ns('dev', { env: 'dev' }),
    cm('settings', 'platform', { allow: 'false' }),
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: 'no-forbidden' },
      spec: {
        failurePolicy: 'Fail',
        paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
        matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['configmaps'], operations: ['CREATE', 'UPDATE'], scope: 'Namespaced' }] },
        matchConditions: [{ name: 'not-bob', expression: "request.userInfo.username != 'bob'" }],
        variables: [
          { name: 'broken', expression: 'object.missing.field' },
          { name: 'allowed', expression: "params.data.allow == 'true'" },
        ],
        validations: [{ expression: "variables.allowed || !('forbidden' in object.data)", messageExpression: "'ConfigMap ' + object.metadata.name + ' may not set forbidden'" }],
        ...policy,
      },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: 'no-forbidden' },
      spec: {
        policyName: 'no-forbidden',
        validationActions: ['Deny'],
        paramRef: { name: 'settings', namespace: 'platform', parameterNotFoundAction: 'Deny' },
        matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } },
        ...binding,
      },
    },
  ]);
}
const bad = (namespace = 'prod') => cm('x', namespace, { forbidden: '1' });

describe('AdmissionControl', () => {
  it('GIVEN a request the policy matches WHEN a validation is false THEN it is denied with the messageExpression', () => {
    expect(cluster().admit(requestFor(user, 'CREATE', bad()))).toEqual({ allowed: false, denials: ['no-forbidden: ConfigMap x may not set forbidden'] });
    expect(cluster().admit(requestFor(user, 'CREATE', cm('x', 'prod', { fine: '1' }))).allowed).toBe(true);
  });

  it("GIVEN the binding's namespace selector, the policy's operations or a false match condition WHEN they do not match THEN the policy does not apply", () => {
    expect(cluster().admit(requestFor(user, 'CREATE', bad('dev'))).allowed).toBe(true);
    expect(cluster().admit(requestFor(user, 'DELETE', null, bad())).allowed).toBe(true);
    expect(cluster().admit(requestFor({ username: 'bob' }, 'CREATE', bad())).allowed).toBe(true);
  });

  it('GIVEN params WHEN they allow it, are missing with Deny, or missing with Allow THEN the decision follows them', () => {
    const allowing = cluster().without((o) => o.metadata.name === 'settings').with(cm('settings', 'platform', { allow: 'true' }));
    expect(allowing.admit(requestFor(user, 'CREATE', bad())).allowed).toBe(true);
    const missing = cluster().without((o) => o.metadata.name === 'settings');
    expect(missing.admit(requestFor(user, 'CREATE', cm('x', 'prod'))).denials).toEqual(['no-forbidden: no params found for policy binding no-forbidden with Deny parameterNotFoundAction']);
    const lenient = cluster({ paramRef: { name: 'settings', namespace: 'platform', parameterNotFoundAction: 'Allow' } }).without((o) => o.metadata.name === 'settings');
    expect(lenient.admit(requestFor(user, 'CREATE', bad())).allowed).toBe(true);
  });

  it('GIVEN a Warn-only binding or an expression error under failurePolicy Ignore WHEN evaluated THEN nothing is denied; unused broken variables never fail', () => {
    expect(cluster({ validationActions: ['Warn'] }).admit(requestFor(user, 'CREATE', bad())).allowed).toBe(true);
    const erroring = { validations: [{ expression: 'variables.broken == 1' }] };
    expect(cluster({}, { ...erroring, failurePolicy: 'Ignore' }).admit(requestFor(user, 'CREATE', bad())).allowed).toBe(true);
    expect(cluster({}, erroring).admit(requestFor(user, 'CREATE', bad())).denials[0]).toMatch(/^no-forbidden: expression 'variables.broken == 1' resulted in error/);
  });

  it('GIVEN kinds WHEN turned into resources THEN they are the REST plurals', () => {
    expect(['Ingress', 'NetworkPolicy', 'PriorityClass', 'Deployment', 'Bucket'].map(resourceOf)).toEqual(['ingresses', 'networkpolicies', 'priorityclasses', 'deployments', 'buckets']);
  });
});
