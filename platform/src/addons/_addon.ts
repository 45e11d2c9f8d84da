import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';

/** Helm values: a YAML mapping. */
export type HelmValues = Record<string, unknown>;

/** The ServiceAccount helm-controller impersonates for platform releases (cluster-admin under the lockdown). */
export const PLATFORM_HELM_RECONCILER = 'helm-controller';

/** The label every platform-owned Flux object carries; the platform's Alert selects on it. */
export const PLATFORM_PART_OF = { 'app.kubernetes.io/part-of': 'platform' } as const;

/** Media type of a Helm chart layer in an OCI artifact. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** What an add-on's values may depend on: one cluster's facts, resolved once by the render step. */
export interface AddonEnvironment {
  /** Cluster name: EKS cluster name, external-dns owner id, autoscaler discovery tag. */
  readonly cluster: string;
  readonly environment: string;
  /** `major.minor` of the cluster's control plane, e.g. `1.34`. */
  readonly kubernetesVersion: string;
  readonly accountId: string;
  readonly region: string;
  /** DNS domain delegated to the cluster. */
  readonly domain: string;
  /** Route53 hosted zone of `domain`. @default - external-dns filters by domain only */
  readonly hostedZoneId?: string;
  /** The tenants' own DNS zones on the cluster (`TenantDnsZone`), by domain name. @default [] */
  readonly tenantZones?: readonly string[];
  /** S3 bucket Thanos writes metric blocks to. */
  readonly metricsBucket: string;
  /** S3 bucket fluent-bit ships logs to. */
  readonly logsBucket: string;
  /** S3 bucket Loki keeps its chunks and index in. */
  readonly lokiBucket: string;
  /** Days Loki keeps logs (`logs.retentionDays` of the cluster file). @default 30 */
  readonly logRetentionDays?: number;
  /** GitHub organisations whose members may log in (Dex): those of the fleet's tenant owner teams. @default [] */
  readonly githubOrgs?: readonly string[];
  /** The platform's Slack channel (`notifications.slackChannel`). @default - platform alerts go nowhere */
  readonly slackChannel?: string;
  /**
   * Management cluster: the metrics buckets of every other cluster, which its Thanos reads for the fleet view.
   * @default [] - only this cluster's own metrics
   */
  readonly fleetMetrics?: readonly FleetMetricsSource[];
  /**
   * The tenants whose logs this cluster keeps apart and whose Grafana organisations it serves: on the management cluster
   * every tenant of the fleet (the fleet view), elsewhere the tenants that run on the cluster. @default [] - none
   */
  readonly teams?: readonly ObservabilityTeam[];
  /** The platform team's GitHub teams (`platformTeams`, `<org>/<team>`): Grafana's main organisation. @default [] */
  readonly platformTeams?: readonly string[];
  /**
   * The namespaces of the platform's own workloads on this cluster (every add-on's, kube-system, flux-system): their
   * ServiceMonitors, PodMonitors, Probes and rules see every namespace; those anywhere else are held to their own.
   * @default [] - none: every monitor and rule is held to its own namespace
   */
  readonly platformNamespaces?: readonly string[];
  /** Whether another add-on is on in this cluster (e.g. ServiceMonitors need kube-prometheus-stack). */
  readonly enabled: (addon: string) => boolean;
}

/** A tenant as the logs and dashboards see it: its Loki tenant and Grafana organisation are its name. */
export interface ObservabilityTeam {
  readonly name: string;
  /** The tenant's namespaces (`tenantNamespaces`): the same names on every cluster it runs on. */
  readonly namespaces: readonly string[];
  /** Whether it runs on this cluster, so its namespaces exist here. @default true - false for the management cluster's fleet view of another cluster's tenant */
  readonly onCluster?: boolean;
  /** Its owner teams (`<org>/<team>`) and their role in the tenant (admin, edit, view or a catalog role). */
  readonly owners: readonly { readonly team: string; readonly role: string }[];
}

