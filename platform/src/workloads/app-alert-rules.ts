import type { AlertRuleSettings, AppSettings } from './app-settings.js';

/** One Prometheus alerting rule as the PrometheusRule holds it. */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/**
 * Labels on every alert of an app. Alertmanager routes on them: `namespace` (the tenant's AlertmanagerConfig matches
 * its own namespace) and `tenant`; `app` says which app fired. Set as rule labels, so they hold even when an
 * expression aggregates them away or reads series of another namespace (the ingress controller's).
 */
export const ALERT_ROUTING_LABELS = ['tenant', 'namespace', 'app'] as const;

/** Names of the platform's default rules, which an app's own rules may not reuse while they are on. */
export const DEFAULT_ALERT_NAMES = { crashLooping: 'AppCrashLooping', jobFailed: 'AppJobFailed', errorRate: 'AppHighErrorRate' } as const;

/** Share of 5xx responses above which `AppHighErrorRate` fires. */
export const ERROR_RATE_THRESHOLD = 0.05;

/** The characters Kubernetes uses in generated name suffixes (ReplicaSet hashes, pod suffixes): no vowels. */
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]';

/**
 * The names of the app's pods, as a regular expression: `<app>-<replicaset hash>-<suffix>` for a Deployment,
 * `<app>-<scheduled minute>-<suffix>` for a CronJob's runs, `<app>-<suffix>` for a Job. Generated parts have no vowels,
 * so another app's pods match only if its name extends this one's by a vowel-free word (`api` and `api-v2`).
 */
export function podNamePattern(app: Pick<AppSettings, 'name' | 'kind'>): string {
  const middle = { Deployment: `${SUFFIX}{1,10}-`, CronJob: '[0-9]+-', Job: '' }[app.kind];
  return `${app.name}-${middle}${SUFFIX}{5}`;
}

/** The names of the app's Jobs, as a regular expression: `<app>-<scheduled minute>` for a CronJob, `<app>` for a Job. */
export function jobNamePattern(app: Pick<AppSettings, 'name' | 'kind'>): string {
  return app.kind === 'CronJob' ? `${app.name}-[0-9]+` : app.name;
}

/**
 * The Traefik service of an app's Ingress as Traefik's metrics name it (`<namespace>-<service>-<port>@kubernetes`).
 * Prometheus keeps it as `exported_service`: the scrape target's own `service` label wins (honorLabels off).
 */
export function ingressMetricsService(app: Pick<AppSettings, 'name' | 'namespace'>, port = 'http'): string {
  return `${app.namespace}-${app.name}-${port}@kubernetes`;
}

/** The rate of 5xx answers over all answers, from `metric` restricted by `selector`. */
function errorRatio(metric: string, selector: string): string {
  const rate = (extra: string) => `sum(rate(${metric}{${selector}${extra}}[5m]))`;
  return `${rate(', code=~"5.."')} / ${rate('')} > ${ERROR_RATE_THRESHOLD}`;
}

/**
 * Every alerting rule of an app: the platform's defaults that are on, then the app's own, each labelled for routing.
 * Crash-looping pods for a Deployment, failed runs for a CronJob or Job; a high 5xx rate measured at the ingress controller for apps with an ingress,
 * or from the app's own `http_requests_total{code}` for apps with metrics and no ingress.
 */
export function appAlertRules(app: AppSettings): AlertingRule[] {
  const rules: AlertRuleSettings[] = [];
  if (app.alerts.crashLooping && app.kind === 'Deployment') {
    rules.push({
      name: DEFAULT_ALERT_NAMES.crashLooping,
      expr: `max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff", namespace="${app.namespace}", pod=~"${podNamePattern(app)}"}[5m]) >= 1`,
      for: '15m',
      severity: 'warning',
      summary: `Pod {{ $labels.pod }} of ${app.name} keeps crashing`,
      description: `A container of {{ $labels.pod }} has been restarting (CrashLoopBackOff) for 15 minutes. Check its logs and recent changes to ${app.name}.`,
    });
  }
  if (app.alerts.jobFailed && app.kind !== 'Deployment') {
    rules.push({
      name: DEFAULT_ALERT_NAMES.jobFailed,
      expr: `kube_job_failed{condition="true", namespace="${app.namespace}", job_name=~"${jobNamePattern(app)}"} == 1`,
      for: '1m',
      severity: 'warning',
      summary: `Job {{ $labels.job_name }} of ${app.name} failed`,
      description: `The run used up its retries or its deadline. Read the logs of its pods (kubectl logs job/{{ $labels.job_name }}), then delete the Job to clear the alert.`,
    });
  }
  const errorExpr = !app.alerts.errorRate
    ? undefined
    : app.ingress && app.port !== undefined
      ? errorRatio('traefik_service_requests_total', `exported_service="${ingressMetricsService(app)}"`)
      : app.metrics
        ? errorRatio('http_requests_total', `namespace="${app.namespace}", service="${app.name}"`)
        : undefined;
  if (errorExpr) {
    rules.push({
      name: DEFAULT_ALERT_NAMES.errorRate,
      expr: errorExpr,
      for: '10m',
      severity: 'critical',
      summary: `${app.name} answers {{ $value | humanizePercentage }} of requests with 5xx`,
      description: `More than ${ERROR_RATE_THRESHOLD * 100}% of the requests to ${app.name} have failed with a 5xx status for 10 minutes.`,
    });
  }
  rules.push(...app.alerts.rules);
  const routing = { tenant: app.tenant, namespace: app.namespace, app: app.name };
  return rules.map((r) => ({
    alert: r.name,
    expr: r.expr,
    for: r.for,
    labels: { severity: r.severity, ...routing },
    annotations: { summary: r.summary, ...(r.description ? { description: r.description } : {}), ...(r.runbookUrl ? { runbook_url: r.runbookUrl } : {}) },
  }));
}
