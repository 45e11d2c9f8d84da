import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, tenantFiles, writeFleet } from './_fixtures.js';

const CATALOG = `teamRoles:
  debug:
    description: Execs into pods.
    rules:
      - apiGroups: [""]
        resources: [pods, pods/log]
        verbs: [get, list, watch]
      - apiGroups: [""]
        resources: [pods/exec, pods/portforward]
        verbs: [create, get]
  read-only-logs:
    description: Reads logs.
    rules:
      - apiGroups: [""]
        resources: [pods/log]
        verbs: [get]
`;

const tenant = (role: string) => `name: pay
owners:
  - team: acme/pay
    role: admin
  - team: acme/sre
    role: ${role}
contact:
  slackChannel: "#pay"
clusters: [stage]
`;

/** Loads mgmt (its file followed by `catalog`), stage (followed by `stageExtra`) and tenant pay; returns the printed problems. */
function problemsOf(catalog: string, role = 'debug', stageExtra = ''): string[] {
  const files = { 'clusters/mgmt.yaml': clusterYaml('mgmt') + catalog, 'clusters/stage.yaml': clusterYaml('stage') + stageExtra, ...tenantFiles({ pay: tenant(role) }) };
  return loadProblems(writeFleet('team-role-rules-', files));
}

describe('team role rules', () => {
  it('GIVEN a catalog on the management cluster WHEN a tenant picks one of its roles or a built-in THEN there is no problem', () => {
    expect(problemsOf(CATALOG, 'debug')).toEqual([]);
    expect(problemsOf(CATALOG, 'view')).toEqual([]);
    expect(problemsOf('', 'edit')).toEqual([]);
  });

  it('GIVEN a tenant that picks a role not in the catalog WHEN loaded THEN the error lists the built-ins and the catalog', () => {
    expect(problemsOf(CATALOG, 'root')).toEqual([
      "tenants/pay.yaml:6:11: owners[1].role: unknown role \"root\"; allowed: admin, edit, view, debug, read-only-logs (the built-ins and the teamRoles of the management cluster's file)",
    ]);
    expect(problemsOf('', 'debug')).toEqual([
      "tenants/pay.yaml:6:11: owners[1].role: unknown role \"debug\"; allowed: admin, edit, view (the built-ins and the teamRoles of the management cluster's file)",
    ]);
  });

  it('GIVEN a catalog role that grants something forbidden WHEN loaded THEN the error points at the rule and entry, naming the verb, the resource and what is allowed', () => {
    const escalating = CATALOG.replace('verbs: [create, get]', 'verbs: [create, get]\n      - apiGroups: [rbac.authorization.k8s.io]\n        resources: [rolebindings]\n        verbs: [get, create]');
    expect(problemsOf(escalating)).toEqual([
      'clusters/mgmt.yaml:25:22: teamRoles.debug.rules[2].verbs[1]: found verb "create" on rbac.authorization.k8s.io/rolebindings, which team roles never grant (writes to roles and rolebindings); ' +
        'allowed: get, list, watch (access in tenant namespaces comes from owners[].role in tenants/<team>.yaml)',
    ]);
    const wildcard = CATALOG.replace('resources: [pods/log]\n        verbs: [get]', 'resources: ["*"]\n        verbs: [get, impersonate]');
    expect(problemsOf(wildcard)).toEqual([
      'clusters/mgmt.yaml:28:22: teamRoles.read-only-logs.rules[0].verbs[1]: found verb "impersonate"; allowed: verbs other than bind, escalate, impersonate (they grant more than the role holds)',
    ]);
    const clusterScoped = CATALOG.replace('resources: [pods/log]', 'resources: [pods/log, namespaces]');
    expect(problemsOf(clusterScoped)).toEqual([
      expect.stringMatching(/^clusters\/mgmt\.yaml:27:31: teamRoles\.read-only-logs\.rules\[0\]\.resources\[1\]: found verb "get" on namespaces, which team roles never grant \(cluster-scoped resources\); allowed: namespaced resources only/),
    ]);
  });

  it('GIVEN a rule with nonResourceURLs WHEN loaded THEN the schema refuses the field, naming the fields a rule has', () => {
    const urls = CATALOG.replace('resources: [pods/log]\n        verbs: [get]', 'resources: [pods/log]\n        verbs: [get]\n        nonResourceURLs: ["/metrics"]');
    expect(problemsOf(urls)).toEqual(['clusters/mgmt.yaml:29:9: teamRoles.read-only-logs.rules[0].nonResourceURLs: unknown field "nonResourceURLs"; allowed: apiGroups, resourceNames, resources, verbs']);
  });

  it('GIVEN a catalog entry named like a built-in WHEN loaded THEN it is an error naming the built-ins', () => {
    expect(problemsOf(CATALOG.replace('  read-only-logs:', '  view:'), 'debug')).toEqual([
      'clusters/mgmt.yaml:23:3: teamRoles.view: found team role "view", the name of a built-in role; allowed: a name other than admin, edit, view (the built-ins need no catalog entry)',
    ]);
  });

  it('GIVEN teamRoles in a cluster that is not the management cluster WHEN loaded THEN it is an error', () => {
    expect(problemsOf(CATALOG, 'debug', CATALOG)).toEqual([
      "clusters/stage.yaml:12:3: teamRoles: found teamRoles in a cluster that is not the management cluster; allowed: only in the management cluster's file (the catalog is the fleet's, rendered on every cluster)",
    ]);
  });
});
