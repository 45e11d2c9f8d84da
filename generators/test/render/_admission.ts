/**
 * @internal Test support (not a test file): decides an API request against rendered ValidatingAdmissionPolicies and
 * their bindings the way the API server does, with the CEL evaluator `validate` uses for CRD rules.
 *
 * Modelled: matchConstraints (resourceRules with wildcards, subresources, scope and operations,
 * excludeResourceRules, namespace and object selectors), matchConditions, bindings (matchResources selectors,
 * validationActions), params (paramKind + paramRef by name, namespace or selector, parameterNotFoundAction, resolved
 * before matchConditions as the API server does), namespaceObject, lazily evaluated `variables`, failurePolicy and
 * messageExpression. Not modelled: `authorizer`, auditAnnotations, type checking.
 *
 * The cluster state (namespaces, params) is the set of objects given to the constructor: a render of a cluster.
 */
import { kubernetesCelEnvironment } from '../../src/validate/cel-library.js';

export type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: any };

export interface UserInfo {
  readonly username: string;
  readonly groups?: readonly string[];
}

export interface AdmissionRequest {
  readonly operation: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly userInfo: UserInfo;
  readonly resource: { readonly group: string; readonly version: string; readonly resource: string };
  readonly subResource?: string;
  /** '' for cluster-scoped objects. For a Namespace, the API server sets it to the namespace's name except on CREATE. */
  readonly namespace: string;
  readonly name: string;
  readonly kind: { readonly group: string; readonly version: string; readonly kind: string };
  readonly object: Obj | null;
  readonly oldObject: Obj | null;
}

export interface Decision {
  readonly allowed: boolean;
  /** `<policy>: <message>` for each validation that denied the request. */
  readonly denials: readonly string[];
}

/** Kinds the tests write that are cluster-scoped; everything else is namespaced. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'ClusterIssuer', 'ClusterProviderConfig', 'Provider',
  'CustomResourceDefinition', 'IngressClass', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ClusterSecretStore', 'Node',
]);

/** The REST resource of a kind: lower case plural (`NetworkPolicy` → `networkpolicies`, `Ingress` → `ingresses`). */
export function resourceOf(kind: string): string {
  const k = kind.toLowerCase();
  if (k.endsWith('s')) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

/** The request a client sends to write `object` (or delete `oldObject`), as `userInfo`. */
export function requestFor(userInfo: UserInfo, operation: AdmissionRequest['operation'], object: Obj | null, oldObject: Obj | null = null, subResource?: string): AdmissionRequest {
  const o = (object ?? oldObject)!;
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') as [string, string] : ['', o.apiVersion];
  const clusterScoped = CLUSTER_SCOPED.has(o.kind);
  const namespace = o.kind === 'Namespace' ? (operation === 'CREATE' ? '' : o.metadata.name) : clusterScoped ? '' : (o.metadata.namespace ?? '');
  return {
    operation,
    userInfo,
    resource: { group, version, resource: resourceOf(o.kind) },
    subResource,
    namespace,
    name: o.metadata.name,
    kind: { group, version, kind: o.kind },
    object,
    oldObject,
  };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** A Kubernetes label selector; an absent or empty selector matches everything. */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok =
      e.operator === 'Exists' ? has : e.operator === 'DoesNotExist' ? !has : e.operator === 'In' ? has && (e.values ?? []).includes(labels[e.key]!) : !has || !(e.values ?? []).includes(labels[e.key]!);
    if (!ok) return false;
  }
  return true;
}

interface ResourceRule {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  operations?: string[];
  scope?: '*' | 'Namespaced' | 'Cluster';
  resourceNames?: string[];
}

function ruleMatches(rule: ResourceRule, req: AdmissionRequest): boolean {
  const inList = (xs: string[] | undefined, x: string) => (xs ?? []).some((v) => v === '*' || v === x);
  if (!inList(rule.operations, req.operation) || !inList(rule.apiGroups, req.resource.group) || !inList(rule.apiVersions, req.resource.version)) return false;
  const res = req.resource.resource;
  const sub = req.subResource ?? '';
  const resourceMatch = (rule.resources ?? []).some((r) => {
    const [rr, rs] = r.split('/') as [string, string | undefined];
    if (rs === undefined) return sub === '' && (rr === '*' || rr === res);
    return (rr === '*' || rr === res) && (rs === '*' || rs === sub);
  });
  if (!resourceMatch) return false;
  if (rule.resourceNames && rule.resourceNames.length > 0 && !rule.resourceNames.includes(req.name)) return false;
  const clusterScoped = req.kind.kind === 'Namespace' || req.namespace === '';
  const scope = rule.scope ?? '*';
  return scope === '*' || (scope === 'Cluster') === clusterScoped;
}

interface MatchResources {
  resourceRules?: ResourceRule[];
  excludeResourceRules?: ResourceRule[];
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
}

