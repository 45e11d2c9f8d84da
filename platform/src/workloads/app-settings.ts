import type { App } from '@platform/schemas';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import { CONNECTION_KINDS, CONNECTION_SECRET_KINDS, type ConnectionKind, connectionSecretName, replicaConnectionSecretName } from '../tenant-aws/tenant-connection-secrets.js';

/** Autoscaling bounds of an app. */
export type Autoscaling = NonNullable<App['autoscaling']>;

/** The environment classes a cluster can belong to; app overrides are keyed by them. */
export type Environment = 'development' | 'staging' | 'production';

/** CPU and memory of one container, as Kubernetes quantities. */
export interface ComputeResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/** One health check with its port resolved. `path` set: HTTP GET; absent: TCP connect. */
export interface ProbeSettings {
  readonly path?: string;
  readonly port: number;
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}

/** A secret environment variable: the full Secrets Manager key and the JSON property to read. */
export interface SecretSettings {
  readonly key: string;
  readonly property?: string;
}

/** What an app runs as. */
export type WorkloadKind = App['kind'];

/** How the runs of a CronJob or Job behave. */
export type JobSettings = App['job'];

/** One alerting rule of an app (the schema's `alerts.rules[]`). */
export type AlertRuleSettings = App['alerts']['rules'][number];

/** The resource whose connection Secret a value comes from. */
export interface ConnectionSource {
  readonly kind: ConnectionKind;
  /** The resource's name in the tenant file. */
  readonly resource: string;
  /** Its connection Secret in the tenant's main namespace. */
  readonly secretName: string;
  /** The read replica of a database whose Secret it is (from 1). @default - the primary */
  readonly replica?: number;
}

/** An environment variable read from one key of a connection Secret. */
export interface ConnectionEnvSettings extends ConnectionSource {
  readonly key: string;
}

/** A connection Secret mounted read-only at `path`. */
export interface ConnectionFilesSettings extends ConnectionSource {
  readonly path: string;
}

/** An app as it runs in one cluster: overrides of the cluster's environment applied, every default resolved. */
export interface AppSettings {
  readonly name: string;
  readonly tenant: string;
  readonly namespace: string;
  readonly image: { readonly repository: string; readonly tag: string };
  readonly kind: WorkloadKind;
  /** Cron expression of a CronJob. */
  readonly schedule?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly job: JobSettings;
  readonly port?: number;
  /** Fixed pod count (1 for a CronJob or Job: one run at a time); undefined when `autoscaling` is set. */
  readonly replicas?: number;
  readonly autoscaling?: Autoscaling;
  readonly resources: ComputeResources;
  readonly probes: { readonly liveness?: ProbeSettings; readonly readiness?: ProbeSettings; readonly startup?: ProbeSettings };
  readonly env: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, SecretSettings>>;
  readonly connections: { readonly env: Readonly<Record<string, ConnectionEnvSettings>>; readonly files: readonly ConnectionFilesSettings[] };
  readonly ingress?: { readonly host: string; readonly path: string; readonly public: boolean };
  readonly metrics?: { readonly port: number; readonly path: string; readonly interval: string };
  readonly awsAccess: boolean;
  readonly alerts: Readonly<App['alerts']['defaults']> & { readonly rules: readonly AlertRuleSettings[] };
}

export interface AppSettingsContext {
  readonly tenant: string;
  readonly cluster: string;
  readonly environment: Environment;
  /** Resources of a container that states none: the tenant's limit-range defaults. */
  readonly defaults: ComputeResources;
}

/** Pod count when neither `replicas` nor `autoscaling` is given: survives a node drain. */
export const DEFAULT_REPLICAS = 2;

/** The namespace an app runs in: the tenant's main namespace, or `<tenant>-<suffix>`. */
export function appNamespace(tenant: string, suffix: string | undefined): string {
  return suffix ? `${tenant}-${suffix}` : tenant;
}

/**
 * Resolves an app file for one cluster: applies `environments.<environment>`, fills resources from
 * the tenant's defaults and probe ports from the app port. Pure data; throws only on settings the
 * app rules reject first (a probe with no port).
 */
