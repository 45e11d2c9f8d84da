import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JSONSchemaProps } from './structural-schema.js';

/** One served version of a CustomResourceDefinition: what the API server would validate a custom resource with. */
export interface ServedVersion {
  /** API group, e.g. `ec2.aws.m.upbound.io`. */
  readonly group: string;
  /** Version name, e.g. `v1beta1`. */
  readonly version: string;
  /** `spec.names.kind`, e.g. `VPC`. */
  readonly kind: string;
  /** `Namespaced` objects need `metadata.namespace`; `Cluster` objects must not have one. */
  readonly scope: 'Namespaced' | 'Cluster';
  /** The version's `schema.openAPIV3Schema`; undefined when the CRD declares none. */
  readonly schema: JSONSchemaProps | undefined;
  /** `metadata.name` of the CRD, e.g. `vpcs.ec2.aws.m.upbound.io`. */
  readonly crdName: string;
  /** File the CRD was read from, relative to the index directory. */
  readonly file: string;
}

/** The served versions of every CRD found under one directory, by `group/version` and kind. */
export class CrdIndex {
  readonly #served = new Map<string, ServedVersion>();
  /** group + kind → every declared version name and whether it is served (for error messages). */
  readonly #declared = new Map<string, { version: string; served: boolean }[]>();
  #crds = 0;

  constructor(
    /** The directory the CRDs were read from, as given by the caller. */
    readonly dir: string,
  ) {}

  /** Number of CustomResourceDefinitions indexed. */
  get crdCount(): number {
    return this.#crds;
  }

  /** Number of served group/version/kind triples. */
  get servedCount(): number {
    return this.#served.size;
  }

  /** Adds one `apiextensions.k8s.io/v1` CustomResourceDefinition; the first definition of a version wins. */
  add(crd: Record<string, unknown>, file: string): void {
    const meta = asRecord(crd['metadata']);
    const spec = asRecord(crd['spec']);
    const names = asRecord(spec['names']);
    const group = spec['group'];
    const kind = names['kind'];
    if (typeof group !== 'string' || typeof kind !== 'string') {
      throw new Error(`${file}: CustomResourceDefinition ${String(meta['name'])} has no spec.group or spec.names.kind`);
    }
    const scope = spec['scope'] === 'Cluster' ? 'Cluster' : 'Namespaced';
    const versions = Array.isArray(spec['versions']) ? spec['versions'] : [];
    const declared = this.#declared.get(groupKindKey(group, kind)) ?? [];
    this.#declared.set(groupKindKey(group, kind), declared);
    this.#crds++;
    for (const raw of versions) {
      const v = asRecord(raw);
      const version = v['name'];
      if (typeof version !== 'string') continue;
      const served = v['served'] === true;
      declared.push({ version, served });
      if (!served) continue;
      const key = gvkKey(`${group}/${version}`, kind);
      if (this.#served.has(key)) continue;
      const schema = asRecord(v['schema'])['openAPIV3Schema'];
      this.#served.set(key, {
        group,
        version,
        kind,
        scope,
        schema: schema && typeof schema === 'object' ? (schema as JSONSchemaProps) : undefined,
        crdName: typeof meta['name'] === 'string' ? meta['name'] : `${String(names['plural'])}.${group}`,
        file,
      });
    }
  }

  /** The served version for an object's `apiVersion` (`group/version`) and `kind`, if any. */
  lookup(apiVersion: string, kind: string): ServedVersion | undefined {
    return this.#served.get(gvkKey(apiVersion, kind));
  }

  /** Every served version, in the order the CRDs were read. */
  servedVersions(): ServedVersion[] {
    return [...this.#served.values()];
  }

  /** Every version the index declares for a group and kind, served or not, in CRD order. */
  declaredVersions(group: string, kind: string): readonly { version: string; served: boolean }[] {
    return this.#declared.get(groupKindKey(group, kind)) ?? [];
  }
}

/**
 * Reads every `*.yaml` / `*.yml` file under `dir` (recursively, multi-document files allowed) and indexes the
 * served versions of the `apiextensions.k8s.io/v1` CustomResourceDefinitions in them. Other documents are ignored.
 *
 * Throws one Error listing every file that cannot be read or parsed.
 */
export function loadCrdIndex(dir: string): CrdIndex {
  const index = new CrdIndex(dir);
  const errors: string[] = [];
  for (const path of listYamlFiles(dir)) {
    const file = relative(dir, path);
    let docs;
    try {
      docs = parseAllDocuments(readFileSync(path, 'utf8'));
    } catch (err) {
      errors.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        errors.push(`${file}: ${doc.errors[0]!.message.split('\n')[0]}`);
        continue;
      }
      // Cheap pre-check on the AST before converting large documents to plain objects.
      if (doc.get('kind') !== 'CustomResourceDefinition' || doc.get('apiVersion') !== 'apiextensions.k8s.io/v1') continue;
      try {
        index.add(doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>, file);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
  }
  if (errors.length > 0) throw new Error(`cannot read CRDs in ${dir}:\n  ${errors.join('\n  ')}`);
  return index;
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function gvkKey(apiVersion: string, kind: string): string {
  return `${apiVersion}\u0000${kind}`;
}

function groupKindKey(group: string, kind: string): string {
  return `${group}\u0000${kind}`;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
