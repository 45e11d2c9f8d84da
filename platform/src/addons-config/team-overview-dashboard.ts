export interface TeamOverviewOptions {
  readonly tenant: string;
  /** The tenant's namespaces. */
  readonly namespaces: readonly string[];
  /** Add a logs panel (Loki data source `logs`). @default false */
  readonly logs?: boolean;
}

const METRICS = { type: 'prometheus', uid: 'metrics' } as const;
const LOGS = { type: 'loki', uid: 'logs' } as const;
const SCOPE = 'cluster=~"$cluster", namespace=~"$namespace"';

/** A time-series panel of one PromQL query, legend by pod. */
function timeseries(id: number, title: string, expr: string, unit: string, x: number, y: number) {
  return {
    id,
    type: 'timeseries',
    title,
    datasource: METRICS,
    gridPos: { h: 8, w: 12, x, y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: [{ refId: 'A', datasource: METRICS, expr, legendFormat: '{{namespace}}/{{pod}}' }],
  };
}

/**
 * The dashboard every team finds in its folder: CPU, memory, restarts and unready pods of its namespaces, per
 * cluster (a variable, so the management cluster's fleet view shows every cluster), and its recent logs. The uid is
 * the tenant's (`team-<tenant>`), so each team's overview has a stable address.
 */
export function teamOverviewDashboard(options: TeamOverviewOptions): string {
  const namespaces = [...options.namespaces].sort();
  const panels: object[] = [
    timeseries(1, 'CPU (cores)', `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${SCOPE}, container!=""}[5m]))`, 'short', 0, 0),
    timeseries(2, 'Memory (working set)', `sum by (namespace, pod) (container_memory_working_set_bytes{${SCOPE}, container!=""})`, 'bytes', 12, 0),
    timeseries(3, 'Container restarts (1h)', `sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{${SCOPE}}[1h]))`, 'short', 0, 8),
    timeseries(4, 'Pods not ready', `sum by (namespace, pod) (kube_pod_status_ready{${SCOPE}, condition="false"})`, 'short', 12, 8),
  ];
  if (options.logs) {
    panels.push({
      id: 5,
      type: 'logs',
      title: 'Logs',
      datasource: LOGS,
      gridPos: { h: 12, w: 24, x: 0, y: 16 },
      options: { showTime: true, wrapLogMessage: true, sortOrder: 'Descending' },
      targets: [{ refId: 'A', datasource: LOGS, expr: '{cluster=~"$cluster", namespace=~"$namespace"}' }],
    });
  }
  const dashboard = {
    uid: `team-${options.tenant}`.slice(0, 40),
    title: `${options.tenant}: overview`,
    tags: ['team', options.tenant],
    editable: false,
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    templating: {
      list: [
        {
          name: 'cluster',
          type: 'query',
          datasource: METRICS,
          query: `label_values(kube_namespace_status_phase{namespace=~"${namespaces.join('|')}"}, cluster)`,
          includeAll: true,
          multi: true,
          refresh: 2,
        },
        {
          name: 'namespace',
          type: 'custom',
          query: namespaces.join(','),
          includeAll: true,
          multi: true,
          current: { text: 'All', value: '$__all' },
        },
      ],
    },
    panels,
  };
  return JSON.stringify(dashboard, null, 2);
}
