/**
 * The security baseline (listed in docs/architecture.md) as one whole-tree check over out/: NetworkPolicy is enforced and IMDS is out
 * of pods' reach on every cluster, tenant namespaces are fenced, no secret
 * data is committed, buckets and keys are protected, IAM policies are scoped, workloads are unprivileged (tenant pods
 * of every workload kind meet Pod Security restricted) and tenant
 * reconciliation never runs as the platform. Each problem names the object and the rule it breaks.
 */
import { ENVIRONMENT_LABEL, PLATFORM_RECONCILER, TENANT_LABEL } from '@platform/platform';
import type { ObjectProblem } from '../commands/validate.js';
import type { OutObject } from '../out-tree.js';
import { podSpecOf } from './pod-spec.js';

type Obj = Record<string, unknown>;
const S3 = 's3.aws.m.upbound.io/v1beta1';
const EXTERNAL_NAME = 'crossplane.io/external-name';

const get = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((x, k) => (x !== null && typeof x === 'object' ? (x as Obj)[k as string] : undefined), o);
const meta = (o: OutObject) => (o.object['metadata'] ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
const kindOf = (o: OutObject) => `${String(o.object['apiVersion'])}/${String(o.object['kind'])}`;
const nsKey = (o: OutObject) => `${o.cluster}/${meta(o).namespace ?? ''}`;
const problem = (object: OutObject, path: string, rule: string): ObjectProblem => ({ object, path, message: `security baseline: ${rule}` });

/** Every tenant namespace has Pod Security restricted, a default-deny NetworkPolicy, a ResourceQuota and a LimitRange. */
function tenantNamespaces(objects: readonly OutObject[]): ObjectProblem[] {
  const inNs = new Map<string, OutObject[]>();
  for (const o of objects) if (meta(o).namespace) inNs.set(nsKey(o), [...(inNs.get(nsKey(o)) ?? []), o]);
  const out: ObjectProblem[] = [];
  for (const ns of objects.filter((o) => o.object['kind'] === 'Namespace' && meta(o).labels?.[TENANT_LABEL] !== undefined)) {
    const labels = meta(ns).labels ?? {};
    for (const mode of ['enforce', 'audit', 'warn']) {
      const key = `pod-security.kubernetes.io/${mode}`;
      if (labels[key] !== 'restricted') out.push(problem(ns, `metadata.labels.${key}`, `tenant namespace must have Pod Security "${mode}: restricted" (found ${labels[key] ?? 'none'})`));
    }
    if (labels[ENVIRONMENT_LABEL] === undefined) out.push(problem(ns, `metadata.labels.${ENVIRONMENT_LABEL}`, 'tenant namespace must be labelled with its environment'));
    const members = inNs.get(`${ns.cluster}/${meta(ns).name ?? ''}`) ?? [];
    const has = (kind: string) => members.some((m) => m.object['kind'] === kind);
    if (!members.some(isDefaultDeny)) out.push(problem(ns, '', 'tenant namespace must have a NetworkPolicy denying all ingress and egress (podSelector {}, policyTypes [Ingress, Egress], no rules)'));
    if (!has('ResourceQuota')) out.push(problem(ns, '', 'tenant namespace must have a ResourceQuota'));
    if (!has('LimitRange')) out.push(problem(ns, '', 'tenant namespace must have a LimitRange'));
  }
  return out;
}

function isDefaultDeny(o: OutObject): boolean {
  if (o.object['kind'] !== 'NetworkPolicy') return false;
  const spec = (o.object['spec'] ?? {}) as Obj;
  const types = (spec['policyTypes'] ?? []) as string[];
  const selector = (spec['podSelector'] ?? {}) as Obj;
  const empty = (x: unknown) => x === undefined || (Array.isArray(x) && x.length === 0);
  return Object.keys(selector).length === 0 && types.includes('Ingress') && types.includes('Egress') && empty(spec['ingress']) && empty(spec['egress']);
}

function secrets(objects: readonly OutObject[]): ObjectProblem[] {
  return objects
    .filter((o) => o.object['kind'] === 'Secret' && o.object['apiVersion'] === 'v1')
    .flatMap((o) =>
      ['data', 'stringData']
        .filter((f) => Object.keys((o.object[f] ?? {}) as Obj).length > 0)
        .map((f) => problem(o, f, 'no Secret with data may be written to out/ (use an ExternalSecret or a connection secret)')),
    );
}

/** The settings of each bucket, found by bucketRef (the Bucket's metadata.name) or bucket (its external name). */
function buckets(objects: readonly OutObject[]): ObjectProblem[] {
  const settings = objects.filter((o) => String(o.object['apiVersion']) === S3 && o.object['kind'] !== 'Bucket');
  const out: ObjectProblem[] = [];
  for (const b of objects.filter((o) => kindOf(o) === `${S3}/Bucket`)) {
    const names = [meta(b).name, meta(b).annotations?.[EXTERNAL_NAME]];
    const of = (kind: string) =>
      settings.filter((s) => s.object['kind'] === kind && nsKey(s) === nsKey(b) && (names.includes(get(s.object, 'spec', 'forProvider', 'bucketRef', 'name') as string) || names.includes(get(s.object, 'spec', 'forProvider', 'bucket') as string)));
    const fp = (s: OutObject, ...p: (string | number)[]) => get(s.object, 'spec', 'forProvider', ...p);
    const check = (kind: string, ok: (s: OutObject) => boolean, rule: string) => {
      if (!of(kind).some(ok)) out.push(problem(b, '', `bucket ${rule} (no ${kind} that does so)`));
    };
    check('BucketServerSideEncryptionConfiguration', (s) => ((fp(s, 'rule') ?? []) as Obj[]).some((r) => String(get(r, 'applyServerSideEncryptionByDefault', 'sseAlgorithm')).startsWith('aws:kms')), 'must be encrypted with KMS');
    check('BucketVersioning', (s) => fp(s, 'versioningConfiguration', 'status') === 'Enabled', 'must be versioned');
    check('BucketPublicAccessBlock', (s) => ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'].every((f) => fp(s, f) === true), 'must block every kind of public access');
    check('BucketPolicy', (s) => statements(fp(s, 'policy')).some(deniesPlainHttp), 'must deny requests not made over TLS');
  }
  return out;
}

function statements(policy: unknown): Obj[] {
  if (typeof policy !== 'string') return [];
  try {
    const st = (JSON.parse(policy) as Obj)['Statement'];
    return (Array.isArray(st) ? st : [st]).filter((s): s is Obj => s !== null && typeof s === 'object');
  } catch {
    return [];
  }
}

const list = (x: unknown): string[] => (x === undefined ? [] : Array.isArray(x) ? x.map(String) : [String(x)]);
const deniesPlainHttp = (s: Obj) => s['Effect'] === 'Deny' && String(get(s, 'Condition', 'Bool', 'aws:SecureTransport')) === 'false';

function kmsKeys(objects: readonly OutObject[]): ObjectProblem[] {
  return objects
    .filter((o) => o.object['kind'] === 'Key' && String(o.object['apiVersion']).startsWith('kms.aws.'))
    .filter((o) => get(o.object, 'spec', 'forProvider', 'enableKeyRotation') !== true)
    .map((o) => problem(o, 'spec.forProvider.enableKeyRotation', 'every KMS key must rotate (enableKeyRotation: true)'));
}

/**
 * Actions AWS cannot scope to a resource: `*` is the only possible Resource for them. route53:CreateHostedZone has no
 * resource type and no condition key that names the zone (the tenant zones' Crossplane role, `TenantDnsZone`).
 */
const UNSCOPABLE = /^[a-z0-9-]+:(Describe|List)[A-Za-z0-9]*\*?$|^sts:GetCallerIdentity$|^route53:CreateHostedZone$/;

function iamPolicies(objects: readonly OutObject[]): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  for (const o of objects.filter((x) => String(x.object['apiVersion']).startsWith('iam.aws.'))) {
    const docs: [string, unknown][] = [['spec.forProvider.policy', get(o.object, 'spec', 'forProvider', 'policy')]];
    ((get(o.object, 'spec', 'forProvider', 'inlinePolicy') ?? []) as Obj[]).forEach((p, i) => docs.push([`spec.forProvider.inlinePolicy[${i}].policy`, p['policy']]));
    for (const [path, doc] of docs) {
      for (const s of statements(doc).filter((x) => x['Effect'] === 'Allow')) {
        const actions = list(s['Action']);
        const wild = actions.find((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a));
        if (wild) out.push(problem(o, path, `IAM policy must not allow every action (found "${wild}")`));
        const scoped = s['Condition'] !== undefined || actions.every((a) => UNSCOPABLE.test(a));
        if (list(s['Resource']).includes('*') && !scoped) {
          out.push(problem(o, path, `IAM policy must name its resources: "*" with ${actions.filter((a) => !UNSCOPABLE.test(a)).join(', ')}`));
        }
      }
    }
  }
  return out;
}

function workloads(objects: readonly OutObject[]): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  for (const o of objects) {
    const found = podSpecOf(o.object);
    if (!found) continue;
    const { spec: pod, at: base } = found;
    for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[f] === true) out.push(problem(o, `${base}.${f}`, 'workloads may not use host namespaces'));
    ((pod['volumes'] ?? []) as Obj[]).forEach((v, i) => {
      if (v['hostPath'] !== undefined) out.push(problem(o, `${base}.volumes[${i}].hostPath`, 'workloads may not mount hostPath volumes'));
    });
    for (const group of ['initContainers', 'containers', 'ephemeralContainers']) {
      ((pod[group] ?? []) as Obj[]).forEach((c, i) => {
        if (get(c, 'securityContext', 'privileged') === true) out.push(problem(o, `${base}.${group}[${i}].securityContext.privileged`, 'workloads may not run privileged containers'));
      });
    }
  }
  return out;
}

