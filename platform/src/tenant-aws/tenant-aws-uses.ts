import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { TENANT_TAG, type TenantAwsEnv, awsPrefixOf } from './tenant-aws-env.js';
import type { KindItem, KindSharing, TenantAwsKind } from './tenant-aws-kind.js';
import { tenantAwsKinds } from './tenant-aws-kinds.js';

/**
 * One resource of another tenant that a tenant uses, agreed by both files (the consumer's `aws.uses`, the owner's
 * `publishers`/`senders`/`readers`/`writers`): its kind's field, its owner, its name and the access.
 */
export interface TenantAwsUse {
  /** The kind's field (`topics`). */
  readonly field: string;
  readonly owner: string;
  /** The owner's AWS prefix. @default - `defaultAwsPrefix(owner)` */
  readonly ownerPrefix?: string;
  readonly name: string;
  /** One of the kind's `sharing.accesses` (`publish`, `read`, `write`). */
  readonly access: string;
  /** The owner's entry, defaults filled, for kinds whose ARN depends on more than the name (a FIFO topic). @default - `{ name }` */
  readonly item?: KindItem;
}

/** One entry of a tenant's `aws.uses` as its file says it, with the path of the field that says it. */
export interface UseClaim {
  readonly field: string;
  /** `<owner>/<name>`. */
  readonly ref: string;
  readonly owner: string;
  readonly name: string;
  readonly access: string;
  readonly at: (string | number)[];
}

/** One tenant that an owner's entry lists as a user, with the path of the field that lists it. */
export interface UseGrant {
  readonly field: string;
  readonly name: string;
  readonly access: string;
  readonly consumer: string;
  readonly at: (string | number)[];
}

type SharedKind = TenantAwsKind & { readonly sharing: KindSharing };

/** The kinds another tenant may use, in registry order. */
export function sharedKinds(): SharedKind[] {
  return tenantAwsKinds().filter((k): k is SharedKind => k.sharing !== undefined);
}

const sharingOf = (field: string): KindSharing => {
  const kind = sharedKinds().find((k) => k.field === field);
  if (!kind) throw new Error(`tenant AWS kind '${field}' cannot be used by another tenant; allowed: ${sharedKinds().map((k) => k.field).join(', ')}`);
  return kind.sharing;
};

/** The entries of a tenant file's `aws.uses` (strings `<owner>/<name>`, or `{ name, access }` for buckets), access filled. */
export function usesOf(aws: object): UseClaim[] {
  const uses = ((aws as { uses?: Record<string, readonly (string | { name: string; access?: string })[]> }).uses ?? {});
  return sharedKinds().flatMap((k) =>
    (uses[k.field] ?? []).map((entry, i) => {
      const ref = typeof entry === 'string' ? entry : entry.name;
      const [owner = '', name = ''] = ref.split('/');
      const access = (typeof entry === 'string' ? undefined : entry.access) ?? Object.keys(k.sharing.accesses)[0]!;
      return { field: k.field, ref, owner, name, access, at: ['aws', 'uses', k.field, i, ...(typeof entry === 'string' ? [] : ['name'])] };
    }),
  );
}

/** The tenants an owner's file lets use its entries, one per entry, access and tenant listed. */
export function grantsOf(aws: object): UseGrant[] {
  return sharedKinds().flatMap((k) => {
    const items = ((aws as Record<string, unknown>)[k.field] as readonly Record<string, unknown>[] | undefined) ?? [];
    return items.flatMap((item, ii) =>
      Object.entries(k.sharing.accesses).flatMap(([access, a]) =>
        ((item[a.ownerField] as readonly string[] | undefined) ?? []).map((consumer, ci) => ({ field: k.field, name: String(item.name), access, consumer, at: ['aws', k.field, ii, a.ownerField, ci] })),
      ),
    );
  });
}

/** The env of a used resource's owner on the consumer's cluster. */
export function ownerEnv(env: TenantAwsEnv, use: Pick<TenantAwsUse, 'owner' | 'ownerPrefix'>): TenantAwsEnv {
  return { ...env, tenant: use.owner, namespace: use.owner, awsPrefix: use.ownerPrefix };
}