export function appSettings(app: App, ctx: AppSettingsContext): AppSettings {
  const o = app.environments?.[ctx.environment] ?? {};
  const scaling = o.replicas !== undefined || o.autoscaling !== undefined ? o : app;
  const autoscaling = scaling.autoscaling;
  const resources = o.resources ?? {};
  const pick = (k: 'requests' | 'limits', q: 'cpu' | 'memory') => resources[k]?.[q] ?? app.resources?.[k]?.[q] ?? ctx.defaults[k][q];
  const probe = (which: 'liveness' | 'readiness' | 'startup'): ProbeSettings | undefined => {
    const p = app.probes?.[which];
    if (!p) return undefined;
    const port = p.port ?? app.port;
    if (port === undefined) throw new Error(`'probes.${which}.port' is required when the app has no 'port'`);
    return { ...p, port };
  };
  const defaultReadiness = app.port !== undefined && !app.probes ? { port: app.port, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } : undefined;
  const metricsPort = app.metrics ? (app.metrics.port ?? app.port) : undefined;
  if (app.metrics && metricsPort === undefined) throw new Error(`'metrics.port' is required when the app has no 'port'`);
  return {
    name: app.name,
    tenant: ctx.tenant,
    namespace: appNamespace(ctx.tenant, app.namespace),
    image: app.image,
    kind: app.kind,
    schedule: app.schedule,
    command: app.command,
    args: app.args,
    job: app.job,
    port: app.port,
    replicas: app.kind !== 'Deployment' ? 1 : autoscaling ? undefined : (scaling.replicas ?? DEFAULT_REPLICAS),
    autoscaling,
    resources: {
      requests: { cpu: pick('requests', 'cpu'), memory: pick('requests', 'memory') },
      limits: { cpu: pick('limits', 'cpu'), memory: pick('limits', 'memory') },
    },
    probes: { liveness: probe('liveness'), readiness: probe('readiness') ?? defaultReadiness, startup: probe('startup') },
    env: definedEntries({ ...app.env, ...o.env }),
    // Keys stay relative: the tenant SecretStore adds the `<cluster>/<tenant>/` prefix itself.
    secrets: Object.fromEntries(Object.entries(definedEntries(app.secrets ?? {})).map(([k, s]) => [k, { key: s.key, property: s.property }])),
    connections: {
      env: Object.fromEntries(Object.entries(definedEntries(app.connections.env)).flatMap(([k, c]) => connectionSources(c).slice(0, 1).map((src) => [k, { ...src, key: c.key }]))),
      files: app.connections.files.flatMap((f) => connectionSources(f).slice(0, 1).map((src) => ({ ...src, path: f.path }))),
    },
    ingress: app.ingress ? { ...app.ingress, host: o.ingress?.host ?? app.ingress.host } : undefined,
    metrics: app.metrics && metricsPort !== undefined ? { port: metricsPort, path: app.metrics.path, interval: app.metrics.interval } : undefined,
    awsAccess: app.serviceAccount?.awsAccess ?? false,
    alerts: { ...app.alerts.defaults, rules: app.alerts.rules },
  };
}

/**
 * The resources a `connections` entry names, one per `from…` field it sets (exactly one is valid; the app rules
 * report the others).
 */
export function connectionSources(entry: Partial<Record<ConnectionSecretFromField, string>> & { readonly replica?: number }): ConnectionSource[] {
  return CONNECTION_KINDS.flatMap((kind) => {
    const resource = entry[CONNECTION_SECRET_KINDS[kind].appField];
    if (resource === undefined) return [];
    const replica = kind === 'database' ? entry.replica : undefined;
    return [{ kind, resource, secretName: replica === undefined ? connectionSecretName(kind, resource) : replicaConnectionSecretName(resource, replica), ...(replica === undefined ? {} : { replica }) }];
  });
}

type ConnectionSecretFromField = (typeof CONNECTION_SECRET_KINDS)[ConnectionKind]['appField'];

/** Labels that select an app's pods. Stable for the app's life: a Deployment's selector is immutable. */
export function selectorLabels(s: Pick<AppSettings, 'name' | 'tenant'>): Record<string, string> {
  return { 'app.kubernetes.io/name': s.name, 'app.kubernetes.io/instance': `${s.tenant}-${s.name}` };
}

/** Labels on every object of an app: the selector labels plus the tenant. */
export function appLabels(s: Pick<AppSettings, 'name' | 'tenant'>): Record<string, string> {
  return { ...selectorLabels(s), 'app.kubernetes.io/part-of': s.tenant, [TENANT_LABEL]: s.tenant };
}

/** Pods at most: the autoscaler's max, or the fixed count. */
export function maxPods(s: Pick<AppSettings, 'replicas' | 'autoscaling'>): number {
  return s.autoscaling ? s.autoscaling.max : (s.replicas ?? DEFAULT_REPLICAS);
}

/** Pods at least: the autoscaler's min, or the fixed count. */
export function minPods(s: Pick<AppSettings, 'replicas' | 'autoscaling'>): number {
  return s.autoscaling ? s.autoscaling.min : (s.replicas ?? DEFAULT_REPLICAS);
}

function definedEntries<T>(map: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(map).sort()) if (map[k] !== undefined) out[k] = map[k] as T;
  return out;
}