/** Another cluster's metrics bucket, read by the management cluster's Thanos. */
export interface FleetMetricsSource {
  readonly cluster: string;
  readonly region: string;
  readonly bucket: string;
  /** The role in that cluster's account that may read the bucket, which the reader assumes. */
  readonly readerRoleArn: string;
}

/** Where a chart is pulled from. */
export type ChartSourceKind = 'OCIRepository' | 'HelmRepository';

/**
 * One platform add-on: a Helm chart, pinned, with the values the platform gives it. Each add-on
 * file declares one of these with `chart`, `repository` and `version` literals side by side, so
 * a Renovate regex manager can bump them.
 */
export interface AddonDefinition {
  /** Add-on name: the folder `addons/<name>/`, the HelmRelease and source names, the key in the cluster file. */
  readonly name: string;
  /** Namespace the chart is installed into; the add-on owns it. */
  readonly namespace: string;
  /** Chart name (for an OCI chart, the last path segment of `repository`). */
  readonly chart: string;
  /** `oci://...` chart URL for OCIRepository, or the HTTP(S) Helm repository URL. */
  readonly repository: string;
  /** Exact chart version (OCI tag), never a range. */
  readonly version: string;
  readonly sourceKind: ChartSourceKind;
  /** Add-ons whose HelmRelease must be Ready first (ignored when they are off). @default [] */
  readonly dependsOn?: readonly string[];
  /**
   * ServiceAccounts (pinned by the values) that need AWS: the infra layer gives each an IAM role
   * through an EKS Pod Identity association on (namespace, name). @default [] - no AWS access
   */
  readonly serviceAccounts?: readonly string[];
  /**
   * Secrets in the add-on's namespace that its own controllers create at run time and its pods mount (webhook
   * certificates, for example); `validate --charts` accepts references to them. @default []
   */
  readonly runtimeSecrets?: readonly string[];
  /** Pod Security level enforced on the namespace. @default 'baseline' */
  readonly podSecurity?: 'privileged' | 'baseline' | 'restricted';
  /** The platform's values for this add-on in one cluster. */
  readonly values: (env: AddonEnvironment) => HelmValues;
  /**
   * Objects the release needs beside it (ConfigMaps its values mount, NetworkPolicies of its namespace), rendered in
   * the add-on's folder so they are applied with the release. @default - none
   */
  readonly objects?: (scope: Construct, env: AddonEnvironment) => void;
  /** Whether its values or objects are derived from the tenant files too (`env.teams`). @default false */
  readonly fromTenants?: boolean;
}

/** A ConfigMap of an add-on's `objects` (named after itself in the construct tree): data its release mounts or reads as env. */
export const configMap = (scope: Construct, namespace: string, name: string, data: Record<string, string>) =>
  new ApiObject(scope, name, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });

/** Checks an add-on declaration once, when its file is loaded. */
export function defineAddon(def: AddonDefinition): AddonDefinition {
  if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(def.version.replace(/^v/, ''))) {
    throw new Error(`add-on "${def.name}": 'version' (${def.version}) must be an exact chart version such as 1.2.3`);
  }
  if (def.sourceKind === 'OCIRepository' && !def.repository.startsWith(`oci://`)) {
    throw new Error(`add-on "${def.name}": 'repository' (${def.repository}) must be an oci:// URL for an OCIRepository source`);
  }
  if (def.sourceKind === 'HelmRepository' && !/^https:\/\//.test(def.repository)) {
    throw new Error(`add-on "${def.name}": 'repository' (${def.repository}) must be an https:// Helm repository URL`);
  }
  return def;
}

export interface AddonProps {
  readonly definition: AddonDefinition;
  /** Values from the cluster file, deep-merged over the platform's. @default {} */
  readonly overrides?: HelmValues;
  /** The cluster's facts the values are computed from. */
  readonly env: AddonEnvironment;
  /** Labels on every object. @default {} */
  readonly labels?: Record<string, string>;
}

/**
 * An add-on in one cluster: its Namespace, its chart source and its HelmRelease. The source and
 * the release live in flux-system (so chartRef and dependsOn stay within one namespace under
 * `--no-cross-namespace-refs`) and install into the add-on's namespace as helm-controller.
 */
