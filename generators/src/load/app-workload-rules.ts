import { CONNECTION_KINDS, CONNECTION_SECRET_KINDS, DEFAULT_ALERT_NAMES, databaseConnectionKeys, appNamespace, connectionSources } from '@platform/platform';
import type { App, Tenant } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Loaded, LoadedApp } from '../model.js';

type Path = (string | number)[];
const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

const written = (app: LoadedApp, path: Path) => app.source.has(path);

/** Fields that only a Deployment has: CronJobs and Jobs serve nothing, scale to nothing and run one pod at a time. */
const DEPLOYMENT_ONLY = ['port', 'replicas', 'autoscaling', 'probes', 'ingress', 'metrics'] as const;
const DEPLOYMENT_ONLY_OVERRIDES = ['replicas', 'autoscaling', 'ingress'] as const;

/**
 * `kind` decides which fields apply: a CronJob needs a `schedule` and nothing else may have one; CronJobs and Jobs
 * have none of a Deployment's serving and scaling fields; `job` is for CronJobs and Jobs, and its CronJob-only
 * fields for CronJobs.
 */
export const appWorkloadKind: FleetRule = (fleet) =>
  fleet.apps.flatMap((app) => {
    const { kind } = app.spec;
    const problems: Diagnostic[] = [];
    const at = (path: Path, message: string) => problems.push(app.source.problem(path, message));
    if (kind === 'CronJob' && app.spec.schedule === undefined) at(['kind'], 'found kind CronJob without "schedule"; allowed: a cron expression such as schedule: "30 2 * * *"');
    if (kind !== 'CronJob' && app.spec.schedule !== undefined) at(['schedule'], `found "schedule" on a ${kind}; allowed: "schedule" only with kind: CronJob`);
    if (kind === 'Deployment') {
      if (written(app, ['job'])) at(['job'], 'found "job" on a Deployment; allowed: "job" only with kind: CronJob or Job');
      return problems;
    }
    const notHere = (field: string) => `found "${field}" on a ${kind}, which serves no traffic and runs one pod at a time; allowed: "${field}" only on a Deployment`;
    for (const field of DEPLOYMENT_ONLY) if (written(app, [field])) at([field], notHere(field));
    for (const env of ENVIRONMENTS) {
      for (const field of DEPLOYMENT_ONLY_OVERRIDES) if (written(app, ['environments', env, field])) at(['environments', env, field], notHere(field));
    }
    if (kind === 'Job') {
      for (const field of ['concurrencyPolicy', 'startingDeadlineSeconds']) {
        if (written(app, ['job', field])) at(['job', field], `found "job.${field}" on a Job; allowed: "job.${field}" only with kind: CronJob`);
      }
    }
    return problems;
  });

/**
 * `connections` read the connection Secrets of the tenant's own resources, which Crossplane writes into the tenant's
 * main namespace: each entry names exactly one resource that the tenant file declares, and a key that the resource's
 * kind writes; a resource in the VPC must be rendered on every cluster the app runs on (the cluster has
 * `network.ids`); the app runs in the main namespace; files go to distinct directories other than /tmp; a variable is
 * set in one place only.
 */
