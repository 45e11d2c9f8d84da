/**
 * `platform new tenant|app|cluster NAME`: writes a commented starting file that validates as it is, with the fleet's
 * facts filled in (a cluster that takes tenants, a registry the cluster admits, a free VPC range), then loads the whole
 * fleet with it; a file that would not load is removed again and its problems printed.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, formatDiagnostic } from '../load/diagnostic.js';
import { loadFleet } from '../load/load-fleet.js';
import { clusterTakesTenants } from '../load/tenant-rules.js';
import type { Fleet } from '../model.js';
import { freeVpcRanges } from '../vpc-ranges.js';
import { type Command, type CommandContext, parseFlags, runWithOptions } from './command.js';

const EXIT_USAGE = 2;
const NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const HELP = `Usage: platform new <tenant|app|cluster> NAME [options]

Writes a commented starting file that validates as it is:
  tenant NAME             tenants/NAME.yaml: owners, contact, the clusters that take tenants
  app TENANT/NAME         apps/TENANT/NAME.yaml: an image from a registry the tenant's clusters admit
  cluster NAME            clusters/NAME.yaml: the management cluster's account and region, and the
                          first free /16 VPC range of the fleet

Options:
  --team ORG/TEAM   (tenant) the GitHub team that owns it (default: <org of the first tenant>/NAME)
  -h, --help        show this help

Then edit the file (every field is explained in docs/tenants.md, docs/apps.md, docs/adding-a-cluster.md)
and run \`npm run generate\`. Exit codes: 0 written, 1 the file would not load (nothing written), 2 usage error.`;

interface NewOptions {
  readonly kind: 'tenant' | 'app' | 'cluster';
  readonly name: string;
  readonly team: string | undefined;
}

function parseOptions(argv: string[]): NewOptions | 'help' | string {
  const [kind, name, ...rest] = argv;
  if (kind === '-h' || kind === '--help' || name === '-h' || name === '--help') return 'help';
  if (kind !== 'tenant' && kind !== 'app' && kind !== 'cluster') return `found ${kind === undefined ? 'nothing' : `"${kind}"`}; allowed: tenant, app or cluster`;
  if (name === undefined) return `'${kind}' needs a NAME`;
  const values = parseFlags(rest, { team: { type: 'string' } });
  if (values === 'help') return 'help';
  if (typeof values === 'string') return values;
  const names = kind === 'app' ? name.split('/') : [name];
  if ((kind === 'app' && names.length !== 2) || !names.every((n) => NAME.test(n))) {
    return `found "${name}"; allowed: ${kind === 'app' ? 'TENANT/NAME, each ' : ''}lower case letters, digits and '-', starting with a letter`;
  }
  return { kind, name, team: values.team };
}

export const newCommand: Command = {
  name: 'new',
  summary: 'Write a starting tenant, app or cluster file that validates',
  help: HELP,
  run(argv, ctx) {
    return runWithOptions(parseOptions(argv), newCommand, ctx, EXIT_USAGE, (options) => runNew(options, ctx));
  },
};

async function runNew(options: NewOptions, ctx: CommandContext): Promise<number> {
  const fleet = loadFleet(ctx.repoRoot);
  const scaffold = SCAFFOLDS[options.kind](fleet, options);
  if (typeof scaffold === 'string') {
    ctx.stderr.write(`platform new: ${scaffold}\n`);
    return EXIT_USAGE;
  }
  const path = join(ctx.repoRoot, scaffold.file);
  if (existsSync(path)) {
    ctx.stderr.write(`platform new: ${scaffold.file} exists already; nothing written\n`);
    return EXIT_USAGE;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, scaffold.text);
  try {
    loadFleet(ctx.repoRoot);
  } catch (e) {
    rmSync(path);
    if (!(e instanceof InputError)) throw e;
    for (const d of e.diagnostics) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
    ctx.stderr.write(`platform new: ${scaffold.file} would not load with the fleet as it is; nothing written\n`);
    return 1;
  }
  ctx.stdout.write(`new: wrote ${scaffold.file}; edit it, then run \`npm run generate\`\n`);
  return 0;
}

type Scaffold = (fleet: Fleet, options: NewOptions) => { file: string; text: string } | string;

/** Clusters that take tenants (the loader's rule: every workload cluster, the management one only when its file allows it). */
function tenantClusters(fleet: Fleet): string[] {
  return fleet.clusters
    .filter((c) => clusterTakesTenants(c.spec))
    .map((c) => c.spec.name)
    .sort();
}

