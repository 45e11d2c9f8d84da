/**
 * The data model of a semantic diff of `out/`: which objects were added, removed or changed between a base
 * git ref and the working tree, the field-level changes of each, and the destructive findings.
 *
 * Renderers (text, markdown) and the guard only read these types; nothing here touches git or the disk.
 */

/** Identity and location of one rendered object. */
export interface ObjectRef {
  readonly cluster: string;
  /** The layer folder the object lives in, e.g. `tenants` or `addons` (the out/ layout in the README). */
  readonly layer: string;
  /** Repo-relative file path, e.g. `out/staging/tenants/team-a/namespace-team-a.yaml`. */
  readonly path: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** @default - cluster-scoped objects have no namespace */
  readonly namespace?: string;
  readonly name: string;
}

export type ChangeAction = 'added' | 'removed' | 'changed';

/** One changed leaf or subtree of an object, with a human-readable path such as `spec.hard.cpu`. */
export interface FieldChange {
  readonly path: string;
  readonly action: ChangeAction;
  /** @default - absent for `added` */
  readonly before?: unknown;
  /** @default - absent for `removed` */
  readonly after?: unknown;
}

export interface ObjectChange {
  readonly action: ChangeAction;
  /** The object in the working tree, or in the base ref when it was removed. */
  readonly ref: ObjectRef;
  /** Field-level changes; for an added object every field it sets (bar its identity); empty for a removed one. */
  readonly fields: readonly FieldChange[];
  /** The whole object before and after, for the guard (never rendered as such). */
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
}

/** A change that would destroy data or force a cloud resource to be replaced. */
export interface Finding {
  readonly ref: ObjectRef;
  /** What happens, e.g. `S3 Bucket team-a/team-a-data is removed`. */
  readonly what: string;
  /** What would be lost and why. */
  readonly loss: string;
  /** @default - the finding is about the whole object */
  readonly field?: string;
}

export interface DiffReport {
  /** The git ref the working tree was compared with, as the user gave it. */
  readonly base: string;
  /** Every change, sorted by cluster, layer, path. */
  readonly changes: readonly ObjectChange[];
  readonly findings: readonly Finding[];
}

export interface ClusterSummary {
  readonly cluster: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly destructive: number;
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function qualifiedName(ref: ObjectRef): string {
  return `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${qualifiedName(ref)}`;
}

/** Counts per cluster, in cluster order. */
export function summarize(report: DiffReport): ClusterSummary[] {
  const byCluster = new Map<string, { added: number; changed: number; removed: number; destructive: number }>();
  const entry = (cluster: string) => {
    let e = byCluster.get(cluster);
    if (!e) byCluster.set(cluster, (e = { added: 0, changed: 0, removed: 0, destructive: 0 }));
    return e;
  };
  for (const c of report.changes) entry(c.ref.cluster)[c.action] += 1;
  for (const f of report.findings) entry(f.ref.cluster).destructive += 1;
  return [...byCluster.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cluster, e]) => ({ cluster, ...e }));
}

/** Changes that read the same in the clusters of `clusters`: one entry stands for all of them. */
export interface ChangeSection {
  /** The clusters, in order; one for a cluster's own changes. */
  readonly clusters: readonly string[];
  /** The changes, as they are in the first of the clusters. */
  readonly changes: readonly ObjectChange[];
}

/** What makes two changes in different clusters the same change: the object (bar its cluster), the action, the fields. */
function sameness(c: ObjectChange): string {
  return JSON.stringify([c.ref.layer, c.ref.apiVersion, c.ref.kind, c.ref.namespace ?? '', c.ref.name, c.action, c.fields]);
}

/**
 * The report's changes in sections, so a change made identically in several clusters is said once: first the changes
 * shared by a set of clusters (the largest sets first), then each cluster's own, in cluster order. Every change is in
 * exactly one section.
 */
export function sectionChanges(changes: readonly ObjectChange[]): ChangeSection[] {
  const bySameness = new Map<string, ObjectChange[]>();
  for (const c of changes) {
    const key = sameness(c);
    const list = bySameness.get(key);
    if (list) list.push(c);
    else bySameness.set(key, [c]);
  }
  const sections = new Map<string, { clusters: string[]; changes: ObjectChange[] }>();
  for (const same of bySameness.values()) {
    const clusters = [...new Set(same.map((c) => c.ref.cluster))].sort();
    const key = clusters.join('\0');
    const section = sections.get(key) ?? { clusters, changes: [] };
    sections.set(key, section);
    // Within one cluster, an object appears once; several hits in one cluster stay separate changes.
    section.changes.push(...(clusters.length > 1 ? [same[0]!] : same));
  }
  const order = (a: ChangeSection, b: ChangeSection) =>
    b.clusters.length - a.clusters.length || (a.clusters.join(',') < b.clusters.join(',') ? -1 : a.clusters.join(',') > b.clusters.join(',') ? 1 : 0);
  const byLocation = (a: ObjectChange, b: ObjectChange) => (a.ref.layer === b.ref.layer ? (a.ref.path < b.ref.path ? -1 : 1) : a.ref.layer < b.ref.layer ? -1 : 1);
  return [...sections.values()].sort(order).map((s) => ({ clusters: s.clusters, changes: s.changes.sort(byLocation) }));
}

/** Changes grouped by layer, keeping their order. */
export function groupByLayer(changes: readonly ObjectChange[]): Map<string, ObjectChange[]> {
  const out = new Map<string, ObjectChange[]>();
  for (const c of changes) {
    const list = out.get(c.ref.layer);
    if (list) list.push(c);
    else out.set(c.ref.layer, [c]);
  }
  return out;
}

// One-line rendering of field values, shared by the renderers and the guard: scalars as they are
// (`10.0.0.0/16`), lists and maps in YAML flow style, long values shortened.

/** Longest value printed before it is cut with an ellipsis. */
export const MAX_VALUE_LENGTH = 160;

function flow(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return value === '' || /[\n,:{}[\]#"']|^\s|\s$/.test(value) ? JSON.stringify(value) : value;
  }
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${flow(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** A value on one line, at most `max` characters. */
export function formatValue(value: unknown, max = MAX_VALUE_LENGTH): string {
  const text = flow(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `1 object`, `3 objects`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Findings that lose the same thing, in the order they were found: the loss is said once per group. */
export function groupFindings(findings: readonly Finding[]): { readonly loss: string; readonly findings: readonly Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.loss);
    if (group) group.push(f);
    else groups.set(f.loss, [f]);
  }
  return [...groups].map(([loss, list]) => ({ loss, findings: list }));
}

/**
 * When findings delete a tenant's main namespace (its file removed or renamed), the safe way out: `decommissioned:
 * true` keeps the team's namespaces and data while it moves out. Undefined otherwise (an extra namespace renamed or a
 * bucket removed is not a team leaving).
 */
export function decommissionHint(findings: readonly Finding[]): string | undefined {
  const leaving = (f: Finding) => {
    const [top, team] = f.ref.layer.split('/');
    return top === 'tenants' && f.ref.kind === 'Namespace' && f.ref.name === team;
  };
  const tenants = [...new Set(findings.filter(leaving).map((f) => f.ref.name))].sort();
  if (tenants.length === 0) return undefined;
  const files = tenants.map((t) => `tenants/${t}.yaml`).join(', ');
  return (
    `To take a team off the platform without losing data, set \`decommissioned: true\` in ${files} instead: ` +
    `its namespaces and stateful resources stay while it moves out (docs/tenants.md, "Leaving the platform").`
  );
}