/** The one capability Pod Security `restricted` lets a container add. */
const RESTRICTED_ADDABLE = ['NET_BIND_SERVICE'];

/**
 * Every workload (Deployment, CronJob, Job, ...) in a tenant namespace meets Pod Security `restricted` as written, so a
 * pod is never refused at admission after Flux applied its owner: non-root, seccomp RuntimeDefault or Localhost (on the
 * pod or on every container), and each container without privilege escalation and with every capability dropped.
 */
function restrictedPods(objects: readonly OutObject[]): ObjectProblem[] {
  const tenantNs = new Set(objects.filter((o) => o.object['kind'] === 'Namespace' && meta(o).labels?.[TENANT_LABEL] !== undefined).map((o) => `${o.cluster}/${meta(o).name}`));
  const out: ObjectProblem[] = [];
  for (const o of objects.filter((x) => tenantNs.has(nsKey(x)))) {
    const found = podSpecOf(o.object);
    if (!found) continue;
    const { spec: pod, at } = found;
    const containers = ['initContainers', 'containers'].flatMap((group) => ((pod[group] ?? []) as Obj[]).map((c, i) => ({ c, path: `${at}.${group}[${i}]` })));
    const everywhere = (test: (sc: unknown) => boolean) => test(pod['securityContext']) || (containers.length > 0 && containers.every(({ c }) => test(c['securityContext'])));
    if (!everywhere((sc) => get(sc, 'runAsNonRoot') === true)) out.push(problem(o, `${at}.securityContext.runAsNonRoot`, 'tenant pods must run as non-root (runAsNonRoot: true on the pod or every container)'));
    if (!everywhere((sc) => ['RuntimeDefault', 'Localhost'].includes(String(get(sc, 'seccompProfile', 'type'))))) {
      out.push(problem(o, `${at}.securityContext.seccompProfile`, 'tenant pods must use the seccomp profile RuntimeDefault or Localhost (on the pod or every container)'));
    }
    for (const { c, path } of containers) {
      if (get(c, 'securityContext', 'allowPrivilegeEscalation') !== false) out.push(problem(o, `${path}.securityContext.allowPrivilegeEscalation`, 'tenant containers must set allowPrivilegeEscalation: false'));
      const drop = (get(c, 'securityContext', 'capabilities', 'drop') ?? []) as unknown[];
      if (!drop.includes('ALL')) out.push(problem(o, `${path}.securityContext.capabilities.drop`, 'tenant containers must drop every capability (drop: [ALL])'));
      const added = ((get(c, 'securityContext', 'capabilities', 'add') ?? []) as unknown[]).map(String).filter((cap) => !RESTRICTED_ADDABLE.includes(cap));
      if (added.length > 0) out.push(problem(o, `${path}.securityContext.capabilities.add`, `tenant containers may add no capability but ${RESTRICTED_ADDABLE.join(', ')} (found ${added.join(', ')})`));
    }
  }
  return out;
}

