import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION, GRAFANA_NAMESPACE } from '../addons/grafana.js';
import { GRAFANA_ORG_LABEL } from './grafana-org-sync.js';

export interface GrafanaDashboardProps {
  /** ConfigMap name (DNS-1123); also the file name `<name>.json` Grafana's sidecar writes. */
  readonly name: string;
  /** The Grafana folder, e.g. the tenant name. */
  readonly folder: string;
  /** The dashboard model (Grafana's JSON export), serialised as it is. */
  readonly dashboard: string;
  /** @default {} */
  readonly labels?: Record<string, string>;
  /**
   * The Grafana organisation it belongs to: the organisation sync writes it there, and the sidecar (main organisation)
   * does not load it. @default - the main organisation, through the sidecar
   */
  readonly org?: string;
}

/**
 * A Grafana dashboard as a ConfigMap in the `grafana` namespace: Grafana's sidecar loads every ConfigMap with the
 * dashboard label into the main organisation's folder its annotation names; one labelled with an organisation goes to
 * that organisation only (the organisation sync writes it). Only the platform writes this namespace, so a team's
 * dashboards land in its own organisation and nowhere else.
 */
export class GrafanaDashboard extends ApiObject {
  constructor(scope: Construct, id: string, props: GrafanaDashboardProps) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: props.name,
        namespace: GRAFANA_NAMESPACE,
        labels: { ...(props.org ? { [GRAFANA_ORG_LABEL]: props.org } : { [GRAFANA_DASHBOARD_LABEL]: '1' }), ...props.labels },
        annotations: { [GRAFANA_FOLDER_ANNOTATION]: props.folder },
      },
      data: { [`${props.name}.json`]: props.dashboard },
    });
  }
}
