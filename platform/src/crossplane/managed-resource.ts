import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { registerSchema } from '../validation/manifest-validator.js';
import type { TypedManagedResourceProps } from './_fields.js';

/** Management policies that let Crossplane create and update but never delete the AWS object. */
export const RETAIN_POLICIES = ['Observe', 'Create', 'Update', 'LateInitialize'] as const;

/** A reference to the (Cluster)ProviderConfig a managed resource uses. Both fields are required. */
export interface ProviderConfigRef {
  readonly kind: 'ClusterProviderConfig' | 'ProviderConfig';
  readonly name: string;
}

export interface ManagedResourceProps {
  /** metadata.name, unique per kind in the namespace. */
  readonly name: string;
  /** The namespace the MR lives in (`infra-<cluster>` or a tenant namespace). */
  readonly namespace: string;
  /** `spec.forProvider`. */
  readonly forProvider: Record<string, unknown>;
  /**
   * `spec.initProvider`: values set at creation only (e.g. a desired size owned by an autoscaler).
   * @default - none
   */
  readonly initProvider?: Record<string, unknown>;
  /**
   * The AWS name of the object, set as `crossplane.io/external-name`. Set it for every
   * name-identified kind so that two namespaces never target the same AWS object.
   * @default - Crossplane derives it (ID-identified kinds)
   */
  readonly externalName?: string;
  /** @default - the ClusterProviderConfig `default` */
  readonly providerConfigRef?: ProviderConfigRef;
  /**
   * Stateful objects (data, keys, networks, clusters) are never deleted when removed from Git.
   * @default false
   */
  readonly retain?: boolean;
  /** Secret, in the MR's namespace, that receives the connection details. @default - none */
  readonly writeConnectionSecretTo?: string;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/** The Kubernetes coordinates and spec schema of one Crossplane managed-resource kind. */
export interface ManagedResourceKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** JSON Schema of `spec.forProvider` (written from the provider's documentation). */
  readonly forProvider: object;
}

/**
 * Declares a managed-resource kind: registers a schema for the whole object (metadata, the
 * namespaced MR spec fields and the kind's forProvider) so a wrong field fails the render.
 */
export function defineManagedResourceKind(def: ManagedResourceKind): ManagedResourceKind {
  const forProvider = { type: 'object', additionalProperties: false, ...def.forProvider };
  registerSchema(def.apiVersion, def.kind, {
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: def.apiVersion },
      kind: { const: def.kind },
      metadata: {
        type: 'object',
        required: ['name', 'namespace'],
        properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }, namespace: { type: 'string' } },
      },
      spec: {
        type: 'object',
        additionalProperties: false,
        required: ['forProvider'],
        properties: {
          forProvider,
          initProvider: { ...forProvider, required: [] },
          managementPolicies: { type: 'array', items: { enum: ['Observe', 'Create', 'Update', 'Delete', 'LateInitialize', '*'] } },
          providerConfigRef: {
            type: 'object', additionalProperties: false, required: ['kind', 'name'],
            properties: { kind: { enum: ['ClusterProviderConfig', 'ProviderConfig'] }, name: { type: 'string' } },
          },
          writeConnectionSecretToRef: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } },
        },
      },
    },
  });
  return def;
}

/**
 * Defines the kinds of one API version with less ceremony:
 * `const ec2 = kindsOf('ec2.aws.m.upbound.io/v1beta1'); export const EC2_VPC = ec2('VPC', regional({...}))`.
 */
export function kindsOf(apiVersion: string): (kind: string, forProvider: object) => ManagedResourceKind {
  return (kind, forProvider) => defineManagedResourceKind({ apiVersion, kind, forProvider });
}

/**
 * A Crossplane v2 namespaced managed resource (`*.aws.m.upbound.io`). Kind files build on this:
 * they define the kind with `defineManagedResourceKind` and give typed props.
 */
export class ManagedResource extends ApiObject {
  constructor(scope: Construct, id: string, kind: ManagedResourceKind, props: ManagedResourceProps) {
    const annotations = props.externalName ? { 'crossplane.io/external-name': props.externalName } : undefined;
    super(scope, id, {
      apiVersion: kind.apiVersion,
      kind: kind.kind,
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels, annotations },
      spec: {
        forProvider: props.forProvider,
        initProvider: props.initProvider,
        managementPolicies: props.retain ? [...RETAIN_POLICIES] : undefined,
        providerConfigRef: props.providerConfigRef,
        writeConnectionSecretToRef: props.writeConnectionSecretTo ? { name: props.writeConnectionSecretTo } : undefined,
      },
    });
  }
}

/** The construct class of one typed kind: `new X(scope, id, props)` with that kind's forProvider. */
export interface ManagedResourceClass<F> {
  new (scope: Construct, id: string, props: TypedManagedResourceProps<F>): ManagedResource;
}

/**
 * The construct class of a kind defined with `defineManagedResourceKind`, typed by its forProvider:
 * `export const Vpc = managedResourceClass<VpcForProvider>(EC2_VPC)`. Where a caller needs the
 * instance type, add `export type Vpc = InstanceType<typeof Vpc>`.
 */
export function managedResourceClass<F>(kind: ManagedResourceKind): ManagedResourceClass<F> {
  return class extends ManagedResource {
    constructor(scope: Construct, id: string, props: TypedManagedResourceProps<F>) {
      super(scope, id, kind, props as unknown as ManagedResourceProps);
    }
  };
}