/** Tenant apps are reconciled as the tenant's ServiceAccount; nothing binds a tenant principal to cluster-admin. */
function tenantReconciliation(objects: readonly OutObject[]): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  for (const o of objects.filter((x) => x.object['kind'] === 'Kustomization' && String(x.object['apiVersion']).startsWith('kustomize.toolkit.fluxcd.io/'))) {
    const path = String(get(o.object, 'spec', 'path') ?? '');
    if (!/\/apps\//.test(path)) continue;
    const sa = get(o.object, 'spec', 'serviceAccountName');
    if (typeof sa !== 'string' || sa === '' || sa === PLATFORM_RECONCILER) {
      out.push(problem(o, 'spec.serviceAccountName', `tenant apps must be reconciled as the tenant's ServiceAccount (found ${typeof sa === 'string' && sa !== '' ? sa : 'none'})`));
    }
  }
  const tenantNs = new Set(objects.filter((o) => o.object['kind'] === 'Namespace' && meta(o).labels?.[TENANT_LABEL] !== undefined).map((o) => `${o.cluster}/${meta(o).name}`));
  for (const o of objects.filter((x) => x.object['kind'] === 'RoleBinding' || x.object['kind'] === 'ClusterRoleBinding')) {
    if (get(o.object, 'roleRef', 'name') !== 'cluster-admin') continue;
    const toTenant = ((o.object['subjects'] ?? []) as Obj[]).some((s) => s['kind'] === 'ServiceAccount' && String(s['name']).startsWith('tenant-'));
    if (toTenant || tenantNs.has(nsKey(o))) out.push(problem(o, 'roleRef.name', 'tenants may never be bound to cluster-admin'));
  }
  return out;
}

