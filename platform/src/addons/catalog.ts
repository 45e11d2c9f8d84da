import type { AddonDefinition } from './_addon.js';
import { AWS_LOAD_BALANCER_CONTROLLER } from './aws-load-balancer-controller.js';
import { CERT_MANAGER } from './cert-manager.js';
import { CLUSTER_AUTOSCALER } from './cluster-autoscaler.js';
import { CROSSPLANE } from './crossplane.js';
import { DEX } from './dex.js';
import { EXTERNAL_DNS } from './external-dns.js';
import { EXTERNAL_SECRETS } from './external-secrets.js';
import { FLUENT_BIT } from './fluent-bit.js';
import { GRAFANA } from './grafana.js';
import { KUBE_PROMETHEUS_STACK } from './kube-prometheus-stack.js';
import { LOKI } from './loki.js';
import { METRICS_SERVER } from './metrics-server.js';
import { RELOADER } from './reloader.js';
import { THANOS } from './thanos.js';
import { TRAEFIK } from './traefik.js';

/** Every platform add-on, by name. A cluster file's `addons` keys must be among these names. */
export const ADDONS: readonly AddonDefinition[] = [
  AWS_LOAD_BALANCER_CONTROLLER,
  CERT_MANAGER,
  CLUSTER_AUTOSCALER,
  CROSSPLANE,
  DEX,
  EXTERNAL_DNS,
  EXTERNAL_SECRETS,
  FLUENT_BIT,
  GRAFANA,
  KUBE_PROMETHEUS_STACK,
  LOKI,
  METRICS_SERVER,
  RELOADER,
  THANOS,
  TRAEFIK,
];

export const ADDON_NAMES: readonly string[] = ADDONS.map((a) => a.name);

/** Namespaces the platform's add-ons own; tenants may never use them. */
export const PLATFORM_NAMESPACES: readonly string[] = [...new Set(ADDONS.map((a) => a.namespace))].sort();

/** The add-on settings of a cluster file (`addons.<name>`). */
export type AddonSettings = Readonly<Record<string, { readonly enabled?: boolean; readonly values?: Record<string, unknown> }>>;

/** The add-ons that are on in a cluster: all of them unless `addons.<name>.enabled: false`. */
export function enabledAddons(settings: AddonSettings = {}): AddonDefinition[] {
  return ADDONS.filter((a) => settings[a.name]?.enabled !== false);
}

/** A ServiceAccount of an add-on that needs AWS, for the infra layer's IAM roles and Pod Identity associations. */
export interface AddonIdentity {
  readonly addon: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

/** The AWS identities the enabled add-ons of a cluster need. */
export function addonIdentities(settings: AddonSettings = {}): AddonIdentity[] {
  return enabledAddons(settings).flatMap((a) =>
    (a.serviceAccounts ?? []).map((serviceAccount) => ({ addon: a.name, namespace: a.namespace, serviceAccount })),
  );
}