export class Addon extends Construct {
  readonly release: ApiObject;

  constructor(scope: Construct, id: string, props: AddonProps) {
    super(scope, id);
    const def = props.definition;
    const labels = { ...PLATFORM_PART_OF, 'platform.example.com/addon': def.name, ...props.labels };
    const level = def.podSecurity ?? 'baseline';
    new ApiObject(this, 'namespace', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: def.namespace,
        labels: { ...labels, 'pod-security.kubernetes.io/enforce': level, 'pod-security.kubernetes.io/warn': level },
      },
    });
    const metadata = { name: def.name, namespace: FLUX_NAMESPACE, labels };
    if (def.sourceKind === 'OCIRepository') {
      new ApiObject(this, 'source', {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'OCIRepository',
        metadata,
        spec: {
          interval: '12h',
          url: def.repository,
          ref: { tag: def.version },
          layerSelector: { mediaType: HELM_CHART_LAYER, operation: 'copy' },
        },
      });
    } else {
      new ApiObject(this, 'source', {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata,
        spec: { interval: '12h', url: def.repository },
      });
    }
    def.objects?.(this, props.env);
    const dependsOn = (def.dependsOn ?? []).filter((d) => props.env.enabled(d));
    this.release = new AddonRelease(this, 'release', { definition: def, labels, dependsOn, values: deepMerge(def.values(props.env), props.overrides ?? {}) });
  }
}

export interface AddonReleaseProps {
  /** The add-on whose chart source (in flux-system, named after the add-on) the release installs from. */
  readonly definition: AddonDefinition;
  /** HelmRelease name and Helm release name. @default - the add-on's name */
  readonly name?: string;
  readonly values: HelmValues;
  /** HelmReleases in flux-system that must be Ready first. @default [] */
  readonly dependsOn?: readonly string[];
  /** @default - the platform's part-of label and the add-on label */
  readonly labels?: Record<string, string>;
}

/**
 * A HelmRelease of an add-on's chart in flux-system, installed into the add-on's namespace as helm-controller:
 * the add-on's own release, or another release of the same chart and source (the management cluster's fleet store
 * gateways, for example). Installs and upgrades CRDs, retries three times and rolls back a failed upgrade.
 */
export class AddonRelease extends ApiObject {
  constructor(scope: Construct, id: string, props: AddonReleaseProps) {
    const def = props.definition;
    const name = props.name ?? def.name;
    const chart = def.sourceKind === 'OCIRepository'
      ? { chartRef: { kind: 'OCIRepository', name: def.name } }
      : { chart: { spec: { chart: def.chart, version: def.version, sourceRef: { kind: 'HelmRepository', name: def.name }, interval: '12h' } } };
    const dependsOn = (props.dependsOn ?? []).map((d) => ({ name: d }));
    super(scope, id, {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name, namespace: FLUX_NAMESPACE, labels: props.labels ?? { ...PLATFORM_PART_OF, 'platform.example.com/addon': def.name } },
      spec: {
        interval: '30m',
        timeout: '10m',
        releaseName: name,
        targetNamespace: def.namespace,
        storageNamespace: def.namespace,
        serviceAccountName: PLATFORM_HELM_RECONCILER,
        ...chart,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
        install: { crds: 'CreateReplace', remediation: { retries: 3 } },
        upgrade: { crds: 'CreateReplace', cleanupOnFail: true, remediation: { retries: 3, remediateLastFailure: true } },
        values: props.values,
      },
    });
  }
}

/**
 * Helm-style merge: mappings merge key by key, anything else (lists included) is replaced, and a
 * `null` override removes the key. Neither input is modified.
 */
export function deepMerge(base: HelmValues, override: HelmValues): HelmValues {
  const out: HelmValues = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    if (value === null) delete out[key];
    else if (isMapping(value) && isMapping(current)) out[key] = deepMerge(current, value);
    else out[key] = value;
  }
  return out;
}

function isMapping(v: unknown): v is HelmValues {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
