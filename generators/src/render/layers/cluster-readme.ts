import { ApiObject } from 'cdk8s';
import { type SubnetPlan, tenantSyncKustomizations } from '@platform/platform';
import { freeVpcRanges } from '../../vpc-ranges.js';
import type { ClusterContext } from '../cluster-context.js';
import { tenantAwsPrefix, tenantEnvironment } from '../../fleet-index.js';
import { tenantSyncProps } from './flux-layer.js';

/** Above this many tenants, the Flux graph draws them as one node each for tenant and app layers (Mermaid's text limit). */
export const MAX_TENANTS_DRAWN = 25;

/** How many free /16 ranges the fleet map suggests for the next cluster. */
const FREE_RANGES_SHOWN = 3;

/**
 * out/<cluster>/README.md: what this folder is, the subnet plan as a table, the VPC ranges of the whole fleet with
 * free ranges for the next cluster, and the Flux layers (the Kustomizations of flux/) as a Mermaid graph of their
 * dependsOn edges.
 */
export function clusterReadme(ctx: ClusterContext, plan: SubnetPlan): string {
  const c = ctx.cluster.spec;
  const rows = plan.subnets.map((s) => `| ${s.tier} | ${s.availabilityZone} | \`${s.cidr}\` | ${2 ** (32 - Number(s.cidr.split('/')[1])) - 5} |`);
  return [
    `# ${c.name}`,
    '',
    `Generated from \`${ctx.cluster.source.path}\`; do not edit. ${c.description ?? ''}`.trimEnd(),
    '',
    `- Environment: ${c.environment}${c.management ? ' (management cluster)' : ''}`,
    `- AWS: account ${c.aws.accountId}, region ${c.aws.region}, zones ${c.aws.availabilityZones.join(', ')}`,
    `- Kubernetes ${c.kubernetes.version}; infrastructure in namespace \`infra-${c.name}\` of the management cluster`,
    '',
    '## Subnet plan',
    '',
    `VPC \`${plan.vpcCidr}\`; ${plan.freeAddresses} addresses left unallocated.`,
    '',
    '| Tier | Zone | CIDR | Usable addresses |',
    '|---|---|---|---|',
    ...rows,
    '',
    '## VPC ranges of the fleet',
    '',
    ...fleetMap(ctx),
    '',
    ...tenantTable(ctx),
    '## Flux layers',
    '',
    '```mermaid',
    ...fluxGraph(ctx),
    '```',
    '',
  ].join('\n');
}

/** Every cluster's VPC, and the first free /16 ranges of 10.0.0.0/8 (docs/adding-a-cluster.md). */
function fleetMap(ctx: ClusterContext): string[] {
  const clusters = [...ctx.fleet.clusters].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  const free = freeVpcRanges(ctx.fleet, FREE_RANGES_SHOWN).map((r) => `\`${r}\``);
  return [
    '| Cluster | Account | Region | VPC |',
    '|---|---|---|---|',
    ...clusters.map((c) => `| ${c.spec.name === ctx.cluster.spec.name ? `**${c.spec.name}**` : c.spec.name} | ${c.spec.aws.accountId} | ${c.spec.aws.region} | \`${c.spec.network.vpcCidr}\` |`),
    '',
    `Free for the next cluster: ${free.length > 0 ? free.join(', ') : 'no /16 left in 10.0.0.0/8'} (any range that overlaps none of the above works).`,
  ];
}

/**
 * The tenants of the cluster with their AWS prefix (every AWS name of a tenant starts with `<cluster>-<prefix>-`,
 * and IAM scopes the tenant by it) and their environment, which sets their AWS defaults.
 */
function tenantTable(ctx: ClusterContext): string[] {
  const c = ctx.cluster.spec;
  if (ctx.tenants.length === 0) return [];
  const rows = [...ctx.tenants]
    .sort((a, b) => a.spec.name.localeCompare(b.spec.name))
    .map((t) => `| ${t.spec.name} | \`${c.name}-${tenantAwsPrefix(t.spec)}-\` | ${tenantEnvironment(t.spec, c)} |`);
  return ['## Tenants', '', 'AWS names of a tenant start with its AWS prefix; names longer than AWS allows end in a stable hash.', '', '| Tenant | AWS names | Environment |', '|---|---|---|', ...rows, ''];
}

function fluxGraph(ctx: ClusterContext): string[] {
  const lines = ['graph LR'];
  const id = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
  // The platform's Kustomizations as rendered by the flux chart; each tenant's pair from the props its unit renders.
  const platform = ctx.outputCharts
    .filter((chart) => chart.folder === 'flux')
    .flatMap((chart) => chart.node.findAll().filter(ApiObject.isApiObject))
    .filter((o) => o.kind === 'Kustomization')
    .map((o) => o.toJson() as { metadata: { name: string }; spec: { path: string; dependsOn?: { name: string }[] } })
    .map((k) => ({ name: k.metadata.name, path: k.spec.path, dependsOn: (k.spec.dependsOn ?? []).map((d) => d.name) }));
  const tenants = ctx.tenants.flatMap((t) => tenantSyncKustomizations(tenantSyncProps(ctx, t))).map((k) => ({ ...k, dependsOn: k.dependsOn ?? [] }));
  const kustomizations = [...platform, ...tenants].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Past a few dozen tenants one node per Kustomization exceeds what Mermaid draws: tenants become two grouped nodes.
  const perTenant = (name: string) => /^(tenant|apps)-/.test(name);
  const group = kustomizations.filter((k) => perTenant(k.name)).length > 2 * MAX_TENANTS_DRAWN;
  const node = (name: string) => (group && perTenant(name) ? (name.startsWith('tenant-') ? 'tenants' : 'apps') : id(name));
  const drawn = new Set<string>();
  for (const k of kustomizations) {
    const n = node(k.name);
    if (drawn.has(n)) continue;
    drawn.add(n);
    if (n === 'tenants' || n === 'apps') {
      const count = kustomizations.filter((x) => node(x.name) === n).length;
      lines.push(`  ${n}["${n === 'tenants' ? 'tenant' : 'apps'}-&lt;team&gt; (${count})<br/>${n}/&lt;team&gt;"]`);
    } else {
      lines.push(`  ${n}["${k.name}<br/>${k.path}"]`);
    }
  }
  const edges = new Set<string>();
  for (const k of kustomizations) for (const d of k.dependsOn) edges.add(`  ${node(d)} --> ${node(k.name)}`);
  lines.push(...edges);
  return lines;
}
