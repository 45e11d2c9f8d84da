import { Construct } from 'constructs';
import { appAlertRules } from './app-alert-rules.js';
import { AppAutoscaler } from './app-autoscaler.js';
import { AppCronJob } from './app-cron-job.js';
import { AppDeployment } from './app-deployment.js';
import { AppDisruptionBudget } from './app-disruption-budget.js';
import { AppExternalSecret } from './app-external-secret.js';
import { AppIngress } from './app-ingress.js';
import { AppJob } from './app-job.js';
import { AppNetworkPolicy, type AppNetworkPolicyPeer } from './app-network-policy.js';
import { MONITORING_NAMESPACE } from '../addons/kube-prometheus-stack.js';
import { INGRESS_NAMESPACE } from '../addons/traefik.js';
import { type AppServicePort, AppService } from './app-service.js';
import { AppServiceAccount } from './app-service-account.js';
import { AppServiceMonitor } from './app-service-monitor.js';
import { AppPrometheusRule } from './app-prometheus-rule.js';
import { type AppSettings, appLabels, minPods, selectorLabels } from './app-settings.js';

export interface AppWorkloadProps {
  /** The app as it runs in this cluster (see appSettings()). */
  readonly app: AppSettings;
  /** DNS name of the internal NLB that a private ingress host points at (see internalIngressHost()). */
  readonly internalIngressTarget?: string;
  /**
   * The Flux ImagePolicy that follows this image, as `<namespace>:<name>`. The image line then
   * carries the setter marker `{"$imagepolicy": "<namespace>:<name>"}`, so the image automation
   * rewrites the rendered tag in the same commit as the app file's.
   * @default - no marker
   */
  readonly imagePolicy?: string;
  /** SecretStore in the app's namespace that reads the tenant's secrets. @default `<tenant>-secrets` */
  readonly secretStoreName?: string;
}

/** Name of the Secret an app's ExternalSecret creates. */
export const appSecretName = (app: string) => `${app}-secrets`;

/**
 * Everything one app runs as in one namespace: ServiceAccount, a Deployment, CronJob or Job, the PrometheusRule of
 * its alerts and, as the app asks, Service, Ingress, HorizontalPodAutoscaler, PodDisruptionBudget (two pods or more),
 * ServiceMonitor, ExternalSecret and a NetworkPolicy opening its ports to the ingress controller and Prometheus.
 * CronJobs and Jobs serve nothing: the app rules keep ports, ingress, scaling and metrics to Deployments.
 */
export class AppWorkload extends Construct {
  constructor(scope: Construct, id: string, props: AppWorkloadProps) {
    super(scope, id);
    const app = props.app;
    const base = { name: app.name, namespace: app.namespace, labels: appLabels(app) };
    const selector = selectorLabels(app);
    const hasSecrets = Object.keys(app.secrets).length > 0;

    new AppServiceAccount(this, 'service-account', base);
    const pod = {
      ...base,
      image: `${app.image.repository}:${app.image.tag}`,
      imageMarker: props.imagePolicy ? `{"$imagepolicy": "${props.imagePolicy}"}` : undefined,
      port: app.port,
      resources: app.resources,
      probes: app.probes,
      command: app.command,
      args: app.args,
      env: app.env,
      secretEnv: app.secrets,
      secretName: hasSecrets ? appSecretName(app.name) : undefined,
      connectionEnv: app.connections.env,
      connectionFiles: app.connections.files,
      serviceAccountName: app.name,
      automountServiceAccountToken: app.awsAccess,
    };
    if (app.kind === 'CronJob') new AppCronJob(this, 'cron-job', { ...pod, schedule: app.schedule ?? '', job: app.job });
    else if (app.kind === 'Job') new AppJob(this, 'job', { ...pod, job: app.job });
    else new AppDeployment(this, 'deployment', { ...pod, selector, replicas: app.replicas });

    const rules = appAlertRules(app);
    if (rules.length > 0) new AppPrometheusRule(this, 'prometheus-rule', { ...base, rules });

    const ports: AppServicePort[] = [];
    if (app.port !== undefined) ports.push({ name: 'http', port: app.port });
    if (app.metrics && app.metrics.port !== app.port) ports.push({ name: 'metrics', port: app.metrics.port });
    if (ports.length > 0) new AppService(this, 'service', { ...base, selector, ports });

    if (app.ingress && app.port !== undefined) {
      new AppIngress(this, 'ingress', {
        ...base,
        ...app.ingress,
        serviceName: app.name,
        servicePort: 'http',
        internalTarget: props.internalIngressTarget,
      });
    }
    if (app.autoscaling) {
      const { min, max, targetCPUUtilization } = app.autoscaling;
      new AppAutoscaler(this, 'autoscaler', { ...base, deploymentName: app.name, minReplicas: min, maxReplicas: max, targetCPUUtilization });
    }
    if (app.kind === 'Deployment' && minPods(app) >= 2) new AppDisruptionBudget(this, 'disruption-budget', { ...base, selector });
    if (app.metrics) {
      const port = app.metrics.port === app.port ? 'http' : 'metrics';
      new AppServiceMonitor(this, 'service-monitor', { ...base, selector, port, path: app.metrics.path, interval: app.metrics.interval });
    }
    if (hasSecrets) {
      // Named like the Secret it owns, so it never clashes with a tenant-level ExternalSecret `<name>`.
      new AppExternalSecret(this, 'external-secret', {
        ...base,
        name: appSecretName(app.name),
        secretStoreName: props.secretStoreName ?? `${app.tenant}-secrets`,
        targetName: appSecretName(app.name),
        data: app.secrets,
      });
    }
    const allow: AppNetworkPolicyPeer[] = [];
    if (app.ingress && app.port !== undefined) allow.push({ namespace: INGRESS_NAMESPACE, port: app.port });
    if (app.metrics) allow.push({ namespace: MONITORING_NAMESPACE, port: app.metrics.port });
    if (allow.length > 0) new AppNetworkPolicy(this, 'network-policy', { ...base, selector, allow });
  }
}
