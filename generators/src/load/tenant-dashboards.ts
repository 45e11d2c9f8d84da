import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tenant } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import { MAX_INPUT_BYTES } from './source-file.js';
import type { Loaded, TenantDashboardFile } from '../model.js';

/** Where a tenant's dashboard file lives, relative to the repository root. */
export const tenantDashboardPath = (tenant: string, dashboard: string) => `tenants/${tenant}/dashboards/${dashboard}.json`;

/**
 * Reads the dashboard files every tenant names in `dashboards`. A missing file, one too large, one that is not a JSON
 * object or one without `panels` is a problem at the tenant file's `dashboards[i]`; the JSON is kept as written.
 */
export function loadTenantDashboards(root: string, tenants: readonly Loaded<Tenant>[], problems: Diagnostic[]): Map<string, TenantDashboardFile[]> {
  const out = new Map<string, TenantDashboardFile[]>();
  for (const t of tenants) {
    const files: TenantDashboardFile[] = [];
    (t.spec.dashboards ?? []).forEach((name, i) => {
      const path = tenantDashboardPath(t.spec.name, name);
      const problem = (found: string) => problems.push(t.source.problem(['dashboards', i], `found "${name}", but ${found}; allowed: the name of a Grafana dashboard JSON file ${path}`));
      const abs = join(root, path);
      if (!existsSync(abs)) return problem(`${path} does not exist`);
      if (statSync(abs).size > MAX_INPUT_BYTES) return problem(`${path} is larger than ${MAX_INPUT_BYTES} bytes`);
      const json = readFileSync(abs, 'utf8');
      let model: unknown;
      try {
        model = JSON.parse(json);
      } catch (e) {
        return problem(`${path} is not JSON (${(e as Error).message})`);
      }
      if (typeof model !== 'object' || model === null || Array.isArray(model) || !Array.isArray((model as { panels?: unknown }).panels)) {
        return problem(`${path} is not a dashboard (a JSON object with "panels")`);
      }
      files.push({ name, path, json });
    });
    if (files.length > 0) out.set(t.spec.name, files);
  }
  return out;
}
