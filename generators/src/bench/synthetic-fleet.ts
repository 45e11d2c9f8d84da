import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticFleetSize {
  readonly clusters: number;
  readonly tenants: number;
  readonly appsPerTenant: number;
}

/**
 * Writes a synthetic fleet into `root`: one management cluster plus workload clusters, tenants
 * spread over every cluster (the management cluster allows them), and apps per tenant. Inputs use only required fields and
 * defaults so the fleet stays valid as the schemas grow.
 */
export function writeSyntheticFleet(root: string, size: SyntheticFleetSize): void {
  for (const d of ['clusters', 'tenants', 'apps']) mkdirSync(join(root, d), { recursive: true });
  const clusters = Array.from({ length: size.clusters }, (_, i) => (i === 0 ? 'mgmt' : `work-${i}`));
  clusters.forEach((name, i) => {
    writeFileSync(
      join(root, 'clusters', `${name}.yaml`),
      [
        `name: ${name}`,
        `environment: ${i === 0 ? 'production' : 'staging'}`,
        `management: ${i === 0}`,
        ...(i === 0 ? ['platformTeams: [acme/platform]'] : []),
        'aws:',
        `  accountId: "${String(100000000000 + i)}"`,
        '  region: eu-west-2',
        '  availabilityZones: [eu-west-2a, eu-west-2b, eu-west-2c]',
        'network:',
        `  vpcCidr: 10.${i}.0.0/16`,
        'dns:',
        `  domain: ${name}.example.com`,
        `  hostedZoneId: Z${String(i).padStart(19, '0')}`,
        'tenancy:',
        // Every cluster takes the tenants, the management one too, so each renders the same load.
        '  allowTenants: true',
        '  imageRegistries: [ghcr.io/acme]',
        '  quotaCeilings:',
        '    cpu: "64"',
        '    memory: 256Gi',
        '    pods: 500',
        '',
      ].join('\n'),
    );
  });
  for (let t = 0; t < size.tenants; t++) {
    const name = `team-${String(t).padStart(4, '0')}`;
    writeFileSync(
      join(root, 'tenants', `${name}.yaml`),
      [
        `name: ${name}`,
        'owners:',
        `  - team: acme/${name}`,
        '    role: admin',
        'contact:',
        `  slackChannel: "#${name}"`,
        `clusters: [${clusters.join(', ')}]`,
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, 'apps', name), { recursive: true });
    for (let a = 0; a < size.appsPerTenant; a++) {
      writeFileSync(
        join(root, 'apps', name, `app-${a}.yaml`),
        [`name: app-${a}`, 'image:', `  repository: ghcr.io/acme/${name}-app-${a}`, '  tag: 1.0.0', ''].join('\n'),
      );
    }
  }
}
