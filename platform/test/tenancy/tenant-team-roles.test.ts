import { describe, expect, it } from 'vitest';
import { TenantRoleBindings } from '../../src/tenancy/tenant-role-bindings.js';
import { TenantTeamRoles, ownerClusterRole, teamRoleClusterRole } from '../../src/tenancy/tenant-team-roles.js';
import { renderObjects } from '../infra/_render.js';

const debug = {
  description: 'Execs into pods.',
  rules: [{ apiGroups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['create', 'get'] }, { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['api-0'] }],
};

describe('TenantTeamRoles', () => {
  it('GIVEN a catalog WHEN rendered THEN each role is one ClusterRole tenant-role-<name>, sorted, with its description and rules as written, no aggregation', () => {
    const objects = renderObjects((c) => new TenantTeamRoles(c, 'roles', { roles: { logs: { description: 'Logs.', rules: [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }] }, debug } }));
    expect(objects).toEqual([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'tenant-role-debug', labels: { 'platform.example.com/tenancy': 'true' }, annotations: { 'platform.example.com/description': 'Execs into pods.' } },
        rules: [{ apiGroups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['create', 'get'] }, { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['api-0'] }],
      },
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'tenant-role-logs' }) }),
    ]);
  });

  it('GIVEN a role that escalates or a built-in name WHEN constructed THEN it fails early, quoting the rule', () => {
    const bad = { description: 'x', rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] }] };
    expect(() => renderObjects((c) => new TenantTeamRoles(c, 'roles', { roles: { bad } }))).toThrow(/^'roles.bad.rules\[0\].verbs\[0\]': found verb "create" on rbac.authorization.k8s.io\/rolebindings/);
    expect(() => renderObjects((c) => new TenantTeamRoles(c, 'roles', { roles: { edit: debug } }))).toThrow("'roles.edit': a team role may not take the name of a built-in role (admin, edit, view)");
  });

  it('GIVEN owner roles WHEN bound THEN built-ins bind tenant-<role> and catalog roles tenant-role-<name>', () => {
    expect(['admin', 'edit', 'view', 'debug'].map(ownerClusterRole)).toEqual(['tenant-admin', 'tenant-edit', 'tenant-view', teamRoleClusterRole('debug')]);
    const [binding] = renderObjects((c) => new TenantRoleBindings(c, 'owners', { namespace: 'payments', owners: [{ team: 'acme/sre', role: 'debug' }], groupPrefix: 'github:' }));
    expect(binding!.metadata.name).toBe('debug-acme-sre');
    expect(binding!.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'tenant-role-debug' });
  });
});