/** The ARNs the consumer of `env` is given for one use. */
export function useArns(env: TenantAwsEnv, use: TenantAwsUse): string[] {
  return sharingOf(use.field).arns(ownerEnv(env, use), use.item ?? { name: use.name });
}

/**
 * The statements of the consumer's roles `usedBy` on the resources it uses: for each kind and access, that access's
 * actions on exactly the used ARNs (sorted), never a pattern.
 */
export function useStatements(env: TenantAwsEnv, uses: readonly TenantAwsUse[], usedBy: KindSharing['usedBy']): PolicyStatement[] {
  return sharedKinds()
    .filter((k) => k.sharing.usedBy === usedBy)
    .flatMap((k) =>
      Object.entries(k.sharing.accesses).flatMap(([access, a]) => {
        const arns = [...new Set(uses.filter((u) => u.field === k.field && u.access === access).flatMap((u) => useArns(env, u)))].sort();
        return arns.length > 0 ? a.statements(arns) : [];
      }),
    );
}

/** `kms:ViaService` of a kind's service in the env's region. */
const viaService = (env: Pick<TenantAwsEnv, 'region'>, service: string) => `${service}.${env.region}.amazonaws.com`;

/** For each owner and service of the uses (sorted), the KMS actions the consumer needs on the owner's key. */
function keyNeeds(uses: readonly TenantAwsUse[]): { owner: TenantAwsUse; service: string; usedBy: KindSharing['usedBy']; actions: string[] }[] {
  const byKey = new Map<string, { owner: TenantAwsUse; service: string; usedBy: KindSharing['usedBy']; actions: Set<string> }>();
  for (const u of uses) {
    const s = sharingOf(u.field);
    const key = `${u.owner}/${s.service}`;
    const entry = byKey.get(key) ?? { owner: u, service: s.service, usedBy: s.usedBy, actions: new Set<string>() };
    for (const a of s.accesses[u.access]?.keyActions ?? []) entry.actions.add(a);
    byKey.set(key, entry);
  }
  return [...byKey.keys()].sort().map((k) => {
    const e = byKey.get(k)!;
    return { ...e, actions: [...e.actions].sort() };
  });
}

/** The AWS service of an action or ARN (`sns` in `sns:Publish` and in `arn:aws:sns:...`). */
const serviceOf = (actionOrArn: string) => (actionOrArn.startsWith('arn:') ? actionOrArn.split(':')[2] : actionOrArn.split(':')[0]) ?? '';

/**
 * Merges statements whose services do not overlap into one (actions and resources of different services pair up to
 * nothing: `sns:Publish` never applies to an SQS ARN), so the boundary stays small: a consumer's uses take one
 * statement per access level of a service (e.g. a bucket's objects besides the bucket itself), not one per kind.
 */
function mergeAcrossServices(statements: readonly PolicyStatement[]): PolicyStatement[] {
  // Statements with the same actions (a read and a written bucket's bucket-level actions) become one first.
  const byActions = new Map<string, PolicyStatement>();
  for (const s of statements) {
    const key = [...s.actions].sort().join(' ');
    const same = byActions.get(key);
    byActions.set(key, same ? { ...same, resources: [...(same.resources ?? []), ...(s.resources ?? [])] } : s);
  }
  const groups: { services: Set<string>; actions: string[]; resources: string[] }[] = [];
  for (const s of byActions.values()) {
    const services = new Set([...s.actions, ...(s.resources ?? [])].map(serviceOf));
    let g = groups.find((x) => ![...services].some((v) => x.services.has(v)));
    if (!g) groups.push((g = { services: new Set(), actions: [], resources: [] }));
    for (const v of services) g.services.add(v);
    g.actions.push(...s.actions);
    g.resources.push(...(s.resources ?? []));
  }
  return groups.map((g) => ({ actions: [...new Set(g.actions)], resources: [...new Set(g.resources)].sort() }));
}

/**
 * The permissions boundary's grants for one consumer on a cluster: exactly its agreed uses (the statements of
 * `useStatements`, merged across services), for principals tagged with the consumer's AWS prefix. Sids are numbered
 * from `first`. The owners' keys need no grant per use: `SHARED_KEYS_THROUGH_SERVICES` covers them, and each key's
 * policy admits only the consumers its owner agreed to.
 */
