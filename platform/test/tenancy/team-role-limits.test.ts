import { describe, expect, it } from 'vitest';
import { type TeamRoleRule, teamRoleViolations } from '../../src/tenancy/team-role-limits.js';

const rule = (apiGroups: string[], resources: string[], verbs: string[]): TeamRoleRule => ({ apiGroups, resources, verbs });
/** `rules[i].<field>[j]: message` of each violation, as the loader locates them. */
const found = (...rules: TeamRoleRule[]) => teamRoleViolations(rules).map((v) => `rules[${v.rule}].${v.field}[${v.index}]: ${v.message}`);

describe('teamRoleViolations', () => {
  it('GIVEN the rules of debug and read-only-logs WHEN checked THEN nothing is found', () => {
    expect(found(
      rule([''], ['configmaps', 'events', 'pods', 'pods/log', 'services'], ['get', 'list', 'watch']),
      rule(['apps', 'batch'], ['deployments', 'jobs'], ['get', 'list', 'watch']),
      rule([''], ['pods/exec', 'pods/portforward'], ['create', 'get']),
      rule([''], ['secrets', 'configmaps', 'pods'], ['*']),
      rule(['rbac.authorization.k8s.io'], ['roles', 'rolebindings'], ['get', 'list', 'watch']),
      rule(['s3.aws.m.upbound.io'], ['buckets'], ['get', 'list']),
    )).toEqual([]);
  });

  it('GIVEN escalate, bind or impersonate anywhere WHEN checked THEN the verb is named, whatever the resource', () => {
    expect(found(rule([''], ['pods'], ['get', 'impersonate']), rule(['rbac.authorization.k8s.io'], ['clusterroles'], ['bind']))).toEqual([
      'rules[0].verbs[1]: found verb "impersonate"; allowed: verbs other than bind, escalate, impersonate (they grant more than the role holds)',
      'rules[1].verbs[0]: found verb "bind"; allowed: verbs other than bind, escalate, impersonate (they grant more than the role holds)',
    ]);
  });

  it('GIVEN writes to what the tenancy rests on WHEN checked THEN the verb and the resource are named with what is allowed', () => {
    expect(found(
      rule(['rbac.authorization.k8s.io'], ['rolebindings'], ['get', 'create']),
      rule([''], ['pods', 'resourcequotas'], ['patch']),
      rule(['networking.k8s.io'], ['networkpolicies'], ['delete']),
      rule([''], ['serviceaccounts/token'], ['create']),
      rule(['ec2.aws.m.upbound.io'], ['securitygroups'], ['update']),
      rule(['cert-manager.io'], ['certificates'], ['create']),
    )).toEqual([
      'rules[0].verbs[1]: found verb "create" on rbac.authorization.k8s.io/rolebindings, which team roles never grant (writes to roles and rolebindings); allowed: get, list, watch (access in tenant namespaces comes from owners[].role in tenants/<team>.yaml)',
      'rules[1].verbs[0]: found verb "patch" on resourcequotas, which team roles never grant (writes to quotas and limit ranges); allowed: get, list, watch (quotas and limit ranges are set from tenants/<team>.yaml)',
      'rules[2].verbs[0]: found verb "delete" on networking.k8s.io/networkpolicies, which team roles never grant (writes to network policies); allowed: get, list, watch (network policies are changed by the built-in edit and admin roles, egress only from tenants/<team>.yaml)',
      'rules[3].verbs[0]: found verb "create" on serviceaccounts/token, which team roles never grant (minting ServiceAccount tokens); allowed: no serviceaccounts/token (tokens are never minted by hand; workloads get theirs projected)',
      'rules[4].verbs[0]: found verb "update" on ec2.aws.m.upbound.io/securitygroups, which team roles never grant (writes to Crossplane kinds); allowed: get, list, watch (cloud resources are declared in tenants/<team>.yaml and created by the platform)',
      'rules[5].verbs[0]: found verb "create" on cert-manager.io/certificates, which team roles never grant (writes to kinds only platform controllers write); allowed: get, list, watch (certificates, Traefik routes and load balancer bindings are made by the platform from Ingresses and Services)',
    ]);
  });

  it('GIVEN cluster-scoped kinds WHEN checked THEN any verb on them is refused, the resource named (Namespaces included)', () => {
    const [nodes, namespace, status] = found(rule([''], ['nodes'], ['get']), rule([''], ['namespaces'], ['patch']), rule([''], ['namespaces/status'], ['update']));
    expect(nodes).toMatch(/^rules\[0\]\.resources\[0\]: found verb "get" on nodes, which team roles never grant \(cluster-scoped resources\); allowed: namespaced resources only/);
    expect(namespace).toMatch(/^rules\[1\]\.resources\[0\]: found verb "patch" on namespaces/);
    expect(status).toMatch(/^rules\[2\]\.resources\[0\]: found verb "update" on namespaces\/status/);
  });

  it('GIVEN wildcards WHEN they reach a forbidden kind or verb THEN they are refused; when they reach only allowed ones they pass', () => {
    expect(found(rule(['*'], ['rolebindings'], ['update']))).toEqual([expect.stringMatching(/^rules\[0\]\.verbs\[0\]: found verb "update" on \*\/rolebindings/)]);
    expect(found(rule(['rbac.authorization.k8s.io'], ['*'], ['list', 'create']))).toEqual([expect.stringMatching(/^rules\[0\]\.resources\[0\]: found verb "list" on rbac.authorization.k8s.io\/\*.*cluster-scoped/)]);
    expect(found(rule(['networking.k8s.io'], ['networkpolicies'], ['*']))).toEqual([expect.stringMatching(/found verb "\*" on networking.k8s.io\/networkpolicies/)]);
    expect(found(rule([''], ['*/token'], ['create']))).toEqual([expect.stringMatching(/serviceaccounts\/token|cluster-scoped/)]);
    expect(found(rule([''], ['*/status'], ['update']))).toEqual([expect.stringMatching(/found verb "update" on \*\/status.*cluster-scoped/)]);
    expect(found(rule(['*'], ['*'], ['get']))).toHaveLength(1);
    // `*` verbs on a kind that is neither escalating nor platform-owned grant nothing outside the tenancy.
    expect(found(rule(['apps'], ['deployments', 'deployments/scale'], ['*']))).toEqual([]);
  });

  it('GIVEN impersonation targets reached by a wildcard verb WHEN checked THEN it is refused', () => {
    expect(found(rule([''], ['serviceaccounts'], ['*']))).toEqual([expect.stringMatching(/found verb "\*" on serviceaccounts, which team roles never grant \(impersonation\)/)]);
  });
});
