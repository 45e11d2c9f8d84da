import { App } from 'cdk8s';
import type { Cluster, Tenant } from '@platform/schemas';
import { OutputChart, type RenderedObject, type SubnetPlan, planSubnetsOrThrow } from '@platform/platform';
import type { Fleet, Loaded, LoadedApp } from '../model.js';

/**
 * An output chart built only when its objects are needed: `props` is plain data computed from the fleet (everything the
 * construct reads), `build` fills a fresh chart from it. Its cache key is the code plus id, folder, sources and props,
 * so a unit whose props did not change renders the same objects and need not be built again.
 */
export interface Unit<P = unknown> {
  readonly id: string;
  readonly folder: string;
  readonly sources: readonly string[];
  readonly props: P;
  readonly build: (chart: OutputChart, props: P) => void;
}

/**
 * What one layer renderer sees while rendering one cluster: the fleet, this cluster, the tenants
 * and apps that run on it, and a way to open an output chart for a folder of out/<cluster>/.
 */
export class ClusterContext {
  readonly app = new App({ outdir: '/nonexistent' });
  readonly tenants: readonly Loaded<Tenant>[];
  readonly apps: readonly LoadedApp[];
  /** Non-object files (documentation) by path relative to out/<cluster>/. */
  readonly extraFiles = new Map<string, string>();
  /** Folders a Flux Kustomization points at: they get a kustomization.yaml even when empty. */
  readonly fluxPaths = new Set<string>();
  private readonly charts: OutputChart[] = [];
  private readonly parts: (OutputChart | Unit)[] = [];
  private readonly tenantsByName: ReadonlyMap<string, Loaded<Tenant>>;
  private readonly appsByTenant = new Map<string, LoadedApp[]>();
  private allowing: Map<string, string[]> | undefined;
  private plan: SubnetPlan | undefined;

  constructor(
    readonly fleet: Fleet,
    readonly cluster: Loaded<Cluster>,
  ) {
    const name = cluster.spec.name;
    this.tenants = fleet.tenants.filter((t) => t.spec.clusters.includes(name));
    const here = new Map(this.tenants.map((t) => [t.spec.name, t]));
    this.tenantsByName = here;
    this.apps = fleet.apps.filter((a) => {
      const tenant = here.get(a.tenant);
      // A decommissioned tenant keeps its bundle but runs no apps (no apps Kustomization, no apps/ files).
      return tenant !== undefined && !tenant.spec.decommissioned && (a.spec.clusters ?? tenant.spec.clusters).includes(name);
    });
    for (const a of this.apps) {
      const list = this.appsByTenant.get(a.tenant);
      if (list) list.push(a);
      else this.appsByTenant.set(a.tenant, [a]);
    }
  }

  /** The apps of one tenant on this cluster (looked up, not filtered: every tenant asks, several times). */
  appsOf(tenant: string): readonly LoadedApp[] {
    return this.appsByTenant.get(tenant) ?? [];
  }

  /** The other tenants of this cluster whose `network.allowFrom` lists `tenant`, in tenant order (indexed once per cluster). */
  tenantsAllowing(tenant: string): readonly string[] {
    if (!this.allowing) {
      this.allowing = new Map();
      for (const t of this.tenants) {
        for (const from of new Set(t.spec.network.allowFrom)) {
          if (from === t.spec.name) continue;
          const list = this.allowing.get(from);
          if (list) list.push(t.spec.name);
          else this.allowing.set(from, [t.spec.name]);
        }
      }
    }
    return this.allowing.get(tenant) ?? [];
  }

  /** The cluster's subnet plan (computed once). */
  get subnetPlan(): SubnetPlan {
    const n = this.cluster.spec.network;
    return (this.plan ??= planSubnetsOrThrow(n.vpcCidr, n.subnetPrefixLengths, this.cluster.spec.aws.availabilityZones));
  }

  /** A tenant that runs on this cluster, by name. */
  tenant(name: string): Loaded<Tenant> | undefined {
    return this.tenantsByName.get(name);
  }

  /**
   * Opens a chart whose objects are written to `folder` with a header naming `sources`.
   * Several charts may share a folder (e.g. flux/, with per-tenant sources).
   */
  chart(id: string, folder: string, sources: readonly string[]): OutputChart {
    const chart = new OutputChart(this.app, id, { folder, sources });
    this.charts.push(chart);
    this.parts.push(chart);
    return chart;
  }

  /**
   * Records a chart that is built lazily (see Unit): only one unit's constructs are alive at a time, and a unit found
   * in the cache is not built at all.
   */
  unit<P>(id: string, folder: string, sources: readonly string[], props: P, build: (chart: OutputChart, props: P) => void): void {
    this.parts.push({ id, folder, sources, props, build: build as Unit['build'] });
  }

  /** The charts opened with `chart` (built eagerly), in the order they were opened. */
  get outputCharts(): readonly OutputChart[] {
    return this.charts;
  }

  /** Every chart and unit in the order they were opened: the order objects are laid out in. */
  get outputParts(): readonly (OutputChart | Unit)[] {
    return this.parts;
  }

  /** Builds a unit into a fresh chart, renders it and drops its constructs. Throws RenderError. */
  renderUnit(unit: Unit): RenderedObject[] {
    const chart = new OutputChart(this.app, unit.id, { folder: unit.folder, sources: unit.sources });
    try {
      unit.build(chart, unit.props);
      return chart.render();
    } finally {
      this.app.node.tryRemoveChild(unit.id);
    }
  }

  /** Renders an eagerly built chart, or builds and renders a unit, and drops its constructs. Throws RenderError. */
  renderPart(part: OutputChart | Unit): RenderedObject[] {
    if (!(part instanceof OutputChart)) return this.renderUnit(part);
    try {
      return part.render();
    } finally {
      this.app.node.tryRemoveChild(part.node.id);
    }
  }
}
