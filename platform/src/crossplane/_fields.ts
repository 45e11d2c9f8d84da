/**
 * @internal Building blocks for the forProvider JSON Schemas of the kind files, and the typed
 * reference shapes their props use. Written from the provider's documentation (see
 * docs/infrastructure.md); every object schema is closed, so an unknown field fails the render.
 */
import type { ManagedResourceProps } from './managed-resource.js';

export const STR = { type: 'string' } as const;
export const NUM = { type: 'number' } as const;
export const BOOL = { type: 'boolean' } as const;
/** A map of strings, e.g. `tags` or `labels`. */
export const STR_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** A closed object schema. */
export function obj(properties: Record<string, object>, required: readonly string[] = []): object {
  return { type: 'object', additionalProperties: false, properties, ...(required.length > 0 ? { required } : {}) };
}

export function arr(items: object): object {
  return { type: 'array', items };
}

export function oneOf(...values: readonly string[]): object {
  return { type: 'string', enum: values };
}

const REF_POLICY = obj({ resolution: oneOf('Required', 'Optional'), resolve: oneOf('Always', 'IfNotPresent') });

/**
 * A reference to another managed resource by name. The provider also accepts a `namespace`; the
 * platform leaves it out on purpose, so every reference resolves in the referencing MR's namespace.
 */
export const REF = obj({ name: STR, policy: REF_POLICY }, ['name']);
/** A label selector over managed resources of the referencing MR's namespace. */
export const SELECTOR = obj({ matchLabels: STR_MAP, matchControllerRef: BOOL, policy: REF_POLICY });

/** `field` plus `fieldRef` and `fieldSelector`. */
export function referable(field: string, value: object = STR): Record<string, object> {
  return { [field]: value, [`${field}Ref`]: REF, [`${field}Selector`]: SELECTOR };
}

/** A list field with its references: `subnetIds` + `subnetIdRefs` + `subnetIdSelector`. */
export function referableList(list: string, base: string): Record<string, object> {
  return { [list]: arr(STR), [`${base}Refs`]: arr(REF), [`${base}Selector`]: SELECTOR };
}

/** The forProvider schema of a regional kind: `region` is always required (it cannot go in initProvider). */
export function regional(properties: Record<string, object>, required: readonly string[] = []): object {
  return { properties: { region: STR, ...properties }, required: ['region', ...required] };
}

/** The forProvider schema of a global kind (IAM). */
export function global(properties: Record<string, object>, required: readonly string[] = []): object {
  return { properties, ...(required.length > 0 ? { required } : {}) };
}

/** A reference to a managed resource of the same namespace. */
export interface Ref {
  readonly name: string;
}

/** Selects a managed resource of the same namespace by labels. */
export interface Selector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchControllerRef?: boolean;
}

/** AWS tags. */
export type Tags = Readonly<Record<string, string>>;

/** Fields every regional kind has. */
export interface RegionalForProvider {
  /** AWS region, e.g. eu-west-2. */
  readonly region: string;
}

/** Fields of a regional kind that takes a `tags` map. */
export interface TaggedForProvider extends RegionalForProvider {
  readonly tags?: Tags;
}

/**
 * The typed counterpart of {@link referable}: `field` (default a string), `fieldRef` and
 * `fieldSelector`, all optional: `interface X extends Referable<'roleArn'>`.
 */
export type Referable<K extends string, V = string> = { readonly [P in K]?: V } & { readonly [P in `${K}Ref`]?: Ref } & {
  readonly [P in `${K}Selector`]?: Selector;
};

/** The props of a typed kind: the common MR props with that kind's forProvider. */
export type TypedManagedResourceProps<F> = Omit<ManagedResourceProps, 'forProvider' | 'initProvider'> & {
  readonly forProvider: F;
  /** Values applied at creation only. @default - none */
  readonly initProvider?: Partial<Omit<F, 'region'>>;
};