/**
 * What the API server refuses in a ValidatingAdmissionPolicy or its binding before it ever evaluates it (the parts of
 * the admissionregistration validation a render can get wrong): wildcards mixed with other entries, bad scopes,
 * duplicate names, a paramRef without parameterNotFoundAction or with both a name and a selector.
 */
export function admissionObjectProblems(o: Obj): string[] {
  const problems: string[] = [];
  const where = `${o.kind} ${o.metadata.name}`;
  if (o.kind === 'ValidatingAdmissionPolicy') {
    const spec = o['spec'];
    for (const [i, r] of ((spec.matchConstraints?.resourceRules ?? []) as ResourceRule[]).entries()) {
      const at = `${where}: matchConstraints.resourceRules[${i}]`;
      for (const field of ['apiGroups', 'apiVersions', 'operations'] as const) {
        const xs = r[field] ?? [];
        if (xs.length === 0) problems.push(`${at}.${field}: required`);
        if (xs.includes('*') && xs.length > 1) problems.push(`${at}.${field}: if '*' is present, the length of the slice must be one`);
      }
      const res = r.resources ?? [];
      if (res.includes('*/*') && res.length > 1) problems.push(`${at}.resources: if '*/*' is present, must not specify other resources`);
      if (res.includes('*') && res.some((x) => x !== '*' && !x.includes('/'))) problems.push(`${at}.resources: if '*' is present, must not specify other resources without subresources`);
      if (r.scope !== undefined && !['*', 'Namespaced', 'Cluster'].includes(r.scope)) problems.push(`${at}.scope: unsupported value`);
    }
    for (const list of ['matchConditions', 'variables'] as const) {
      const names = ((spec[list] ?? []) as { name: string }[]).map((x) => x.name);
      for (const n of names.filter((x, i) => names.indexOf(x) !== i)) problems.push(`${where}: ${list}: duplicate name ${n}`);
    }
    if ((spec.validations ?? []).length === 0 && (spec.auditAnnotations ?? []).length === 0) problems.push(`${where}: validations and auditAnnotations may not both be empty`);
  }
  if (o.kind === 'ValidatingAdmissionPolicyBinding') {
    const ref = o['spec'].paramRef;
    if (ref && !['Allow', 'Deny'].includes(ref.parameterNotFoundAction)) problems.push(`${where}: paramRef.parameterNotFoundAction: Required value`);
    if (ref && (ref.name === undefined) === (ref.selector === undefined)) problems.push(`${where}: paramRef: exactly one of name or selector`);
    const actions = (o['spec'].validationActions ?? []) as string[];
    if (actions.length === 0 || actions.includes('Deny') && actions.includes('Warn')) problems.push(`${where}: validationActions: Deny and Warn may not be used together, and one is required`);
  }
  return problems;
}

/** Integers of a JSON object as CEL ints (bigint), as the API server binds them. */
function toCel(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCel(x)]));
  return v;
}