export function useBoundaryStatements(env: TenantAwsEnv, uses: readonly TenantAwsUse[], first = 1): PolicyStatement[] {
  const principal = { [`aws:PrincipalTag/${TENANT_TAG}`]: awsPrefixOf(env) };
  return mergeAcrossServices([...useStatements(env, uses, 'workloads'), ...useStatements(env, uses, 'secretStore')])
    .map((s, i): PolicyStatement => ({ ...s, sid: `Uses${first + i}`, condition: { StringEquals: principal } }));
}

/**
 * The boundary's one grant of other tenants' keys: the KMS actions the shared kinds need, on tenant keys only, and only
 * when a shared kind's service calls KMS for the caller (`kms:ViaService`). It opens no key by itself: a tenant key's
 * policy is the only thing that grants its use (the account root may administer it, never use it), and it names
 * exactly the consumers its owner agreed to (see `keyUseStatements`); the service call itself is limited by the
 * boundary's data-plane grants.
 */
export function sharedKeysThroughServices(env: Pick<TenantAwsEnv, 'region' | 'accountId'>): PolicyStatement {
  const kinds = sharedKinds();
  const actions = [...new Set(kinds.flatMap((k) => Object.values(k.sharing.accesses).flatMap((a) => a.keyActions)))].sort();
  return {
    sid: 'SharedKeysThroughServices',
    actions,
    resources: [`arn:aws:kms:${env.region}:${env.accountId}:key/*`],
    condition: { StringEquals: { 'kms:ViaService': [...new Set(kinds.map((k) => viaService(env, k.sharing.service)))].sort() }, Null: { [`aws:ResourceTag/${TENANT_TAG}`]: 'false' } },
  };
}

/** The roles of one consumer that use an owner's resources: its workload roles and the role of its SecretStores. */
export interface UseConsumer {
  readonly tenant: string;
  readonly workloadRoleArns: readonly string[];
  readonly secretStoreRoleArn: string;
  /** Its agreed uses of this owner's resources. */
  readonly uses: readonly TenantAwsUse[];
}

/**
 * The owner's key policy statements admitting the consumers' roles: per consumer and service, the KMS actions its
 * uses need, only when that service calls KMS for it (`kms:ViaService`) from the owner's account. A consumer whose
 * roles for a service are none gets no statement. Sids `Consumer1`, `Consumer2`, ... in consumer order.
 */
export function keyUseStatements(owner: TenantAwsEnv, consumers: readonly UseConsumer[]): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const c of [...consumers].sort((a, b) => a.tenant.localeCompare(b.tenant))) {
    for (const need of keyNeeds(c.uses)) {
      const roles = need.usedBy === 'workloads' ? [...c.workloadRoleArns] : [c.secretStoreRoleArn];
      if (roles.length === 0) continue;
      out.push({
        sid: `Consumer${out.length + 1}`,
        principal: { AWS: roles },
        actions: need.actions,
        resources: ['*'],
        anyResourceBecause: 'in a key policy "*" means this key',
        condition: { StringEquals: { 'kms:ViaService': viaService(owner, need.service), 'kms:CallerAccount': owner.accountId } },
      });
    }
  }
  return out;
}

/** What the consumer gets to reach one used resource (ConfigMap keys); `null` for a secret, which arrives as a Secret. */
export function useDetails(env: TenantAwsEnv, use: TenantAwsUse): Readonly<Record<string, string>> | null {
  return sharingOf(use.field).details?.(ownerEnv(env, use), use.item ?? { name: use.name }) ?? null;
}

/**
 * Where a used resource's details arrive in the consumer's main namespace: the ConfigMap `<owner>-<name>-<kind>`
 * (`payments-invoices-bucket`), or for a secret the Secret `<owner>-<name>`.
 */
export function usedObjectName(use: TenantAwsUse): string {
  const kind = sharedKinds().find((k) => k.field === use.field)!;
  return kind.sharing.details === null ? `${use.owner}-${use.name}` : `${use.owner}-${use.name}-${kind.mrPrefix}`;
}

/** True when a use is reached through AWS's public endpoints by the consumer's pods (its namespaces need that egress). */
export function usesAwsApis(aws: object): boolean {
  const claims = usesOf(aws);
  return sharedKinds().some((k) => k.publicEndpoint && k.sharing.usedBy === 'workloads' && claims.some((c) => c.field === k.field));
}
