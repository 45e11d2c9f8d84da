/**
 * Strict field validation of built-in kinds, as the API server does it with `fieldValidation=Strict` and as
 * `kubeconform -strict` does: a field the kind's schema does not declare (`serviceAccountNam`) is an error, at any
 * depth. The render-time validators (kubernetes-models' schemas, see platform/generated/) check types and required
 * fields but let unknown fields through, so the field lists come from the Kubernetes OpenAPI spec as the official
 * JavaScript client (`@kubernetes/client-node`, generated from the spec of the Kubernetes minor it is pinned to)
 * carries it: every model's `attributeTypeMap`.
 */
import { closest, distance } from 'fastest-levenshtein';

/** One field of a model as the client generator writes it: its JSON name and its type (`V1PodSpec`, `Array<V1Container>`, `string`). */
interface Attribute {
  readonly baseName: string;
  readonly type: string;
}

interface ModelClass {
  getAttributeTypeMap(): readonly Attribute[];
}

/** Types that end the walk: values whose inside no schema describes field by field. */
const LEAF_TYPES = new Set(['string', 'number', 'boolean', 'Date', 'any', 'object', 'IntOrString', 'RequestFile', 'Buffer']);

/** The core group and the groups Kubernetes serves itself (`apps`, `*.k8s.io`); a custom resource's group has dots. */
const BUILT_IN_API_VERSION = /^(([a-z0-9-]+|[a-z0-9.-]+\.k8s\.io)\/)?v\d+((alpha|beta)\d+)?$/;

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

/** A problem at a field path, in the form the other validators give (`spec.template.spec.serviceAccountNam: …`). */
export type FieldCheck = (manifest: Record<string, unknown>) => string[];

/** The model class name of a built-in kind (`apps/v1` `Deployment` → `AppsV1Deployment` or `V1Deployment`), first that exists. */
function candidates(apiVersion: string, kind: string): string[] {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const groupName = group === '' ? 'Core' : group.split('.')[0]!;
  const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [`${pascal(groupName)}${pascal(version)}${kind}`, `${pascal(version)}${kind}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The fields of `value` (of model `type`) that the model does not declare, recursively, with a hint at the nearest name. */
function unknownFields(models: Readonly<Record<string, unknown>>, value: unknown, type: string, path: string, out: string[]): void {
  if (LEAF_TYPES.has(type) || value === null || value === undefined) return;
  const array = ARRAY.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(models, item, array[1]!, `${path}[${i}]`, out));
    return;
  }
  const map = MAP.exec(type);
  if (map) {
    if (isObject(value)) for (const [key, item] of Object.entries(value)) unknownFields(models, item, map[1]!, `${path}[${JSON.stringify(key)}]`, out);
    return;
  }
  const model = models[type] as ModelClass | undefined;
  if (!model || typeof model.getAttributeTypeMap !== 'function' || !isObject(value)) return;
  const attributes = model.getAttributeTypeMap();
  const byName = new Map(attributes.map((a) => [a.baseName, a]));
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    const attribute = byName.get(key);
    if (attribute) {
      unknownFields(models, item, attribute.type, at, out);
      continue;
    }
    const names = [...byName.keys()];
    const guess = names.length > 0 ? closest(key, names) : undefined;
    const hint = guess && distance(key, guess) <= Math.max(2, Math.floor(guess.length / 3)) ? `; did you mean "${guess}"?` : '';
    out.push(`${at}: unknown field "${key}" (${type.replace(/^([A-Z][a-z]+)?V\d+((alpha|beta)\d+)?/, '')} declares no such field${hint})`);
  }
}

let loaded: Promise<FieldCheck> | undefined;

/**
 * The strict field check of built-in kinds, loaded once (the client's models take a few hundred milliseconds to
 * import). The check returns one problem per unknown field; a kind the client does not model is not its business
 * (the kind check reports it).
 */
export function loadBuiltInFieldCheck(): Promise<FieldCheck> {
  loaded ??= import('@kubernetes/client-node/dist/gen/models/ObjectSerializer.js').then((models: Record<string, unknown>) => {
    const modelOf = new Map<string, string | undefined>();
    return (manifest) => {
      const apiVersion = String(manifest['apiVersion']);
      const kind = String(manifest['kind']);
      if (!BUILT_IN_API_VERSION.test(apiVersion)) return [];
      const key = `${apiVersion}/${kind}`;
      if (!modelOf.has(key)) modelOf.set(key, candidates(apiVersion, kind).find((name) => typeof (models[name] as ModelClass | undefined)?.getAttributeTypeMap === 'function'));
      const type = modelOf.get(key);
      if (!type) return [];
      const out: string[] = [];
      unknownFields(models, manifest, type, '', out);
      return out;
    };
  });
  return loaded;
}
