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

/** The whole fleet as the inputs describe it, each list sorted by name. */
export interface Fleet {
  readonly clusters: readonly Loaded<Cluster>[];
  readonly tenants: readonly Loaded<Tenant>[];
  readonly apps: readonly LoadedApp[];
}
