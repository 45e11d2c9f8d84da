/**
 * The destructive-change guard: finds changes that would delete data or make AWS replace a resource, using the
 * rules in `destructive-rules.ts`. Each finding says what happens, what would be lost and why; `platform diff`
 * exits 3 when there is any, unless `--allow-destructive` is given.
 */
import {
  DEFAULT_MANAGEMENT_POLICIES,
  DELETING_POLICIES,
  EXTERNAL_NAME_PATH,
  REPLACEMENT_FIELDS,
  STATEFUL_CORE_KINDS,
  STATEFUL_REPLACEMENT_PATHS,
  statefulKind,
  type StatefulKind,
} from './destructive-rules.js';
import { apiGroup, describeRef, formatValue, qualifiedName, type FieldChange, type Finding, type ObjectChange } from './model.js';

const MANAGEMENT_POLICIES_PATH = 'spec.managementPolicies';

function managementPolicies(object: Record<string, unknown> | undefined): readonly string[] {
  const spec = object?.spec as { managementPolicies?: unknown } | undefined;
  const policies = spec?.managementPolicies;
  return Array.isArray(policies) ? policies.map(String) : DEFAULT_MANAGEMENT_POLICIES;
}

function allowsDelete(policies: readonly string[]): boolean {
  return policies.some((p) => DELETING_POLICIES.includes(p));
}

function describeChange(field: FieldChange): string {
  if (field.action === 'removed') return `${field.path} (${formatValue(field.before, 60)}) is removed`;
  if (field.action === 'added') return `${field.path} is set to ${formatValue(field.after, 60)}`;
  return `${field.path} changes ${formatValue(field.before, 60)} → ${formatValue(field.after, 60)}`;
}

function removedCoreObject(change: ObjectChange, renamedTo: readonly string[]): Finding | undefined {
  const rule = STATEFUL_CORE_KINDS.find((k) => k.kind === change.ref.kind);
  if (!rule || apiGroup(change.ref.apiVersion) !== '') return undefined;
  const rename =
    change.ref.kind === 'Namespace' && renamedTo.length > 0
      ? ` A Namespace cannot be renamed: if this is a rename to ${renamedTo.join(' or ')}, the old one is still deleted.`
      : '';
  return {
    ref: change.ref,
    what: `${describeRef(change.ref)} is deleted`,
    loss: `Flux prunes it, and with it ${rule.loss}.${rename}`,
  };
}

function removedManagedResource(change: ObjectChange, stateful: StatefulKind): Finding {
  const policies = managementPolicies(change.before);
  const consequence = allowsDelete(policies)
    ? `its managementPolicies [${policies.join(', ')}] let Crossplane delete it in AWS, losing ${stateful.loss}`
    : `its managementPolicies leave out Delete, so the AWS resource is orphaned, not deleted, but nothing manages ` +
      `it any more (no drift correction, no tags or policies enforced) and bringing it back needs adoption by external name`;
  return {
    ref: change.ref,
    what: `${stateful.title} ${qualifiedName(change.ref)} is removed from Git`,
    loss: `Flux prunes the managed resource; ${consequence}.`,
  };
}

function deletePolicyAdded(change: ObjectChange, stateful: StatefulKind): Finding | undefined {
  const before = managementPolicies(change.before);
  const after = managementPolicies(change.after);
  if (allowsDelete(before) || !allowsDelete(after)) return undefined;
  return {
    ref: change.ref,
    field: MANAGEMENT_POLICIES_PATH,
    what: `${stateful.title} ${qualifiedName(change.ref)}: managementPolicies [${before.join(', ')}] → [${after.join(', ')}]`,
    loss: `Crossplane may now delete the AWS resource; removing this object later (or deleting it by hand) would lose ${stateful.loss}.`,
  };
}

function replacements(change: ObjectChange, stateful: StatefulKind | undefined): Finding[] {
  const group = apiGroup(change.ref.apiVersion);
  const service = group.split('.')[0];
  const rules = [
    ...REPLACEMENT_FIELDS.filter((r) => r.service === service && r.kind === change.ref.kind && /\.aws(\.m)?\.upbound\.io$/.test(group)),
    ...(stateful ? STATEFUL_REPLACEMENT_PATHS : []),
  ];
  const findings: Finding[] = [];
  for (const field of change.fields) {
    const rule = rules.find((r) => r.path === field.path);
    if (!rule) continue;
    // Setting the external name to the name Crossplane already uses (metadata.name) adopts, it does not replace.
    if (field.action === 'added' && (rule.path !== EXTERNAL_NAME_PATH || field.after === change.ref.name)) continue;
    findings.push({
      ref: change.ref,
      field: field.path,
      what: `${stateful ? `${stateful.title} ${qualifiedName(change.ref)}` : describeRef(change.ref)}: ${describeChange(field)}`,
      loss: `This forces replacement (${rule.why}): the AWS resource is deleted and created anew${stateful ? `, losing ${stateful.loss}` : ''}.`,
    });
  }
  return findings;
}

/** Every destructive finding in a list of changes, in the order of the changes. */
export function findDestructive(changes: readonly ObjectChange[]): Finding[] {
  const addedNamespaces = new Map<string, string[]>();
  for (const c of changes) {
    if (c.action === 'added' && c.ref.kind === 'Namespace' && apiGroup(c.ref.apiVersion) === '') {
      addedNamespaces.set(c.ref.cluster, [...(addedNamespaces.get(c.ref.cluster) ?? []), c.ref.name]);
    }
  }
  const findings: Finding[] = [];
  for (const change of changes) {
    const stateful = statefulKind(apiGroup(change.ref.apiVersion), change.ref.kind);
    if (change.action === 'removed') {
      const core = removedCoreObject(change, addedNamespaces.get(change.ref.cluster) ?? []);
      if (core) findings.push(core);
      if (stateful) findings.push(removedManagedResource(change, stateful));
    } else if (change.action === 'changed') {
      const policy = stateful ? deletePolicyAdded(change, stateful) : undefined;
      if (policy) findings.push(policy);
      findings.push(...replacements(change, stateful));
    }
  }
  return findings;
}
