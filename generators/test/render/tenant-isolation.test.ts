import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown };
const TENANT = 'platform.example.com/tenant';
const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..'));

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
    const owners = new Map(fleet.tenants.map((t) => [t.spec.name, t.spec.owners.map((o) => `github:${o.team}`)]));
    for (const r of rendered.filter((x) => x.obj.kind === 'RoleBinding' || x.obj.kind === 'ClusterRoleBinding')) {
      for (const s of (r.obj['subjects'] ?? []) as { kind: string; name: string }[]) {
        const owner = [...owners].find(([, groups]) => groups.includes(s.name))?.[0] ?? (s.kind === 'ServiceAccount' && s.name.startsWith('tenant-') ? s.name.slice(7) : undefined);
        if (!owner) continue;
        expect(r.obj.kind, `${r.path}`).toBe('RoleBinding');
        const nsTenant = namespacesOf.get(`${r.cluster}/${r.obj.metadata.namespace}`);
        // a team that owns several tenants may be bound in each of them
        expect(nsTenant !== undefined && (nsTenant === owner || owners.get(nsTenant)!.includes(s.name)), `${r.cluster}/${r.path}: ${s.name}`).toBe(true);
        expect((r.obj['roleRef'] as { name: string }).name).toMatch(/^tenant-(admin|edit|view)$/);
      }
    }
  });

  it('GIVEN every NetworkPolicy WHEN rendered THEN ingress from other tenants is admitted only when declared', () => {
    const allowed = new Map(fleet.tenants.map((t) => [t.spec.name, new Set([t.spec.name, ...t.spec.network.allowFrom])]));
    const policies = rendered.filter((r) => r.obj.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const r of policies) {
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
});