const EKS = 'eks.aws.m.upbound.io/';
const EC2 = 'ec2.aws.m.upbound.io/';
const isKind = (o: OutObject, group: string, kind: string) => o.object['kind'] === kind && String(o.object['apiVersion']).startsWith(group);

/** The parsed `configurationValues` of an EKS Addon; undefined when absent or not a JSON object. */
function addonConfiguration(o: OutObject): Obj | undefined {
  const raw = get(o.object, 'spec', 'forProvider', 'configurationValues');
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * NetworkPolicy is enforced on every EKS cluster: the cluster's `vpc-cni` Addon (same namespace as the Cluster)
 * runs the VPC CNI network policy agent (`enableNetworkPolicy: "true"`). Without it every NetworkPolicy is ignored.
 */
function networkPolicyEnforced(objects: readonly OutObject[]): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  const cnis = objects.filter((o) => isKind(o, EKS, 'Addon') && get(o.object, 'spec', 'forProvider', 'addonName') === 'vpc-cni');
  for (const cluster of objects.filter((o) => isKind(o, EKS, 'Cluster'))) {
    const mine = cnis.filter((a) => nsKey(a) === nsKey(cluster));
    if (mine.length === 0) out.push(problem(cluster, '', 'every EKS cluster must have a vpc-cni Addon that enforces NetworkPolicy (configurationValues {"enableNetworkPolicy":"true"}); found none'));
  }
  for (const cni of cnis) {
    const found = addonConfiguration(cni)?.['enableNetworkPolicy'];
    if (found !== 'true') {
      out.push(problem(cni, 'spec.forProvider.configurationValues', `the vpc-cni Addon must enforce NetworkPolicy (enableNetworkPolicy: "true"); found ${found === undefined ? 'none' : JSON.stringify(found)}`));
    }
  }
  return out;
}

/** Every launch template requires IMDSv2 and a hop limit of 1, so pods never reach the node role's credentials. */
function instanceMetadata(objects: readonly OutObject[]): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  for (const lt of objects.filter((o) => isKind(o, EC2, 'LaunchTemplate'))) {
    const at = 'spec.forProvider.metadataOptions';
    const tokens = get(lt.object, 'spec', 'forProvider', 'metadataOptions', 'httpTokens');
    const hops = get(lt.object, 'spec', 'forProvider', 'metadataOptions', 'httpPutResponseHopLimit');
    if (tokens !== 'required') out.push(problem(lt, `${at}.httpTokens`, `launch templates must require IMDSv2 (httpTokens: required); found ${tokens === undefined ? 'none' : String(tokens)}`));
    if (hops !== 1) out.push(problem(lt, `${at}.httpPutResponseHopLimit`, `launch templates must set the metadata hop limit to 1, out of pods' reach; found ${hops === undefined ? 'none' : String(hops)}`));
  }
  return out;
}

/** Runs every baseline rule over the whole rendered tree. */
export function checkSecurityBaseline(objects: readonly OutObject[]): ObjectProblem[] {
  return [networkPolicyEnforced, instanceMetadata, tenantNamespaces, secrets, buckets, kmsKeys, iamPolicies, workloads, restrictedPods, tenantReconciliation].flatMap((rule) => rule(objects));
}
