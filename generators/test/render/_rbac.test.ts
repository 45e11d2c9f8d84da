import { describe, expect, it } from 'vitest';
import type { Obj } from './_admission.js';
import { Rbac } from './_rbac.js';

const role = (kind: 'Role' | 'ClusterRole', name: string, rules: object[], namespace?: string): Obj => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name, namespace }, rules });
const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, roleRef: { kind: string; name: string }, subjects: object[], namespace?: string): Obj => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects,
});

const rbac = new Rbac([
  role('ClusterRole', 'deployer', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'create'] }, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] }]),
  role('ClusterRole', 'reader', [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }]),
  role('Role', 'logs', [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }], 'team'),
  binding('RoleBinding', 'devs', { kind: 'ClusterRole', name: 'deployer' }, [{ kind: 'Group', name: 'devs' }], 'team'),
  binding('RoleBinding', 'bot', { kind: 'Role', name: 'logs' }, [{ kind: 'ServiceAccount', name: 'bot' }], 'team'),
  binding('ClusterRoleBinding', 'auditors', { kind: 'ClusterRole', name: 'reader' }, [{ kind: 'User', name: 'audit' }]),
]);
const dev = { username: 'alice', groups: ['devs'] };

describe('Rbac', () => {
  it('GIVEN a RoleBinding to a ClusterRole WHEN asked THEN it grants the rules in its namespace only, and nothing cluster-scoped', () => {
    expect(rbac.can(dev, { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'team' })).toBe(true);
    expect(rbac.can(dev, { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'other' })).toBe(false);
    expect(rbac.can(dev, { verb: 'create', group: 'apps', resource: 'deployments' })).toBe(false);
    expect(rbac.can(dev, { verb: 'delete', group: 'apps', resource: 'deployments', namespace: 'team' })).toBe(false);
  });

  it('GIVEN ServiceAccount subjects without a namespace, subresources and a ClusterRoleBinding WHEN asked THEN they resolve as in Kubernetes', () => {
    expect(rbac.can({ username: 'system:serviceaccount:team:bot' }, { verb: 'get', group: '', resource: 'pods/log', namespace: 'team' })).toBe(true);
    expect(rbac.can({ username: 'system:serviceaccount:team:bot' }, { verb: 'get', group: '', resource: 'pods', namespace: 'team' })).toBe(false);
    expect(rbac.can({ username: 'audit' }, { verb: 'get', group: '', resource: 'nodes' })).toBe(true);
    expect(rbac.can({ username: 'audit' }, { verb: 'get', group: '', resource: 'pods/log', namespace: 'any' })).toBe(true);
  });

  it('GIVEN a RoleBinding to create WHEN the role grants more than the creator holds THEN escalation prevention refuses it', () => {
    expect(rbac.canBind(dev, 'team', { kind: 'ClusterRole', name: 'deployer' })).toBe(true);
    expect(rbac.canBind(dev, 'team', { kind: 'ClusterRole', name: 'reader' })).toBe(false);
    expect(rbac.canBind(dev, 'other', { kind: 'ClusterRole', name: 'deployer' })).toBe(false);
  });
});
