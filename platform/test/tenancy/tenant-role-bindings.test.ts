import { describe, expect, it } from 'vitest';
import { TenantRoleBindings, teamGroup } from '../../src/tenancy/tenant-role-bindings.js';
import { renderObjects } from '../infra/_render.js';

describe('TenantRoleBindings', () => {
  it('GIVEN GitHub team acme/payments WHEN named as a Kubernetes group THEN it is what Dex emits (<org>:<team-slug>) behind the cluster prefix', () => {
    expect(teamGroup('github:', 'acme/payments')).toBe('github:acme:payments');
    expect(teamGroup('', 'acme/site-reliability')).toBe('acme:site-reliability');
  });

  it('GIVEN an owner team WHEN rendered THEN its RoleBinding names that group', () => {
    const [binding] = renderObjects((c) => new TenantRoleBindings(c, 'owners', { namespace: 'payments', owners: [{ team: 'acme/payments', role: 'admin' }], groupPrefix: 'github:' }));
    expect(binding!.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'github:acme:payments' }]);
  });
});