const env = kubernetesCelEnvironment().clone();
for (const name of ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'variables']) env.registerVariable(name, 'dyn');
const programs = new Map<string, (ctx: Record<string, unknown>) => unknown>();
function evaluate(expression: string, ctx: Record<string, unknown>): unknown {
  let p = programs.get(expression);
  if (!p) {
    p = env.parse(expression) as unknown as (ctx: Record<string, unknown>) => unknown;
    programs.set(expression, p);
  }
  return p(ctx);
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** The admission chain of a cluster, reduced to its ValidatingAdmissionPolicies. */
export class AdmissionControl {
  private readonly objects: Obj[];

  constructor(objects: readonly Obj[]) {
    this.objects = [...objects];
  }

  /** Adds objects to the cluster state (e.g. a Namespace or a params ConfigMap). */
  with(...objects: Obj[]): AdmissionControl {
    return new AdmissionControl([...this.objects, ...objects]);
  }

  /** The cluster state without the objects `drop` picks. */
  without(drop: (o: Obj) => boolean): AdmissionControl {
    return new AdmissionControl(this.objects.filter((o) => !drop(o)));
  }

  find(kind: string, name: string, namespace?: string): Obj | undefined {
    return this.objects.find((o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? '') === (namespace ?? ''));
  }

  admit(req: AdmissionRequest): Decision {
    const denials: string[] = [];
    const namespaceObject = req.namespace === '' ? null : this.find('Namespace', req.namespace) ?? null;
    for (const policy of this.objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy' && o.apiVersion === 'admissionregistration.k8s.io/v1')) {
      const spec = policy.spec;
      if (!this.matches(spec.matchConstraints, req, namespaceObject, true)) continue;
      for (const binding of this.objects.filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding' && o.spec.policyName === policy.metadata.name)) {
        if (!this.matches(binding.spec.matchResources, req, namespaceObject, false)) continue;
        const deny = (binding.spec.validationActions as string[]).includes('Deny');
        const fail = (message: string) => {
          if (deny) denials.push(`${policy.metadata.name}: ${message}`);
        };
        const failure = (message: string) => {
          if ((spec.failurePolicy ?? 'Fail') === 'Fail') fail(message);
        };
        let paramsList: (Obj | null)[] = [null];
        if (spec.paramKind) {
          const ref = binding.spec.paramRef;
          const found = ref ? this.params(spec.paramKind, ref, req) : [];
          if (found.length === 0) {
            if (ref?.parameterNotFoundAction === 'Deny' || !ref) failure(`no params found for policy binding ${binding.metadata.name} with Deny parameterNotFoundAction`);
            continue;
          }
          paramsList = found;
        }
        for (const params of paramsList) {
          const ctx = this.context(req, params, namespaceObject, spec.variables ?? []);
          let matched = true;
          for (const mc of spec.matchConditions ?? []) {
            try {
              if (evaluate(mc.expression, ctx) !== true) matched = false;
            } catch (e) {
              failure(`matchCondition ${mc.name}: ${firstLine(e)}`);
              matched = false;
            }
            if (!matched) break;
          }
          if (!matched) continue;
          for (const v of spec.validations ?? []) {
            let result: unknown;
            try {
              result = evaluate(v.expression, ctx);
            } catch (e) {
              failure(`expression '${v.expression}' resulted in error: ${firstLine(e)}`);
              continue;
            }
            if (result === true) continue;
            let message = v.message ?? `failed expression: ${v.expression}`;
            if (v.messageExpression) {
              try {
                const m = evaluate(v.messageExpression, ctx);
                if (typeof m === 'string' && m.trim() !== '') message = m;
              } catch {
                // the API server falls back to `message` when messageExpression fails
              }
            }
            fail(message);
          }
        }
      }
    }
    return { allowed: denials.length === 0, denials };
  }

  private matches(m: MatchResources | undefined, req: AdmissionRequest, namespaceObject: Obj | null, constraints: boolean): boolean {
    if (!m) return true;
    if (m.resourceRules && !m.resourceRules.some((r) => ruleMatches(r, req))) return false;
    if (constraints && !m.resourceRules) return false;
    if ((m.excludeResourceRules ?? []).some((r) => ruleMatches(r, req))) return false;
    // A Namespace is selected by its own labels; other cluster-scoped objects are never skipped by a namespaceSelector.
    const obj = req.object ?? req.oldObject;
    if (req.kind.kind === 'Namespace' && req.kind.group === '') {
      if (!selects(m.namespaceSelector, obj?.metadata.labels ?? {})) return false;
    } else if (req.namespace !== '') {
      if (!selects(m.namespaceSelector, namespaceObject?.metadata.labels ?? {})) return false;
    }
    if (m.objectSelector) {
      const either = [req.object, req.oldObject].filter((o): o is Obj => o !== null);
      if (!either.some((o) => selects(m.objectSelector, o.metadata.labels ?? {}))) return false;
    }
    return true;
  }

  private params(kind: { apiVersion: string; kind: string }, ref: { name?: string; namespace?: string; selector?: LabelSelector }, req: AdmissionRequest): Obj[] {
    // Without a namespace, a namespaced param is looked up in the namespace of the request.
    const namespace = ref.namespace ?? req.namespace;
    return this.objects.filter(
      (o) =>
        o.apiVersion === kind.apiVersion &&
        o.kind === kind.kind &&
        (o.metadata.namespace ?? '') === namespace &&
        (ref.name !== undefined ? o.metadata.name === ref.name : selects(ref.selector, o.metadata.labels ?? {})),
    );
  }

  private context(req: AdmissionRequest, params: Obj | null, namespaceObject: Obj | null, variables: { name: string; expression: string }[]): Record<string, unknown> {
    const ctx: Record<string, unknown> = {
      object: toCel(req.object),
      oldObject: toCel(req.oldObject),
      namespaceObject: toCel(namespaceObject),
      params: toCel(params),
      request: toCel({
        operation: req.operation,
        name: req.name,
        namespace: req.namespace,
        resource: req.resource,
        subResource: req.subResource ?? '',
        kind: req.kind,
        userInfo: { username: req.userInfo.username, groups: [...(req.userInfo.groups ?? [])] },
        dryRun: false,
      }),
    };
    // Variables are evaluated lazily, at most once per request, in the context of the earlier ones.
    const values: Record<string, unknown> = {};
    for (const v of variables) {
      let cached: { value: unknown } | undefined;
      Object.defineProperty(values, v.name, {
        enumerable: true,
        get: () => {
          cached ??= { value: evaluate(v.expression, ctx) };
          return cached.value;
        },
      });
    }
    ctx['variables'] = values;
    return ctx;
  }
}
