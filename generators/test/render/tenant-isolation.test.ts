import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';
import { tenantAwsPrefix } from '../../src/fleet-index.js';
import { teamGroup } from '@platform/platform';

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown };
const TENANT = 'platform.example.com/tenant';
const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..'));
/** The AWS prefix of each tenant: its AWS tenant tag and the start of its AWS names. */
const prefixOf = (tenant: string) => tenantAwsPrefix(fleet.tenants.find((t) => t.spec.name === tenant)!.spec);

/** Every object rendered for every cluster of the example fleet, with the folder it was written to. */
const rendered = fleet.clusters.flatMap((c) =>
  [...renderCluster(fleet, c)].filter(([p]) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml')).map(([p, text]) => ({ cluster: c.spec.name, path: p, obj: parse(text) as Obj })),
);

describe('tenant isolation in the rendered example fleet', () => {
  const namespacesOf = new Map<string, string>();
  for (const r of rendered) if (r.obj.kind === 'Namespace' && r.obj.metadata.labels?.[TENANT]) namespacesOf.set(`${r.cluster}/${r.obj.metadata.name}`, r.obj.metadata.labels[TENANT]!);
  const tenantFolder = (path: string) => /^tenants\/([^/]+)\//.exec(path)?.[1];

  it('GIVEN the example fleet WHEN rendered THEN every tenant has namespaces on each of its clusters', () => {
    for (const t of fleet.tenants) for (const c of t.spec.clusters) expect(namespacesOf.get(`${c}/${t.spec.name}`)).toBe(t.spec.name);
  });

  // flux-system holds the tenant's reconciler and notifications; crossplane-system its provider plumbing. Both are
  // platform namespaces no tenant principal can write to (checked by the RoleBinding test below).
  it('GIVEN a tenant bundle WHEN rendered THEN its namespaced objects are in its own namespaces or platform namespaces only', () => {
    for (const r of rendered) {
      const tenant = tenantFolder(r.path);
      if (!tenant || !r.obj.metadata.namespace) continue;
      const ns = r.obj.metadata.namespace;
      expect(ns === 'flux-system' || ns === 'crossplane-system' || namespacesOf.get(`${r.cluster}/${ns}`) === tenant, `${r.cluster}/${r.path} in ${ns}`).toBe(true);
    }
  });

  it('GIVEN every RoleBinding and ClusterRoleBinding WHEN rendered THEN a tenant principal is bound only in its own namespaces, never cluster-wide', () => {
    const owners = new Map(fleet.tenants.map((t) => [t.spec.name, t.spec.owners.map((o) => teamGroup('github:', o.team))]));
    let teamBindings = 0;
    for (const r of rendered.filter((x) => x.obj.kind === 'RoleBinding' || x.obj.kind === 'ClusterRoleBinding')) {
      for (const s of (r.obj['subjects'] ?? []) as { kind: string; name: string }[]) {
        const owner = [...owners].find(([, groups]) => groups.includes(s.name))?.[0] ?? (s.kind === 'ServiceAccount' && s.name.startsWith('tenant-') ? s.name.slice(7) : undefined);
        if (!owner) continue;
        if (s.kind === 'Group') teamBindings++;
        expect(r.obj.kind, `${r.path}`).toBe('RoleBinding');
        const nsTenant = namespacesOf.get(`${r.cluster}/${r.obj.metadata.namespace}`);
        // a team that owns several tenants may be bound in each of them
        expect(nsTenant !== undefined && (nsTenant === owner || owners.get(nsTenant)!.includes(s.name)), `${r.cluster}/${r.path}: ${s.name}`).toBe(true);
        expect((r.obj['roleRef'] as { name: string }).name).toMatch(/^tenant-(admin|edit|view|role-[a-z0-9-]+)$/);
      }
    }
    // The team groups are found (`<prefix><org>:<team>`), so the loop above checked their bindings.
    expect(teamBindings).toBeGreaterThan(fleet.tenants.length);
  });

  it("GIVEN a pod in any tenant namespace WHEN it calls Loki directly (to push into or read another tenant with its own X-Scope-OrgID) THEN Loki's policy refuses it on every cluster", () => {
    for (const c of fleet.clusters) {
      const policies = rendered.filter((r) => r.cluster === c.spec.name && r.obj.kind === 'NetworkPolicy' && r.obj.metadata.namespace === 'loki');
      expect(policies.map((p) => p.obj.metadata.name), c.spec.name).toEqual(['loki-ingress']);
      const spec = policies[0]!.obj['spec'] as { podSelector: object; policyTypes: string[]; ingress: { from: { namespaceSelector?: { matchLabels: Record<string, string> }; podSelector?: object }[]; ports?: { port: number }[] }[] };
      expect(spec.podSelector).toEqual({});
      expect(spec.policyTypes).toContain('Ingress');
      // who may reach which port: Loki's own (3100) fluent-bit and Prometheus, the read gateway's (8080) Grafana, any port Loki's own pods
      const admitted = spec.ingress.flatMap((rule) =>
        rule.from.map((peer) => `${peer.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] ?? (peer.podSelector ? 'loki' : 'anyone')}:${rule.ports?.map((p) => p.port).join(',') ?? 'any'}`),
      );
      expect(admitted.sort()).toEqual(['grafana:8080', 'logging:3100', 'loki:any', 'monitoring:3100']);
      const sources = admitted.map((a) => a.split(':')[0]);
      for (const [key] of namespacesOf) if (key.startsWith(`${c.spec.name}/`)) expect(sources, key).not.toContain(key.slice(c.spec.name.length + 1));
    }
  });

  it('GIVEN every NetworkPolicy WHEN rendered THEN ingress from other tenants is admitted only when declared', () => {
    const allowed = new Map(fleet.tenants.map((t) => [t.spec.name, new Set([t.spec.name, ...t.spec.network.allowFrom])]));
    const policies = rendered.filter((r) => r.obj.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const r of policies) {
      if (r.obj.metadata.namespace === 'loki' || r.obj.metadata.namespace === 'grafana') continue; // the platform's Loki and metrics proxy: checked above and below
      const self = namespacesOf.get(`${r.cluster}/${r.obj.metadata.namespace}`)!;
      const spec = r.obj['spec'] as { ingress?: { from?: { namespaceSelector?: { matchLabels?: Record<string, string> }; ipBlock?: unknown }[] }[] };
      for (const rule of spec.ingress ?? []) {
        expect(rule.from, `${r.path}: an ingress rule without "from" admits everyone`).toBeDefined();
        for (const peer of rule.from!) {
          expect(peer.ipBlock, `${r.path}`).toBeUndefined();
          const labels = peer.namespaceSelector?.matchLabels ?? {};
          if (labels[TENANT]) expect(allowed.get(self)!.has(labels[TENANT]!), `${r.cluster}/${r.path} admits ${labels[TENANT]}`).toBe(true);
          else expect(['traefik', 'monitoring']).toContain(labels['kubernetes.io/metadata.name']);
        }
      }
    }
  });

  it('GIVEN payments admits checkout WHEN rendered THEN checkout may call payments and data-platform may not', () => {
    const names = (ns: string) => rendered.filter((r) => r.cluster === 'staging' && r.obj.kind === 'NetworkPolicy' && r.obj.metadata.namespace === ns).map((r) => r.obj.metadata.name);
    expect(names('payments')).toContain('allow-from-checkout');
    expect(names('checkout')).toContain('allow-to-payments');
    expect(names('data-platform').filter((n) => n.startsWith('allow-to-') || n.startsWith('allow-from-') && !['allow-from-ingress', 'allow-from-monitoring'].includes(n))).toEqual([]);
  });

  it('GIVEN every tenant managed resource WHEN rendered THEN it uses its own tenant credentials, references only its own bundle and writes secrets only beside itself', () => {
    const mrs = rendered.filter((r) => tenantFolder(r.path) && /\.aws\.m\.upbound\.io\//.test(String(r.obj.apiVersion)));
    expect(mrs.length).toBeGreaterThan(50);
    for (const r of mrs) {
      const tenant = tenantFolder(r.path)!;
      const spec = r.obj.spec as { providerConfigRef?: { kind: string; name: string }; writeConnectionSecretToRef?: { name: string; namespace?: string } };
      const ns = r.obj.metadata.namespace!;
      const where = `${r.cluster}/${r.path}`;
      // The tenant's own AWS role, except the role plumbing the platform creates for it in crossplane-system.
      if (ns === 'crossplane-system') expect(spec.providerConfigRef?.kind ?? 'ClusterProviderConfig', where).toBe('ClusterProviderConfig');
      else expect(spec.providerConfigRef, where).toEqual({ kind: 'ProviderConfig', name: `${tenant}-aws` });
      expect(spec.writeConnectionSecretToRef?.namespace, where).toBeUndefined();
      // References name objects of the same bundle, in the same namespace (namespaced refs resolve there).
      const names = new Set(rendered.filter((o) => o.cluster === r.cluster && tenantFolder(o.path) === tenant && o.obj.metadata.namespace === ns).map((o) => o.obj.metadata.name));
      for (const [key, ref] of Object.entries(flattenRefs((spec as Record<string, unknown>).forProvider))) {
        expect((ref as { namespace?: string }).namespace, `${where} ${key}`).toBeUndefined();
        // `*SecretRef`s name Secrets the provider writes in the MR's own namespace (generated passwords, tokens).
        if (key.endsWith('SecretRef')) continue;
        expect(names.has((ref as { name: string }).name), `${where} ${key} -> ${(ref as { name: string }).name}`).toBe(true);
      }
    }
  });

  it('GIVEN every role a tenant role creates WHEN rendered THEN it carries its own tenant\'s boundary and tag, and trusts only Pod Identity, the CI OIDC providers or external-secrets', () => {
    const roles = rendered.filter((r) => tenantFolder(r.path) && r.obj.kind === 'Role' && r.obj.metadata.namespace !== 'crossplane-system');
    expect(roles.length).toBeGreaterThan(5);
    const principals = new Set<string>();
    for (const r of roles) {
      const tenant = tenantFolder(r.path)!;
      const cluster = fleet.clusters.find((c) => c.spec.name === r.cluster)!.spec;
      const account = cluster.aws.accountId;
      const ci = cluster.tenancy.ciOidcProviders;
      const fp = (r.obj.spec as { forProvider: { assumeRolePolicy: string; permissionsBoundary?: string; tags: Record<string, string> } }).forProvider;
      const where = `${r.cluster}/${r.path}`;
      expect(fp.permissionsBoundary, where).toBe(`arn:aws:iam::${account}:policy/${r.cluster}-boundary-${prefixOf(tenant)}`);
      expect(fp.tags[TENANT], where).toBe(prefixOf(tenant));
      const expected = [
        JSON.stringify({ Service: 'pods.eks.amazonaws.com' }),
        JSON.stringify({ Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com` }),
        JSON.stringify({ AWS: `arn:aws:iam::${account}:role/${r.cluster}-external-secrets` }),
        // Only the CI providers the cluster file declares.
        ...(ci.circleci ? [JSON.stringify({ Federated: `arn:aws:iam::${account}:oidc-provider/oidc.circleci.com/org/${ci.circleci.organizationId}` })] : []),
        ...(ci.gitlab ? [JSON.stringify({ Federated: `arn:aws:iam::${account}:oidc-provider/${ci.gitlab.url.replace('https://', '')}` })] : []),
      ];
      for (const st of JSON.parse(fp.assumeRolePolicy).Statement as { Principal: unknown }[]) {
        principals.add(Object.keys(st.Principal as object)[0]!);
        expect(expected, `${where} trusts ${JSON.stringify(st.Principal)}`).toContain(JSON.stringify(st.Principal));
      }
    }
    // The example fleet exercises all three kinds of trust.
    expect([...principals].sort()).toEqual(['AWS', 'Federated', 'Service']);
  });

  it('GIVEN every tenant role WHEN rendered THEN it is tagged with its tenant\'s AWS prefix, which the boundary scopes by', () => {
    const roles = rendered.filter((r) => tenantFolder(r.path) && r.obj.kind === 'Role' && r.obj.metadata.namespace === 'crossplane-system');
    expect(roles.length).toBeGreaterThan(3);
    for (const r of roles) expect((r.obj.spec as { forProvider: { tags: Record<string, string> } }).forProvider.tags[TENANT], r.path).toBe(prefixOf(tenantFolder(r.path)!));
  });

  it('GIVEN every SecretStore WHEN rendered THEN it reads with its own tenant role, under its own prefix or that of an owner listing it as a secret reader', () => {
    const stores = rendered.filter((r) => r.obj.kind === 'SecretStore');
    expect(stores.length).toBeGreaterThan(3);
    let shared = 0;
    for (const r of stores) {
      const tenant = namespacesOf.get(`${r.cluster}/${r.obj.metadata.namespace}`)!;
      const aws = (r.obj.spec as { provider: { aws: { role: string; prefix: string } } }).provider.aws;
      // <tenant>-secrets-<owner>: only when the owner lets the tenant read one of its secrets.
      const owner = r.obj.metadata.name.startsWith(`${tenant}-secrets-`) ? r.obj.metadata.name.slice(`${tenant}-secrets-`.length) : tenant;
      if (owner !== tenant) {
        shared++;
        expect(fleet.tenants.find((t) => t.spec.name === owner)!.spec.aws.secrets.some((x) => x.readers.includes(tenant)), r.path).toBe(true);
      }
      expect(aws.prefix, r.path).toBe(`${r.cluster}/${prefixOf(owner)}/`);
      expect(aws.role, r.path).toMatch(new RegExp(`:role/${r.cluster}-${prefixOf(tenant)}-secrets$`));
    }
    expect(shared).toBe(2);
  });
  it("GIVEN the rendered log shipping WHEN a tenant namespace logs THEN fluent-bit's table sends it to its own tenant's Loki tenant, and no other namespace to any tenant", () => {
    for (const c of fleet.clusters) {
      const cm = rendered.find((r) => r.cluster === c.spec.name && r.obj.kind === 'ConfigMap' && r.obj.metadata.name === 'fluent-bit-loki-tenants')!;
      const lua = (cm.obj['data'] as Record<string, string>)['loki-tenants.lua']!;
      const table = new Map([...lua.matchAll(/^ {2}\["([^"]+)"\] = "([^"]+)",$/gm)].map((m) => [m[1]!, m[2]!]));
      const here = [...namespacesOf].filter(([key]) => key.startsWith(`${c.spec.name}/`)).map(([key, tenant]) => [key.slice(c.spec.name.length + 1), tenant] as const);
      // exactly the tenant namespaces of this cluster, each to its own tenant
      expect([...table].sort(), c.spec.name).toEqual([...here].sort());
      expect(lua).toContain('or "platform"');
    }
  });

  it("GIVEN the rendered Grafana login WHEN a member of one tenant's owner team logs in THEN org_mapping gives them roles in that tenant's organisation only", () => {
    const owners = new Map(fleet.tenants.map((t) => [t.spec.name, new Set(t.spec.owners.map((o) => o.team.replace('/', ':')))]));
    const platform = new Set((fleet.clusters.find((c) => c.spec.management)!.spec.platformTeams ?? []).map((t) => t.replace('/', ':')));
    for (const c of fleet.clusters) {
      const cm = rendered.find((r) => r.cluster === c.spec.name && r.obj.kind === 'ConfigMap' && r.obj.metadata.name === 'grafana-org-mapping')!;
      const mapping = (cm.obj['data'] as Record<string, string>)['org_mapping']!;
      const entries = mapping.split(' ').map((e) => e.split(/(?<!\\):/).map((p) => p.replaceAll('\\:', ':')));
      for (const [group, org, role] of entries) {
        if (platform.has(group!)) {
          expect([`1:Editor`, `*:Viewer`], group).toContain(`${org}:${role}`);
          continue;
        }
        expect(owners.get(org!)?.has(group!), `${c.spec.name}: ${group} in organisation ${org}`).toBe(true);
        expect(['Editor', 'Viewer']).toContain(role);
      }
      // every owner team of every tenant the cluster serves has an entry
      const served = c.spec.management ? fleet.tenants : fleet.tenants.filter((t) => t.spec.clusters.includes(c.spec.name));
      for (const t of served) for (const o of owners.get(t.spec.name)!) expect(entries.some(([g, org]) => g === o && org === t.spec.name), `${o} → ${t.spec.name}`).toBe(true);
    }
  });
  it("GIVEN the rendered metrics access WHEN a team's organisation queries metrics THEN its data source names its own tenant's namespaces only, and only Grafana may reach the proxy that enforces them", () => {
    for (const c of fleet.clusters) {
      const sync = rendered.find((r) => r.cluster === c.spec.name && r.obj.kind === 'ConfigMap' && r.obj.metadata.name === 'grafana-org-sync')!;
      const config = JSON.parse((sync.obj['data'] as Record<string, string>)['orgs.json']!) as { orgs: { name: string; namespaces: string[] }[]; metrics: { url: string } };
      expect(config.metrics.url).toBe('http://grafana-metrics-proxy.grafana.svc.cluster.local:8080');
      const served = c.spec.management ? fleet.tenants : fleet.tenants.filter((t) => t.spec.clusters.includes(c.spec.name));
      expect(config.orgs.map((o) => o.name)).toEqual(served.map((t) => t.spec.name).sort());
      for (const org of config.orgs) {
        const t = fleet.tenants.find((x) => x.spec.name === org.name)!;
        expect(org.namespaces, org.name).toEqual([t.spec.name, ...t.spec.namespaces.map((s) => `${t.spec.name}-${s}`)].sort());
      }
      const policy = rendered.find((r) => r.cluster === c.spec.name && r.obj.kind === 'NetworkPolicy' && r.obj.metadata.name === 'grafana-metrics-proxy')!;
      const from = (policy.obj['spec'] as { ingress: { from: Record<string, unknown>[] }[] }).ingress.flatMap((rule) => rule.from);
      expect(from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' } } }]);
    }
  });
});

/** Every `*Ref` object in a forProvider, keyed by its dotted path. */
function flattenRefs(v: unknown, path = ''): Record<string, unknown> {
  if (v === null || typeof v !== 'object') return {};
  if (Array.isArray(v)) return Object.assign({}, ...v.map((x, i) => flattenRefs(x, `${path}[${i}]`)));
  return Object.assign(
    {},
    ...Object.entries(v).map(([k, x]) => (k.endsWith('Ref') && x && typeof x === 'object' && 'name' in x ? { [`${path}.${k}`]: x } : k.endsWith('Refs') && Array.isArray(x) ? Object.fromEntries(x.map((r, i) => [`${path}.${k}[${i}]`, r])) : flattenRefs(x, `${path}.${k}`))),
  );
}
