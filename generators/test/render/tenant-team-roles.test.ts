/**
 * The attack suite of the team role catalog: what a team given a catalog role (clusters/management.yaml `teamRoles`)
 * can do in the example fleet's staging cluster, decided by the rendered ClusterRoles and RoleBindings as the API
 * server's RBAC authorizer would (_rbac.ts). payments gives acme/sre `debug`, checkout gives acme/support
 * `read-only-logs`, data-platform gives acme/finance `restricted`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUSTER_SCOPED, teamGroup } from '@platform/platform';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';
import type { Obj, UserInfo } from './_admission.js';
import { type ResourceAttributes, Rbac } from './_rbac.js';

const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..'));
const rendered = [...renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === 'staging')!)].filter(([p]) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml'));
const objects = rendered.map(([, text]) => parse(text) as Obj);
const rbac = new Rbac(objects);

const member = (team: string): UserInfo => ({ username: `github:${team.split('/')[1]}-member`, groups: [teamGroup('github:', team), 'system:authenticated'] });
const sre = member('acme/sre');
const support = member('acme/support');
const finance = member('acme/finance');

const tenantNamespaces = objects.filter((o) => o.kind === 'Namespace' && o.metadata.labels?.['platform.example.com/tenant']).map((o) => o.metadata.name);
const at = (namespace: string | undefined, verb: string, resource: string, group = ''): ResourceAttributes => ({ verb, group, resource, namespace });
const can = (who: UserInfo, a: ResourceAttributes) => rbac.can(who, a);

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const VERBS = ['get', 'list', 'watch', ...WRITES, 'bind', 'escalate', 'impersonate'];
/** What a team must never do in its own namespaces whatever catalog role it holds: change RBAC, quotas, policies or mint tokens. */
const TENANCY_OBJECTS: [string, string][] = [
  ['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'rolebindings'], ['', 'resourcequotas'], ['', 'limitranges'],
  ['networking.k8s.io', 'networkpolicies'], ['', 'namespaces'],
];
/** A broad sample of what lives in a tenant namespace, subresources included. */
const NAMESPACED: [string, string][] = [
  ['', 'pods'], ['', 'pods/log'], ['', 'pods/exec'], ['', 'pods/portforward'], ['', 'pods/attach'], ['', 'pods/ephemeralcontainers'], ['', 'secrets'],
  ['', 'configmaps'], ['', 'services'], ['', 'serviceaccounts'], ['', 'serviceaccounts/token'], ['', 'events'], ['apps', 'deployments'], ['batch', 'jobs'],
  ['networking.k8s.io', 'ingresses'], ['s3.aws.m.upbound.io', 'buckets'], ['cert-manager.io', 'certificates'], ...TENANCY_OBJECTS,
];

describe('team role catalog, as an attacker holding each role', () => {
  it('GIVEN the catalog WHEN rendered THEN each role is one ClusterRole tenant-role-<name> and each team is bound to it in every namespace of its tenant', () => {
    expect(objects.filter((o) => o.kind === 'ClusterRole' && o.metadata.name.startsWith('tenant-role-')).map((o) => o.metadata.name).sort()).toEqual([
      'tenant-role-debug', 'tenant-role-read-only-logs', 'tenant-role-restricted',
    ]);
    const bindings = objects.filter((o) => o.kind === 'RoleBinding' && (o['roleRef'] as { name: string }).name.startsWith('tenant-role-'));
    expect(bindings.map((b) => `${b.metadata.namespace}/${b.metadata.name} -> ${(b['roleRef'] as { name: string }).name}`).sort()).toEqual([
      'checkout/read-only-logs-acme-support -> tenant-role-read-only-logs',
      'data-platform/restricted-acme-finance -> tenant-role-restricted',
      'payments-jobs/debug-acme-sre -> tenant-role-debug',
      'payments/debug-acme-sre -> tenant-role-debug',
    ]);
  });

  it('GIVEN debug WHEN acme/sre debugs payments THEN it execs, port-forwards and reads logs, in every payments namespace', () => {
    for (const ns of ['payments', 'payments-jobs']) {
      expect(can(sre, at(ns, 'create', 'pods/exec'))).toBe(true);
      expect(can(sre, at(ns, 'create', 'pods/portforward'))).toBe(true);
      expect(can(sre, at(ns, 'get', 'pods/log'))).toBe(true);
      expect(can(sre, at(ns, 'list', 'pods'))).toBe(true);
    }
  });

  it('GIVEN debug WHEN acme/sre reaches for Secrets, RBAC or changes THEN it is refused: no Secret through the API, no binding, no write', () => {
    for (const verb of ['get', 'list', 'watch']) expect(can(sre, at('payments', verb, 'secrets'))).toBe(false);
    expect(can(sre, at('payments', 'create', 'rolebindings', 'rbac.authorization.k8s.io'))).toBe(false);
    // Neither through the RBAC escalation path: it may not bind a role it holds, nor a wider one.
    for (const name of ['tenant-role-debug', 'tenant-edit', 'tenant-admin']) expect(rbac.canBind(sre, 'payments', { kind: 'ClusterRole', name })).toBe(false);
    for (const [group, resource] of NAMESPACED) for (const verb of WRITES) expect(can(sre, at('payments', verb, resource, group)), `${verb} ${resource}`).toBe(resource === 'pods/exec' || resource === 'pods/portforward' ? verb === 'create' : false);
    // `kubectl debug` (an ephemeral container) and attaching to a running process are not part of debug.
    expect(can(sre, at('payments', 'patch', 'pods/ephemeralcontainers'))).toBe(false);
    expect(can(sre, at('payments', 'create', 'pods/attach'))).toBe(false);
  });

  it('GIVEN read-only-logs WHEN acme/support reads checkout THEN it reads pods and their logs, and cannot exec, port-forward, read Secrets or ConfigMaps', () => {
    expect(can(support, at('checkout', 'get', 'pods/log'))).toBe(true);
    expect(can(support, at('checkout', 'list', 'pods'))).toBe(true);
    for (const resource of ['pods/exec', 'pods/portforward', 'pods/attach']) expect(can(support, at('checkout', 'create', resource)), resource).toBe(false);
    for (const resource of ['secrets', 'configmaps']) expect(can(support, at('checkout', 'get', resource)), resource).toBe(false);
    for (const [group, resource] of NAMESPACED) for (const verb of WRITES) expect(can(support, at('checkout', verb, resource, group)), `${verb} ${resource}`).toBe(false);
  });

  it('GIVEN restricted WHEN acme/finance looks at data-platform THEN it sees pods and workloads but no logs, no shell, no configuration, and changes nothing', () => {
    expect(can(finance, at('data-platform', 'list', 'pods'))).toBe(true);
    expect(can(finance, at('data-platform', 'get', 'deployments', 'apps'))).toBe(true);
    for (const resource of ['pods/log', 'secrets', 'configmaps']) expect(can(finance, at('data-platform', 'get', resource)), resource).toBe(false);
    for (const resource of ['pods/exec', 'pods/portforward']) expect(can(finance, at('data-platform', 'create', resource)), resource).toBe(false);
    for (const [group, resource] of NAMESPACED) for (const verb of WRITES) expect(can(finance, at('data-platform', verb, resource, group)), `${verb} ${resource}`).toBe(false);
  });

  it('GIVEN a tenant admin WHEN it binds catalog roles itself THEN RBAC lets it bind only what it already holds: debug, not a role wider than admin', () => {
    const paymentsAdmin = member('acme/payments');
    expect(rbac.canBind(paymentsAdmin, 'payments', { kind: 'ClusterRole', name: 'tenant-role-debug' })).toBe(true);
    expect(rbac.canBind(paymentsAdmin, 'checkout', { kind: 'ClusterRole', name: 'tenant-role-debug' })).toBe(false);
    const wider = new Rbac([...objects, { ...objects.find((o) => o.metadata.name === 'tenant-role-debug')!, metadata: { name: 'tenant-role-wide' }, rules: [{ apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get'] }] }]);
    expect(wider.canBind(paymentsAdmin, 'payments', { kind: 'ClusterRole', name: 'tenant-role-wide' })).toBe(false);
  });

  it("GIVEN any catalog role WHEN its team tries another tenant's namespaces, platform namespaces or cluster-scoped objects THEN nothing at all is allowed", () => {
    const own = new Map([[sre, ['payments', 'payments-jobs']], [support, ['checkout']], [finance, ['data-platform']]]);
    const elsewhere = (mine: string[]) => [...tenantNamespaces.filter((n) => !mine.includes(n)), 'flux-system', 'crossplane-system', 'kube-system', 'default'];
    for (const [who, mine] of own) {
      for (const ns of elsewhere(mine)) for (const [group, resource] of NAMESPACED) for (const verb of VERBS) expect(can(who, at(ns, verb, resource, group)), `${who.groups![0]} ${verb} ${resource} in ${ns}`).toBe(false);
      for (const [group, resources] of Object.entries(CLUSTER_SCOPED)) {
        for (const resource of resources) for (const verb of VERBS) expect(can(who, at(undefined, verb, resource, group)), `${who.groups![0]} ${verb} ${resource}`).toBe(false);
      }
      // Nor the team's own Namespace object, whose labels and annotations select and feed the admission guardrails.
      for (const ns of mine) for (const verb of VERBS) expect(can(who, { ...at(ns, verb, 'namespaces'), name: ns }), `${verb} namespace ${ns}`).toBe(false);
      // And in its own namespaces, none of the objects the tenancy rests on.
      for (const ns of mine) for (const [group, resource] of TENANCY_OBJECTS) for (const verb of [...WRITES, 'bind', 'escalate']) expect(can(who, at(ns, verb, resource, group))).toBe(false);
    }
    expect(tenantNamespaces.length).toBeGreaterThan(3);
  });
});
