/* eslint-disable */
// Generated from schemas/app.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * Fully qualified host name; it must be one of the tenant's `hostnames`.
 */
export type Host = string;

/**
 * An application contract. File: apps/<tenant>/<name>.yaml. It expands into a Deployment, Service, ServiceAccount, NetworkPolicy and, as asked, Ingress, HorizontalPodAutoscaler, PodDisruptionBudget, ServiceMonitor and ExternalSecret in the tenant's namespace, plus a Flux ImageRepository and ImagePolicy that keep the image tag current.
 */
export interface App {
  /**
   * App name: a DNS-1123 label of at most 40 characters, unique within the tenant.
   */
  name: string;
  /**
   * What the app does, for humans.
   */
  description?: string;
  /**
   * Container image. Keep the Flux image-automation marker comment on the tag line so automated bumps rewrite it.
   */
  image: {
    /**
     * Image repository without tag, e.g. ghcr.io/acme/payments-api.
     */
    repository: string;
    /**
     * Image tag; 'latest' is not allowed.
     */
    tag: string;
  };
  /**
   * Clusters the app runs in. Default: every cluster of its tenant.
   */
  clusters?: string[];
  /**
   * Tenant namespace suffix to run in ('' or absent: the tenant's main namespace).
   */
  namespace?: string;
  /**
   * TCP port the container serves on. It gets a Service (port name 'http') and is the default port of probes and metrics. Absent: a worker with no Service (unless metrics asks for one). Ports below 1024 need privileges that apps do not get.
   */
  port?: number;
  /**
   * Fixed number of pods. Leave it out when `autoscaling` is set. Default: 2 (so a node drain never takes the app down); 0 parks the app.
   */
  replicas?: number;
  autoscaling?: Autoscaling;
  resources?: Resources;
  /**
   * Health checks of the container: `liveness` restarts it when it keeps failing, `readiness` sends traffic only while it passes, `startup` holds the other two until it passes once (slow starters). Default: a readiness TCP check on `port` when the app has one; no liveness or startup check.
   */
  probes?: {
    liveness?: Probe;
    readiness?: Probe;
    startup?: Probe;
  };
  env?: Env;
  /**
   * Environment variables read from AWS Secrets Manager, keyed by variable name. Each key is relative to the tenant's prefix `<cluster>/<aws prefix>/` (the tenant name unless it sets aws.prefix or is longer than 30 characters), so an app can only read its own tenant's secrets. Rendered as an ExternalSecret through the namespace's SecretStore `<tenant>-secrets`; the pods restart when a value changes.
   */
  secrets: {
    [k: string]:
      | {
          /**
           * Name of a secret the tenant declares under `aws.secrets` (in AWS: `<cluster>/<aws prefix>/<name>`).
           */
          key: string;
          /**
           * JSON property of the secret value to read. Absent: the whole value.
           */
          property?: string;
        }
      | undefined;
  };
  /**
   * Route HTTPS traffic for a host name to `port` through the Traefik ingress controller, with a Let's Encrypt certificate. Absent: no ingress.
   */
  ingress?: {
    host: Host;
    /**
     * Path prefix routed to the app.
     */
    path: string;
    /**
     * Reachable from the internet. False: only from private networks (Traefik entry point `internal` behind an internal NLB; the host resolves to that NLB).
     */
    public: boolean;
  };
  /**
   * Prometheus scraping of the app through a ServiceMonitor. Absent: not scraped.
   */
  metrics?: {
    /**
     * Port serving metrics. Default: `port`.
     */
    port?: number;
    /**
     * HTTP path of the metrics.
     */
    path: string;
    /**
     * Scrape interval.
     */
    interval: string;
  };
  /**
   * The pods' Kubernetes identity: a ServiceAccount named after the app.
   */
  serviceAccount: {
    /**
     * The app calls AWS with its own IAM role (EKS Pod Identity keyed on the ServiceAccount `<app>`, scoped to the tenant's resources). False: no Kubernetes API token is mounted either.
     */
    awsAccess: boolean;
  };
  /**
   * Per-environment overrides, keyed by the cluster's environment. Fields given here replace the app's own (env and resources merge key by key).
   */
  environments: {
    development?: Override;
    staging?: Override;
    production?: Override;
  };
}
/**
 * Scale on CPU with a HorizontalPodAutoscaler between `min` and `max` pods. Replaces `replicas`.
 */
export interface Autoscaling {
  /**
   * Fewest pods.
   */
  min: number;
  /**
   * Most pods; at least `min`.
   */
  max: number;
  /**
   * Average CPU use, in percent of the CPU request, that the autoscaler aims for.
   */
  targetCPUUtilization: number;
}
/**
 * CPU and memory per pod. Values not given come from the tenant's limitRange defaults.
 */
export interface Resources {
  /**
   * Reserved for scheduling.
   */
  requests?: {
    /**
     * CPU, e.g. 250m or 1.
     */
    cpu?: string;
    /**
     * Memory, e.g. 256Mi or 1Gi.
     */
    memory?: string;
  };
  /**
   * Most the container may use (memory above it is OOM-killed, CPU above it is throttled).
   */
  limits?: {
    /**
     * CPU, e.g. 250m or 1.
     */
    cpu?: string;
    /**
     * Memory, e.g. 256Mi or 1Gi.
     */
    memory?: string;
  };
}
/**
 * One health check: HTTP GET of `path`, or a TCP connect when `path` is absent.
 */
export interface Probe {
  /**
   * HTTP GET path that must answer 2xx/3xx. Absent: a TCP connect check.
   */
  path?: string;
  /**
   * Port to check. Default: `port`.
   */
  port?: number;
  /**
   * Wait before the first check.
   */
  initialDelaySeconds: number;
  /**
   * Time between checks.
   */
  periodSeconds: number;
  /**
   * Time a check may take.
   */
  timeoutSeconds: number;
  /**
   * Consecutive failures before the check counts as failed.
   */
  failureThreshold: number;
}
/**
 * Plain environment variables, keyed by name. Never put secrets here: use `secrets`.
 */
export interface Env {
  [k: string]: string | undefined;
}
/**
 * What may differ in one environment.
 */
export interface Override {
  /**
   * Fixed number of pods in this environment.
   */
  replicas?: number;
  autoscaling?: Autoscaling1;
  resources?: Resources1;
  /**
   * Plain environment variables merged over the app's `env`.
   */
  env?: {
    [k: string]: string | undefined;
  };
  /**
   * Ingress settings of this environment.
   */
  ingress?: {
    host: Host;
  };
}
/**
 * Scale on CPU with a HorizontalPodAutoscaler between `min` and `max` pods. Replaces `replicas`.
 */
export interface Autoscaling1 {
  /**
   * Fewest pods.
   */
  min: number;
  /**
   * Most pods; at least `min`.
   */
  max: number;
  /**
   * Average CPU use, in percent of the CPU request, that the autoscaler aims for.
   */
  targetCPUUtilization: number;
}
/**
 * CPU and memory per pod. Values not given come from the tenant's limitRange defaults.
 */
export interface Resources1 {
  /**
   * Reserved for scheduling.
   */
  requests?: {
    /**
     * CPU, e.g. 250m or 1.
     */
    cpu?: string;
    /**
     * Memory, e.g. 256Mi or 1Gi.
     */
    memory?: string;
  };
  /**
   * Most the container may use (memory above it is OOM-killed, CPU above it is throttled).
   */
  limits?: {
    /**
     * CPU, e.g. 250m or 1.
     */
    cpu?: string;
    /**
     * Memory, e.g. 256Mi or 1Gi.
     */
    memory?: string;
  };
}
