import { TenantNamespace } from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';

/** tenants/<team>/: each tenant's namespace bundle on this cluster. */
export function renderTenantsLayer(ctx: ClusterContext): void {
  for (const t of ctx.tenants) {
    const chart = ctx.chart(`tenant-${t.spec.name}`, `tenants/${t.spec.name}`, [t.source.path]);
    const names = [t.spec.name, ...t.spec.namespaces.map((s) => `${t.spec.name}-${s}`)];
    for (const ns of names) {
      new TenantNamespace(chart, ns, { name: ns, tenant: t.spec.name, environment: ctx.cluster.spec.environment });
    }
  }
}
