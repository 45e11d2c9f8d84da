import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { validateManifest } from './validation/manifest-validator.js';

/** @internal Where a chart's objects are written and which input files they come from. */
export interface OutputChartProps {
  /** Folder under out/<cluster>/, e.g. `tenants/payments` or `addons/cert-manager`. */
  readonly folder: string;
  /** Repo-relative input files the objects are rendered from; named in each file's header. */
  readonly sources: readonly string[];
}

/** One rendered object, its output folder and the inputs it came from. */
export interface RenderedObject {
  readonly folder: string;
  readonly sources: readonly string[];
  readonly manifest: Record<string, unknown>;
}

/**
 * @internal A Chart that knows where its objects go. The render step creates one per output
 * folder and synthesizes it on its own (never `App.synth()`, which is quadratic in charts).
 */
export class OutputChart extends Chart {
  readonly folder: string;
  readonly sources: readonly string[];

  constructor(scope: Construct, id: string, props: OutputChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.folder = props.folder;
    this.sources = props.sources;
  }

  /**
   * Resolves and validates every object of the chart. Problems name the construct path.
   * @returns the objects, or throws RenderError listing every invalid object.
   */
  render(): RenderedObject[] {
    const problems: string[] = [];
    const out: RenderedObject[] = [];
    for (const obj of this.node.findAll()) {
      if (!ApiObject.isApiObject(obj)) continue;
      const manifest = obj.toJson() as Record<string, unknown>;
      for (const p of validateManifest(manifest)) problems.push(`${obj.node.path}: ${p}`);
      out.push({ folder: this.folder, sources: this.sources, manifest });
    }
    for (const v of this.node.validate()) problems.push(`${this.node.path}: ${v}`);
    if (problems.length > 0) throw new RenderError(problems);
    return out;
  }
}

/** A construct emitted an object the API server would reject: a platform bug, not a user mistake. */
export class RenderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`rendered objects are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RenderError';
  }
}
