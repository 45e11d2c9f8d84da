/* eslint-disable */
// Generated from schemas/app.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * Fully qualified host name; it must be one of the tenant's `hostnames`, or match one of its `*.` wildcards. A `*.` host is an Ingress wildcard (one label).
 */
export type Host = string;

/**
 * An application contract. File: apps/<tenant>/<name>.yaml. It expands into a Deployment (or a CronJob or Job), ServiceAccount, PrometheusRule and, as asked, Service, Ingress, HorizontalPodAutoscaler, PodDisruptionBudget, ServiceMonitor, ExternalSecret and NetworkPolicy in the tenant's namespace, plus a Flux ImageRepository and ImagePolicy that keep the image tag current.
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
   * What runs: `Deployment` (long-running pods, the default), `CronJob` (a Job started on `schedule`) or `Job` (runs to completion once per change of the app file). CronJobs and Jobs get no Service, Ingress, autoscaler or disruption budget, so `port`, `replicas`, `autoscaling`, `probes`, `ingress` and `metrics` are for Deployments only.
   */
  kind: 'Deployment' | 'CronJob' | 'Job';
  /**
   * When a CronJob starts, as a five-field cron expression (minute hour day-of-month month day-of-week) in UTC, e.g. `30 2 * * *`. Required for `kind: CronJob`, refused otherwise.
   */
  schedule?: string;
  /**
   * Replaces the image's ENTRYPOINT. Default: the image's own.
   *
   * @maxItems 50
   */
  command?: string[];
  /**
   * Replaces the image's CMD (the arguments of the entrypoint). `$(VAR)` expands an environment variable of the container. Default: the image's own.
   *
   * @maxItems 200
   */
  args?: string[];
  /**
   * How a CronJob's or Job's runs behave. Only for `kind: CronJob` and `kind: Job`.
   */
  job: {
    /**
     * Retries of a failed run before the run counts as failed.
     */
    backoffLimit: number;
    /**
     * A run that takes longer is stopped and counts as failed.
     */
    activeDeadlineSeconds: number;
    /**
     * CronJob only: what happens when a run is due while the previous one still runs. `Forbid` skips the new run, `Replace` stops the old one, `Allow` runs both (each counts against the quota).
     */
    concurrencyPolicy: 'Forbid' | 'Replace' | 'Allow';
    /**
     * CronJob only: a run that could not start within this time after its scheduled time is skipped.
     */
    startingDeadlineSeconds: number;
  };
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
   * Values from the connection Secrets of the tenant's own AWS resources (`aws.databases`, `aws.redis`, `aws.opensearch`, `aws.queues` of the tenant file), which Crossplane writes into the tenant's main namespace. Only for apps in the main namespace. docs/apps.md lists the keys each kind writes.
   */
  connections: {
    /**
     * Environment variables, keyed by name, each read from one key of one resource's connection Secret. Plain `env` values may use them as `$(NAME)`.
     */
    env: {
      [k: string]: ConnectionEnv | undefined;
    };
    /**
     * Connection Secrets mounted read-only as files: one file per key under `path`.
     */
    files: ConnectionFiles[];
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
   * Prometheus alerts of the app, rendered as a PrometheusRule `<app>` in its namespace and routed to the tenant (rule labels `tenant`, `namespace` and `app`). Default: the platform's rules for crash-looping pods (Deployments), failed runs (CronJobs and Jobs) and, for apps with an ingress or metrics, a high rate of 5xx responses.
   */
  alerts: {
    /**
     * The platform's default rules; set one to false to switch it off.
     */
    defaults: {
      /**
       * `AppCrashLooping` (warning), Deployments only: a container of the app's pods has been in CrashLoopBackOff for 15 minutes.
       */
      crashLooping: boolean;
      /**
       * `AppJobFailed` (warning), CronJobs and Jobs only: a run failed (all its retries used up or its deadline passed). It clears when the failed Job is deleted, or for a CronJob when its failed Job is replaced by a newer failed one or ages out of the history.
       */
      jobFailed: boolean;
      /**
       * `AppHighErrorRate` (critical): more than 5% of requests answered 5xx for 10 minutes, measured at the ingress controller (apps with `ingress`) or from the app's own `http_requests_total{code}` (apps with `metrics` and no ingress). No rule for apps with neither.
       */
      errorRate: boolean;
    };
    /**
     * The app's own alerting rules.
     *
     * @maxItems 50
     */
    rules: AlertRule[];
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
 * One key of one resource's connection Secret: exactly one `from…` and the `key`.
 */
export interface ConnectionEnv {
  /**
   * Name of a database of the tenant (`aws.databases`, any engine); its Secret is `<name>-postgres`.
   */
  fromDatabase?: string;
  /**
   * With fromDatabase: read replica n of the database (1 to its readReplicas) instead of the primary; its Secret is `<name>-postgres-replica-<n>` and holds address, endpoint, host, port and username (the password is the primary's).
   */
  replica?: number;
  /**
   * Name of a Redis of the tenant (`aws.redis`); its Secret is `<name>-redis`.
   */
  fromRedis?: string;
  /**
   * Name of an OpenSearch domain of the tenant (`aws.opensearch`); its Secret is `<name>-opensearch`.
   */
  fromOpenSearch?: string;
  /**
   * Name of an SQS queue of the tenant (`aws.queues`); its Secret is `<name>-queue`.
   */
  fromQueue?: string;
  /**
   * Key of the connection Secret, one that the resource's kind writes (docs/apps.md).
   */
  key: string;
}
/**
 * One resource's connection Secret as files: exactly one `from…` and the `path`.
 */
export interface ConnectionFiles {
  /**
   * Name of a database of the tenant (`aws.databases`, any engine); its Secret is `<name>-postgres`.
   */
  fromDatabase?: string;
  /**
   * With fromDatabase: read replica n of the database (1 to its readReplicas) instead of the primary; its Secret is `<name>-postgres-replica-<n>` and holds address, endpoint, host, port and username (the password is the primary's).
   */
  replica?: number;
  /**
   * Name of a Redis of the tenant (`aws.redis`); its Secret is `<name>-redis`.
   */
  fromRedis?: string;
  /**
   * Name of an OpenSearch domain of the tenant (`aws.opensearch`); its Secret is `<name>-opensearch`.
   */
  fromOpenSearch?: string;
  /**
   * Name of an SQS queue of the tenant (`aws.queues`); its Secret is `<name>-queue`.
   */
  fromQueue?: string;
  /**
   * Absolute directory to mount the Secret at, e.g. /etc/connections/ledger; not / or /tmp.
   */
  path: string;
}
/**
 * One alerting rule.
 */
export interface AlertRule {
  /**
   * Alert name, in PascalCase, unique within the app (and not the name of a default rule that is on), e.g. RefundQueueBacklog.
   */
  name: string;
  /**
   * PromQL expression; every series it returns fires the alert. Select your own namespace's series (`namespace="<namespace>"`).
   */
  expr: string;
  /**
   * How long the expression must keep returning a series before the alert fires.
   */
  for: string;
  /**
   * `critical` (act now), `warning` (act today) or `info` (for the record).
   */
  severity: 'critical' | 'warning' | 'info';
  /**
   * One line saying what is wrong; the Slack message title. May use `{{ $labels.<name> }}` and `{{ $value }}`.
   */
  summary: string;
  /**
   * More detail: what to check, what to do.
   */
  description?: string;
  /**
   * Link to the runbook.
   */
  runbookUrl?: string;
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
