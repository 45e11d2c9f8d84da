import { ApiObject } from 'cdk8s';
import type { SubnetPlan } from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { tenantAwsPrefix, tenantEnvironment } from '../../fleet-index.js';

/**
 * out/<cluster>/README.md: what this folder is, the subnet plan as a table and the Flux layers
 * (the Kustomizations already rendered into flux/) as a Mermaid graph of their dependsOn edges.
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
    ...tenantTable(ctx),
    '## Flux layers',
    '',
    '```mermaid',
    ...fluxGraph(ctx),
    '```',
    '',
  ].join('\n');
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
  const kustomizations = ctx.outputCharts
    .filter((chart) => chart.folder === 'flux')
    .flatMap((chart) => chart.node.findAll().filter(ApiObject.isApiObject))
    .filter((o) => o.kind === 'Kustomization')
    .map((o) => o.toJson() as { metadata: { name: string }; spec: { path: string; dependsOn?: { name: string }[] } })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  for (const k of kustomizations) lines.push(`  ${id(k.metadata.name)}["${k.metadata.name}<br/>${k.spec.path}"]`);
  for (const k of kustomizations) for (const d of k.spec.dependsOn ?? []) lines.push(`  ${id(d.name)} --> ${id(k.metadata.name)}`);
  return lines;
}
