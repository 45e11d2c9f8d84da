import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { knownKinds } from '../validation/manifest-validator.js';
import { MRAP_API_VERSION } from './crossplane-package-kinds.js';

/** The API group suffix of provider-upjet-aws's namespaced managed resources. */
const NAMESPACED_AWS = '.aws.m.upbound.io';

/**
 * The plural resource name Kubernetes derives from a kind (lower case, English plural), e.g.
 * `VPC` → `vpcs`, `Policy` → `policies`, `Alias` → `aliases`,
 * `BucketOwnershipControls` → `bucketownershipcontrols`.
 */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (/(ss|us|as|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (k.endsWith('s')) return k; // already plural, e.g. BucketOwnershipControls
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

/**
 * The ManagedResourceDefinition names (`<plural>.<group>`) of every namespaced AWS managed-resource
 * kind the platform can emit: the kinds registered with `defineManagedResourceKind`.
 */
export function managedResourceDefinitionNames(): string[] {
  const names = new Set<string>();
  for (const key of knownKinds()) {
    const [group, , kind] = key.split('/');
    if (group?.endsWith(NAMESPACED_AWS) && kind) names.add(`${pluralOf(kind)}.${group}`);
  }
  return [...names].sort();
}

/** The ManagedResourceDefinition name of a kind, e.g. `openidconnectproviders.iam.aws.m.upbound.io`. */
export const managedResourceDefinitionName = (kind: { readonly apiVersion: string; readonly kind: string }) => `${pluralOf(kind.kind)}.${kind.apiVersion.split('/')[0]}`;

export interface ManagedResourceActivationPolicyProps {
  /** @default 'platform-aws' */
  readonly name?: string;
  /** MRD names to activate. @default managedResourceDefinitionNames() */
  readonly activate?: readonly string[];
  /** Registered kinds this cluster never reconciles, left inactive. @default [] */
  readonly exclude?: readonly { readonly apiVersion: string; readonly kind: string }[];
}

/**
 * Activates exactly the managed-resource definitions the platform uses. The AWS providers start
 * with every MRD inactive (SafeStart), so no other CRD is ever installed.
 */
export class ManagedResourceActivationPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: ManagedResourceActivationPolicyProps = {}) {
    const excluded = new Set((props.exclude ?? []).map(managedResourceDefinitionName));
    const activate = (props.activate ?? managedResourceDefinitionNames()).filter((n) => !excluded.has(n));
    if (activate.length === 0) throw new Error(`'activate' is empty: no namespaced AWS managed-resource kind is registered`);
    super(scope, id, {
      apiVersion: MRAP_API_VERSION,
      kind: 'ManagedResourceActivationPolicy',
      metadata: { name: props.name ?? 'platform-aws' },
      spec: { activate: [...activate] },
    });
  }
}
