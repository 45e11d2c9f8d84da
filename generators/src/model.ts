import type { App, Cluster, Tenant } from '@platform/schemas';
import type { SourceFile } from './load/source-file.js';

/** An input as loaded: its validated spec (defaults filled) and the file it came from. */
export interface Loaded<T> {
  readonly spec: T;
  readonly source: SourceFile;
}

export interface LoadedApp extends Loaded<App> {
  /** The tenant that owns the app: the folder name under apps/. */
  readonly tenant: string;
}

/** A Grafana dashboard file a tenant names in `dashboards`. */
export interface TenantDashboardFile {
  readonly name: string;
  /** Repository-relative path, `tenants/<tenant>/dashboards/<name>.json`. */
  readonly path: string;
  /** The dashboard JSON as written. */
  readonly json: string;
}

/** The whole fleet as the inputs describe it, each list sorted by name. */
export interface Fleet {
  readonly clusters: readonly Loaded<Cluster>[];
  readonly tenants: readonly Loaded<Tenant>[];
  readonly apps: readonly LoadedApp[];
  /** The dashboard files of each tenant that names any, by tenant name. @default - none */
  readonly dashboards?: ReadonlyMap<string, readonly TenantDashboardFile[]>;
}
