import {
  AwsClusterProviderConfig,
  AwsProviders,
  AwsSecretsManagerStore,
  IAM_OPENID_CONNECT_PROVIDER,
  type AddonSettings,
  LetsEncryptIssuers,
  ManagedResourceActivationPolicy,
  PLATFORM_NAMESPACES,
  PlatformNotifications,
  FLUX_NAMESPACE,
  GrafanaDashboard,
  GrafanaOrgSync,
  MONITORING_NAMESPACE,
  PLATFORM_SECRETS,
  PlatformExternalSecret,
  SlackTokenSecret,
  TENANT_LABEL,
  teamOverviewDashboard,
  tenantNamespaces,
  crossplaneProviderRoleArn,
  crossplaneAssumeRoleArn,
  enabledAddons,
  infraProviderConfigName,
} from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { TENANT_FILES, addonEnvironment } from './addons-layer.js';
import { clusterTenantZones } from '../../fleet-index.js';

/**
 * providers/ and addons-config/: the objects that need the CRDs the add-ons install.
 * providers/ holds the Crossplane AWS provider packages, their runtime config and activation
 * policy (applied once Crossplane is Ready); addons-config/ the ClusterProviderConfigs (once the
 * providers are Healthy), the Let's Encrypt issuers, the platform ClusterSecretStore and the
 * platform's Flux notifications. Objects of an add-on that is off are left out.
 */
export function renderAddonsConfigLayer(ctx: ClusterContext): void {
  const { cluster, fleet } = ctx;
  const spec = cluster.spec;
  const sources = [cluster.source.path];
  const on = new Set(enabledAddons((spec.addons ?? {}) as AddonSettings).map((a) => a.name));
  ctx.fluxPaths.add('providers');
  const config = ctx.chart('addons-config', 'addons-config', sources);

  if (on.has('crossplane')) {
    const credentials = spec.crossplane?.credentials ?? 'PodIdentity';
    const providers = ctx.chart('providers', 'providers', sources);
    new AwsProviders(providers, 'aws', {
      irsaRoleArn: credentials === 'IRSA' ? crossplaneProviderRoleArn(spec.aws.accountId, spec.name) : undefined,
    });
    // OIDC providers are infra of IRSA clusters only, reconciled by the management cluster.
    const oidcProviders = spec.management && fleet.clusters.some((c) => c.spec.crossplane?.credentials === 'IRSA');
    new ManagedResourceActivationPolicy(providers, 'activation', { exclude: oidcProviders ? [] : [IAM_OPENID_CONNECT_PROVIDER] });
    new AwsClusterProviderConfig(config, 'default', { name: 'default', credentials });
    if (spec.management) {
      // infra-<cluster>: cluster X's infra MRs, reached through a role in X's account.
      for (const c of fleet.clusters) {
        const roleArn = crossplaneAssumeRoleArn(c.spec);
        new AwsClusterProviderConfig(config, `infra-${c.spec.name}`, {
          name: infraProviderConfigName(c.spec.name),
          credentials,
          assumeRoleChain: [roleArn],
        });
      }
    }
  }
  if (on.has('cert-manager')) {
    new LetsEncryptIssuers(config, 'letsencrypt', {
      domain: spec.dns.domain,
      region: spec.aws.region,
      hostedZoneId: spec.dns.hostedZoneId,
      tenantZones: clusterTenantZones(fleet, spec).map((z) => z.name),
    });
  }
  if (on.has('external-secrets')) {
    // flux-system reads the Slack bot token of the notification Providers through it.
    new AwsSecretsManagerStore(config, 'secret-store', { cluster: spec.name, region: spec.aws.region, namespaces: [...PLATFORM_NAMESPACES, FLUX_NAMESPACE] });
    new SlackTokenSecret(config, 'slack-token', { cluster: spec.name });
    // Alertmanager posts platform alerts, and every tenant's, with the same bot token.
    if (on.has('kube-prometheus-stack') && spec.notifications?.slackChannel) {
      new SlackTokenSecret(config, 'slack-token-alertmanager', { cluster: spec.name, namespace: MONITORING_NAMESPACE });
    }
    for (const secret of PLATFORM_SECRETS.filter((s) => on.has(s.addon))) {
      new PlatformExternalSecret(config, `secret-${secret.namespace}-${secret.name}`, { cluster: spec.name, name: secret.name, namespace: secret.namespace, data: secret.data });
    }
  }
  const slackChannel = spec.notifications?.slackChannel;
  if (slackChannel) new PlatformNotifications(config, 'notifications', { cluster: spec.name, slackChannel });
  if (on.has('grafana')) {
    renderTeamDashboards(ctx, on.has('loki'));
    const sync = ctx.chart('grafana-org-sync', 'addons-config', [...sources, TENANT_FILES]);
    new GrafanaOrgSync(sync, 'grafana-org-sync', { env: addonEnvironment(spec, fleet) });
  }
}

/**
 * Each team's dashboards, in its own Grafana organisation (the organisation sync writes them there): its overview and
 * the dashboards its tenant file names. The management cluster's Grafana (the fleet view) has every team's
 * organisation; any other cluster's, those of the teams it runs.
 */
function renderTeamDashboards(ctx: ClusterContext, logs: boolean): void {
  const teams = ctx.cluster.spec.management ? ctx.fleet.tenants : ctx.tenants;
  for (const t of teams) {
    const name = t.spec.name;
    const files = ctx.fleet.dashboards?.get(name) ?? [];
    const labels = { [TENANT_LABEL]: name };
    // The overview's inputs, not its JSON: the unit's key is computed every run, the JSON only when the unit renders.
    const overview = { tenant: name, namespaces: tenantNamespaces(t.spec), logs };
    const shipped = files.map((f) => ({ id: f.name, name: `team-${name}-${f.name}`, json: f.json }));
    ctx.unit(`dashboards-${name}`, 'addons-config', [t.source.path, ...files.map((f) => f.path)], { name, labels, overview, shipped }, (chart, p) => {
      const dashboards = [{ id: 'overview', name: `team-${p.name}-overview`, json: teamOverviewDashboard(p.overview) }, ...p.shipped];
      for (const d of dashboards) new GrafanaDashboard(chart, d.id, { name: d.name, folder: p.name, org: p.name, labels: p.labels, dashboard: d.json });
    });
  }
}