export const appConnections: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c]));
  return fleet.apps.flatMap((app) => {
    const tenant = tenants.get(app.tenant);
    const { env, files } = app.spec.connections;
    if (!tenant || (Object.keys(env).length === 0 && files.length === 0)) return [];
    const problems: Diagnostic[] = [];
    const at = (path: Path, message: string) => problems.push(app.source.problem(path, message));
    if (app.spec.namespace) {
      at(['connections'], `found connections on an app in namespace "${appNamespace(app.tenant, app.spec.namespace)}"; allowed: connections only on apps in the tenant's main namespace "${app.tenant}", where Crossplane writes the connection Secrets`);
    }
    const withoutNetwork = (app.spec.clusters ?? tenant.spec.clusters).flatMap((n) => {
      const c = clusters.get(n);
      return c && !c.spec.network.ids ? [c] : [];
    });
    const source = (path: Path, entry: Parameters<typeof connectionSources>[0]): ReturnType<typeof connectionSources>[number] | undefined => {
      const found = connectionSources(entry);
      const fields = CONNECTION_KINDS.map((k) => CONNECTION_SECRET_KINDS[k].appField);
      if (found.length !== 1) {
        const what = found.length === 0 ? 'no resource' : found.map((f) => `"${CONNECTION_SECRET_KINDS[f.kind].appField}"`).join(' and ');
        at(path, `found ${what}; allowed: exactly one of ${fields.join(', ')}`);
        return undefined;
      }
      const src = found[0]!;
      const kind = CONNECTION_SECRET_KINDS[src.kind];
      const declared = (tenant.spec.aws[kind.tenantField] as readonly { name: string }[]).map((r) => r.name);
      if (!declared.includes(src.resource)) {
        at([...path, kind.appField], `${src.kind} "${src.resource}" is not a resource of tenant "${app.tenant}"; allowed: ${quoted(declared) || `none (declare it under aws.${kind.tenantField} in ${tenant.source.path})`}`);
        return undefined;
      }
      if (entry.replica !== undefined) {
        const db = src.kind === 'database' ? tenant.spec.aws.databases.find((d) => d.name === src.resource) : undefined;
        const replicas = db?.readReplicas ?? 0;
        if (src.kind !== 'database') at([...path, 'replica'], `found replica ${entry.replica} with ${kind.appField}; allowed: replica only with fromDatabase`);
        else if (db?.engine === 'aurora-postgresql') at([...path, 'replica'], `found replica ${entry.replica} of Aurora database "${src.resource}"; allowed: no replica (its readers are behind the key "reader_endpoint" of its Secret)`);
        else if (entry.replica > replicas) at([...path, 'replica'], `found ${entry.replica}; allowed: ${replicas === 0 ? `none (database "${src.resource}" has no readReplicas in ${tenant.source.path})` : `1 to ${replicas} (the readReplicas of database "${src.resource}")`}`);
      }
      for (const c of kind.inVpc ? withoutNetwork : []) {
        at([...path, kind.appField], `${src.kind} "${src.resource}" is not rendered on cluster "${c.spec.name}", which has no network.ids (${c.source.path}), so its connection Secret never exists there; allowed: fill in network.ids, or leave "${c.spec.name}" out of the app's clusters`);
      }
      return src;
    };
    const elsewhere = new Map<string, string>([...Object.keys(app.spec.env ?? {}).map((k) => [k, 'env'] as const), ...Object.keys(app.spec.secrets).map((k) => [k, 'secrets'] as const)]);
    for (const [name, entry] of Object.entries(env)) {
      if (!entry) continue;
      const path = ['connections', 'env', name];
      if (elsewhere.has(name)) at(path, `variable "${name}" is also set in ${elsewhere.get(name)}; allowed: each variable in one of env, secrets and connections.env`);
      const src = source(path, entry);
      const engine = src?.kind === 'database' ? tenant.spec.aws.databases.find((d) => d.name === src.resource)?.engine : undefined;
      const keys = !src ? [] : engine ? databaseConnectionKeys(engine, src.replica !== undefined) : CONNECTION_SECRET_KINDS[src.kind].keys;
      const what = src?.replica !== undefined ? 'a database read replica' : engine === 'aurora-postgresql' ? 'an Aurora database' : `a ${src?.kind}`;
      if (src && !keys.includes(entry.key)) at([...path, 'key'], `found key "${entry.key}"; allowed: ${quoted(keys)} (the keys the connection Secret of ${what} holds)`);
    }
    const paths = new Set<string>();
    files.forEach((f, i) => {
      source(['connections', 'files', i], f);
      if (f.path === '/tmp' || f.path.startsWith('/tmp/')) at(['connections', 'files', i, 'path'], `found "${f.path}"; allowed: a directory outside /tmp, the pod's writable scratch space`);
      if (paths.has(f.path)) at(['connections', 'files', i, 'path'], `found "${f.path}" twice; allowed: each directory once`);
      paths.add(f.path);
    });
    return problems;
  });
};

/** `namespace="<value>"` matchers in a PromQL expression. */
const NAMESPACE_MATCHER = /\bnamespace\s*=\s*"([^"]*)"/g;

/** Unbalanced (), [] or {} outside string literals: the first offending character, if any. */
function unbalanced(expr: string): string | undefined {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) open.push(ch);
    else if (ch in pairs && open.pop() !== pairs[ch]) return ch;
  }
  return quote ?? open.pop();
}

/**
 * An app's alert names are unique, including the names of the platform defaults it keeps on; an expression has
 * balanced brackets and quotes, and selects by `namespace="…"` only the tenant's own namespaces (the alerts go to the
 * tenant's channel).
 */
export const appAlerts: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  return fleet.apps.flatMap((app) => {
    const { defaults, rules } = app.spec.alerts;
    const tenant = tenants.get(app.tenant);
    const own = tenant ? tenantNamespaces(tenant) : [];
    const seen = new Set<string>(Object.entries(DEFAULT_ALERT_NAMES).filter(([k]) => defaults[k as keyof App['alerts']['defaults']]).map(([, n]) => n));
    const problems: Diagnostic[] = [];
    rules.forEach((r, i) => {
      const at = (field: string, message: string) => problems.push(app.source.problem(['alerts', 'rules', i, field], message));
      if (seen.has(r.name)) {
        const isDefault = Object.values(DEFAULT_ALERT_NAMES).includes(r.name as never);
        at('name', `found alert "${r.name}" twice; allowed: each name once${isDefault ? ' (it is a default rule: switch it off under alerts.defaults to replace it)' : ''}`);
      }
      seen.add(r.name);
      const bad = unbalanced(r.expr);
      if (bad) at('expr', `found an unbalanced "${bad}"; allowed: a PromQL expression whose brackets and quotes are closed`);
      for (const [, ns] of r.expr.matchAll(NAMESPACE_MATCHER)) {
        if (tenant && !own.includes(ns!)) at('expr', `found namespace="${ns}", which is not a namespace of tenant "${app.tenant}"; allowed: ${quoted(own)}`);
      }
    });
    return problems;
  });
};

function tenantNamespaces(t: Loaded<Tenant>): string[] {
  return [t.spec.name, ...t.spec.namespaces.map((s) => appNamespace(t.spec.name, s))];
}

/** The rules of this file, in the order they run (listed in APP_RULES). */
export const APP_WORKLOAD_RULES: FleetRule[] = [appWorkloadKind, appConnections, appAlerts];