const tenant: Scaffold = (fleet, { name, team }) => {
  const clusters = tenantClusters(fleet);
  if (clusters.length === 0) return 'no cluster of the fleet takes tenants yet: add one first (platform new cluster NAME)';
  const org = fleet.tenants[0]?.spec.owners[0]?.team.split('/')[0] ?? 'acme';
  return {
    file: `tenants/${name}.yaml`,
    text: `# yaml-language-server: $schema=../schemas/tenant.schema.json
# Every field is explained in docs/tenants.md.
name: ${name}
description: What the team runs, in one line.
owners:
  - team: ${team ?? `${org}/${name}`}      # GitHub <org>/<team-slug>; admin, edit or view in your namespaces
    role: admin
contact:
  slackChannel: "#${name}"      # where Flux tells you about your deployments
clusters: [${clusters.join(', ')}]
# namespaces: [jobs]            # extra namespaces ${name}-jobs, ...
# quotas:                       # each cap optional, within the cluster's ceilings
#   cpu: "4"
#   memory: 8Gi
# hostnames: [${name}.example.com]
# network:
#   allowFrom: [other-team]     # that team lists you in its network.allowTo
#   internetEgress: true
# aws:
#   buckets:
#     - name: uploads
`,
  };
};

const app: Scaffold = (fleet, { name: path }) => {
  const [tenantName, name] = path.split('/') as [string, string];
  const owner = fleet.tenants.find((t) => t.spec.name === tenantName);
  if (!owner) return `no tenant "${tenantName}": write tenants/${tenantName}.yaml first (platform new tenant ${tenantName})`;
  const registries = fleet.clusters
    .filter((c) => owner.spec.clusters.includes(c.spec.name))
    .map((c) => c.spec.tenancy?.imageRegistries[0]);
  const registry = registries.every((r) => r !== undefined && r === registries[0]) ? registries[0] : undefined;
  return {
    file: `apps/${tenantName}/${name}.yaml`,
    text: `# yaml-language-server: $schema=../../schemas/app.schema.json
# Every field is explained in docs/apps.md.
name: ${name}
description: What the app does, in one line.
image:
  repository: ${registry ?? '<your registry>'}/${name}    # a registry the clusters admit, or one of your aws.registries
  tag: 1.0.0
port: 8080
replicas: 2
resources:
  requests: { cpu: 100m, memory: 128Mi }
  limits: { cpu: 500m, memory: 256Mi }
# probes:
#   readiness: { path: /healthz }
# env:
#   LOG_LEVEL: info
# ingress:
#   host: ${name}.example.com   # one of the tenant's hostnames
#   public: true
`,
  };
};

const cluster: Scaffold = (fleet, { name }) => {
  const management = fleet.clusters.find((c) => c.spec.management);
  if (!management) return 'the fleet has no management cluster to take the account and region from';
  const [cidr] = freeVpcRanges(fleet, 1);
  if (!cidr) return 'no free /16 is left in 10.0.0.0/8; write the file by hand with a smaller VPC';
  const { accountId, region } = management.spec.aws;
  const parent = management.spec.dns.domain.split('.').slice(1).join('.') || management.spec.dns.domain;
  return {
    file: `clusters/${name}.yaml`,
    text: `# yaml-language-server: $schema=../schemas/cluster.schema.json
# Follow docs/adding-a-cluster.md: the account, the DNS zone and the Crossplane role come first.
name: ${name}
description: What the cluster is for, in one line.
environment: staging            # development, staging or production
aws:
  accountId: "${accountId}"      # the cluster's own account
  region: ${region}
  availabilityZones: [${['a', 'b', 'c'].map((z) => `${region}${z}`).join(', ')}]
network:
  vpcCidr: ${cidr}         # free in the fleet; network.ids come after the first apply
dns:
  domain: ${name}.${parent}
  # hostedZoneId: Z...          # the zone of the domain, delegated from its parent
access:
  apiCidrs: [${management.spec.access.apiCidrs.join(', ')}]
nodeGroups:
  - name: general
    instanceTypes: [m6i.large]
    minSize: 3
    maxSize: 9
`,
  };
};

const SCAFFOLDS: Record<NewOptions['kind'], Scaffold> = { tenant, app, cluster };
