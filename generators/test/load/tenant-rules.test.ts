import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { parseQuantity, tenantWarnings } from '../../src/load/tenant-rules.js';
import { clusterYaml, loadProblems, tenantFiles, writeFleet } from './_fixtures.js';

const tenant = (name: string, extra = '') => `name: ${name}
owners:
  - team: acme/${name}
    role: admin
contact:
  slackChannel: "#${name}"
clusters: [stage]
${extra}`;

/** Writes a fleet of mgmt + stage clusters and the given tenant files, loads it and returns the printed problems. */
function problemsOf(tenants: Record<string, string>, stageExtra = ''): string[] {
  const files = { 'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage', { extra: stageExtra }), ...tenantFiles(tenants) };
  return loadProblems(writeFleet('tenant-rules-', files));
}

describe('tenant rules', () => {
  it('GIVEN well-formed tenants WHEN loaded THEN there is no problem', () => {
    expect(problemsOf({ a: tenant('a', 'hostnames: [a.stage.example.com]\nnetwork:\n  allowFrom: [b]\n'), b: tenant('b', 'network:\n  allowTo: [a]\n') })).toEqual([]);
  });

  it('GIVEN a 60-character tenant name WHEN its extra namespaces fit 63 characters or not THEN only the one that does not is an error, naming the longest suffix', () => {
    const long = `team-${'x'.repeat(55)}`;
    expect(problemsOf({ [long]: tenant(long, 'namespaces: [ci, jobs]\n') })).toEqual([
      `tenants/${long}.yaml:8:18: namespaces[1]: found "jobs": namespace "${long}-jobs" has 65 characters; allowed: at most 63 for "<name>-<suffix>", so a suffix of at most 2 characters`,
    ]);
  });

  it('GIVEN a tenant name of 64 characters WHEN loaded THEN the schema refuses it', () => {
    const long = `team-${'x'.repeat(59)}`;
    expect(problemsOf({ [long]: tenant(long) })[0]).toMatch(/^tenants\/team-x+\.yaml:1:7: name: .*63/);
  });

  it('GIVEN an environment for a namespace the tenant does not have WHEN loaded THEN it is an error naming its namespaces', () => {
    expect(problemsOf({ a: tenant('a', 'namespaces: [jobs]\nnamespaceEnvironments:\n  jobs: development\n  cron: development\n') })).toEqual([
      'tenants/a.yaml:11:9: namespaceEnvironments.cron: found "cron", not one of the tenant\'s namespaces; allowed: "jobs"',
    ]);
  });

  it('GIVEN reserved tenant and namespace names WHEN loaded THEN each is an error at its line', () => {
    expect(problemsOf({ 'kube-tools': tenant('kube-tools'), shop: tenant('shop', 'namespaces: [jobs]\n'), monitoring: tenant('monitoring') })).toEqual([
      'tenants/kube-tools.yaml:1:7: name: namespace "kube-tools" is reserved (names starting with "kube-" are reserved for the platform); allowed: a name outside kube-*, infra-* and default, flux-system, crossplane-system, platform, aws-load-balancer-controller, cert-manager, cluster-autoscaler, dex, external-dns, external-secrets, grafana, logging, loki, metrics-server, monitoring, reloader, thanos, traefik',
      'tenants/monitoring.yaml:1:7: name: namespace "monitoring" is reserved ("monitoring" is a platform namespace); allowed: a name outside kube-*, infra-* and default, flux-system, crossplane-system, platform, aws-load-balancer-controller, cert-manager, cluster-autoscaler, dex, external-dns, external-secrets, grafana, logging, loki, metrics-server, monitoring, reloader, thanos, traefik',
    ]);
    expect(problemsOf({ infra: tenant('infra', 'namespaces: [stage]\n') })[0]).toMatch(/^tenants\/infra\.yaml:8:14: namespaces\[0\]: namespace "infra-stage" is reserved \(names starting with "infra-"/);
  });

  it('GIVEN a tenant named platform (the Loki tenant and Grafana view of everything that is no tenant\'s) WHEN loaded THEN it is reserved', () => {
    expect(problemsOf({ platform: tenant('platform') })[0]).toMatch(/^tenants\/platform\.yaml:1:7: name: namespace "platform" is reserved \("platform" is a platform namespace\)/);
  });

  it('GIVEN two tenants whose namespaces collide WHEN loaded THEN both files are named', () => {
    expect(problemsOf({ shop: tenant('shop', 'namespaces: [jobs]\n'), 'shop-jobs': tenant('shop-jobs') })).toEqual([
      'tenants/shop-jobs.yaml:1:7: name: namespace "shop-jobs" is already a namespace of tenant "shop" (tenants/shop.yaml); allowed: a namespace no other tenant has',
      'tenants/shop.yaml:8:14: namespaces[0]: namespace "shop-jobs" is also a namespace of tenant "shop-jobs" (tenants/shop-jobs.yaml); allowed: a namespace no other tenant has',
    ]);
  });

  it('GIVEN a hostname claimed by two tenants WHEN loaded THEN each file names the other', () => {
    const h = 'hostnames: [web.stage.example.com]\n';
    expect(problemsOf({ a: tenant('a', h), b: tenant('b', h) })).toEqual([
      'tenants/a.yaml:8:13: hostnames[0]: hostname "web.stage.example.com" is also claimed in tenants/b.yaml; allowed: a hostname owned by exactly one tenant',
      'tenants/b.yaml:8:13: hostnames[0]: hostname "web.stage.example.com" is also claimed in tenants/a.yaml; allowed: a hostname owned by exactly one tenant',
    ]);
  });

  it('GIVEN a hostname outside the domains of the tenant clusters WHEN loaded THEN it is an error', () => {
    expect(problemsOf({ a: tenant('a', 'hostnames: [a.mgmt.example.com]\n') })).toEqual([
      'tenants/a.yaml:8:13: hostnames[0]: hostname "a.mgmt.example.com" is outside the domains of clusters stage; allowed: a name ending in ".stage.example.com"',
    ]);
  });

  it('GIVEN the internal ingress load balancer name as a hostname WHEN loaded THEN it is reserved', () => {
    expect(problemsOf({ a: tenant('a', 'hostnames: [ingress-internal.stage.example.com]\n') })).toEqual([
      'tenants/a.yaml:8:13: hostnames[0]: hostname "ingress-internal.stage.example.com" is the platform\'s internal ingress load balancer; allowed: any other name in the cluster domains',
    ]);
  });

  it('GIVEN quotas set to none WHEN the cluster requires the cap or not THEN only the required one is an error', () => {
    const required = 'tenancy:\n  requiredQuotas: [memory]\n';
    expect(problemsOf({ a: tenant('a', 'quotas:\n  cpu: none\n  memory: none\n') })).toEqual([]);
    expect(problemsOf({ a: tenant('a', 'quotas:\n  cpu: none\n  memory: none\n') }, required)).toEqual([
      'tenants/a.yaml:10:11: quotas.memory: found "none", but cluster "stage" (clusters/stage.yaml) requires a memory cap (tenancy.requiredQuotas); allowed: a value of at most 128Gi',
    ]);
  });

  it('GIVEN quotas over the cluster ceilings WHEN loaded THEN each is an error naming the cluster file', () => {
    const ceilings = 'tenancy:\n  quotaCeilings:\n    cpu: "4"\n    pods: 40\n';
    expect(problemsOf({ a: tenant('a', 'quotas:\n  cpu: 4500m\n  memory: 256Gi\n') }, ceilings)).toEqual([
      // pods is not in the file (the default, 50): the problem points at the quotas block
      'tenants/a.yaml:9:3: quotas.pods: found 50, over the ceiling of cluster "stage" (clusters/stage.yaml); allowed: at most 40',
      'tenants/a.yaml:9:8: quotas.cpu: found 4500m, over the ceiling of cluster "stage" (clusters/stage.yaml); allowed: at most 4',
      'tenants/a.yaml:10:11: quotas.memory: found 256Gi, over the ceiling of cluster "stage" (clusters/stage.yaml); allowed: at most 128Gi',
    ]);
  });

  it('GIVEN a default request above the default limit WHEN loaded THEN it is an error', () => {
    const lr = 'limitRange:\n  defaultLimit:\n    memory: 256Mi\n  defaultRequest:\n    memory: 512Mi\n';
    expect(problemsOf({ a: tenant('a', lr) })).toEqual([
      'tenants/a.yaml:12:13: limitRange.defaultRequest.memory: found 512Mi, above the default limit 256Mi; allowed: at most 256Mi',
    ]);
  });

  it('GIVEN malformed GitHub teams WHEN loaded THEN the schema and the rule say what a team looks like', () => {
    const bad = (team: string) => tenant('a').replace('acme/a', team);
    expect(problemsOf({ a: bad('acme') })).toEqual([
      `tenants/a.yaml:3:11: owners[0].team: found "acme"; allowed: a GitHub team as '<org>/<team-slug>', e.g. 'acme/payments' (slug in lower case)`,
    ]);
    expect(problemsOf({ a: bad('acme-/a') })).toEqual([
      `tenants/a.yaml:3:11: owners[0].team: found "acme-/a"; allowed: a GitHub team "<org>/<team-slug>" whose org does not end in '-' or contain '--'`,
    ]);
    expect(problemsOf({ a: tenant('a').replace('contact:', '  - team: acme/a\n    role: view\ncontact:') })).toEqual([
      'tenants/a.yaml:5:11: owners[1].team: team "acme/a" is listed twice; allowed: each team once, with one role',
    ]);
  });

  it('GIVEN an allowance naming an unknown tenant or itself WHEN loaded THEN it is an error', () => {
    expect(problemsOf({ a: tenant('a', 'network:\n  allowFrom: [ghost, a]\n'), b: tenant('b') })).toEqual([
      'tenants/a.yaml:9:15: network.allowFrom[0]: unknown tenant "ghost"; allowed: b',
      'tenants/a.yaml:9:22: network.allowFrom[1]: found "a", the tenant itself (its own namespaces always reach each other); allowed: another tenant',
    ]);
  });

  it('GIVEN an unknown cluster or a duplicate tenant WHEN loaded THEN the fleet rules report it', () => {
    expect(problemsOf({ a: tenant('a').replace('[stage]', '[stage, nowhere]') })).toEqual([
      'tenants/a.yaml:7:19: clusters[1]: unknown cluster "nowhere"; allowed: mgmt, stage',
    ]);
    expect(problemsOf({ a: tenant('a'), b: tenant('a') })).toContain(
      'tenants/b.yaml:1:7: name: name "a" does not match the file name; allowed: "b" (rename the file or the name)',
    );
  });

  it('GIVEN a decommissioned tenant WHEN warnings are asked for THEN one names its file', () => {
    const files = { 'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage'), ...tenantFiles({ a: tenant('a', 'decommissioned: true\n') }) };
    const dir = writeFleet('tenant-warn-', files);
    expect(tenantWarnings(loadFleet(dir))).toEqual([
      'warning: tenants/a.yaml: tenant "a" is decommissioned: its namespaces and stateful AWS resources are kept, its apps are not reconciled. Remove the file only once its data is gone.',
    ]);
  });

  it('GIVEN quantities WHEN parsed THEN units scale', () => {
    expect([parseQuantity('500m'), parseQuantity('2'), parseQuantity('1Gi') / parseQuantity('512Mi')]).toEqual([0.5, 2, 2]);
    expect(() => parseQuantity('2k')).toThrow('"2k" is not a quantity');
  });

  describe('fences', () => {
    it('GIVEN a tenant listing the management cluster WHEN its file does not allow tenants THEN it is an error at the cluster entry', () => {
      expect(problemsOf({ a: tenant('a').replace('[stage]', '[stage, mgmt]') })).toEqual([
        'tenants/a.yaml:7:19: clusters[1]: cluster "mgmt" takes no tenants (it is the management cluster and clusters/mgmt.yaml does not set tenancy.allowTenants: true); allowed: stage',
      ]);
    });

    it('GIVEN a management cluster whose file sets tenancy.allowTenants: true WHEN a tenant lists it THEN there is no problem', () => {
      const files = { 'clusters/mgmt.yaml': clusterYaml('mgmt', { extra: 'tenancy:\n  allowTenants: true\n' }), 'clusters/stage.yaml': clusterYaml('stage'), ...tenantFiles({ a: tenant('a').replace('[stage]', '[stage, mgmt]') }) };
      expect(loadProblems(writeFleet('tenant-rules-', files))).toEqual([]);
    });

    it('GIVEN a workload cluster with tenancy.allowTenants: false WHEN a tenant lists it THEN it is an error', () => {
      expect(problemsOf({ a: tenant('a') }, 'tenancy:\n  allowTenants: false\n')).toEqual([
        'tenants/a.yaml:7:12: clusters[0]: cluster "stage" takes no tenants (clusters/stage.yaml sets tenancy.allowTenants: false); allowed: none',
      ]);
    });

    it('GIVEN a allows calls from b WHEN b does not list a in allowTo THEN a\'s file is in error, naming b\'s (b cannot open a\'s bundle alone, nor a b\'s)', () => {
      expect(problemsOf({ a: tenant('a', 'network:\n  allowFrom: [b]\n'), b: tenant('b') })).toEqual([
        'tenants/a.yaml:9:15: network.allowFrom[0]: "b" (tenants/b.yaml) does not list "a" in network.allowTo; allowed: an allowance both teams declare (add "a" to network.allowTo in tenants/b.yaml, or remove "b" from network.allowFrom here)',
      ]);
    });

    it('GIVEN b asks to call a WHEN a does not list b in allowFrom THEN b\'s file is in error, naming a\'s', () => {
      expect(problemsOf({ a: tenant('a'), b: tenant('b', 'network:\n  allowTo: [a, ghost]\n') })).toEqual([
        'tenants/b.yaml:9:13: network.allowTo[0]: "a" (tenants/a.yaml) does not list "b" in network.allowFrom; allowed: an allowance both teams declare (add "b" to network.allowFrom in tenants/a.yaml, or remove "a" from network.allowTo here)',
        'tenants/b.yaml:9:16: network.allowTo[1]: unknown tenant "ghost"; allowed: a',
      ]);
    });

    it('GIVEN payments owns pay.stage.example.com WHEN another tenant claims x.pay.stage.example.com THEN both files are in error, each naming the other', () => {
      expect(problemsOf({ payments: tenant('payments', 'hostnames: [pay.stage.example.com]\n'), b: tenant('b', 'hostnames: [x.pay.stage.example.com]\n') })).toEqual([
        'tenants/b.yaml:8:13: hostnames[0]: hostname "x.pay.stage.example.com" is under "pay.stage.example.com" of tenant "payments" (tenants/payments.yaml); allowed: a name that is neither another tenant\'s hostname nor under one',
        'tenants/payments.yaml:8:13: hostnames[0]: hostname "pay.stage.example.com" has "x.pay.stage.example.com" of tenant "b" (tenants/b.yaml) under it; allowed: a name that is neither another tenant\'s hostname nor above one',
      ]);
    });

    it('GIVEN a tenant with a hostname and a subdomain of its own WHEN loaded THEN there is no problem', () => {
      expect(problemsOf({ a: tenant('a', 'hostnames: [a.stage.example.com, x.a.stage.example.com]\n') })).toEqual([]);
    });
  });
});
