import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';
import { infraProviderConfigName } from '../../src/render/layers/infra-layer.js';

const fleet = loadFleet(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'));

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> }; spec: any };

/** The objects of out/<cluster>/infra/ and the cluster README. */
function renderInfra(name: string): { objects: Obj[]; readme: string } {
  const files = renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!);
  const objects = [...files.entries()]
    .filter(([path]) => path.startsWith('infra/') && !path.endsWith('kustomization.yaml'))
    .map(([, text]) => parse(text) as Obj);
  return { objects, readme: files.get('README.md') ?? '' };
}

const clusters = fleet.clusters.map((c) => c.spec.name);
const mrs = (objects: Obj[]) => objects.filter((o) => o.apiVersion.includes('.aws.m.upbound.io/'));

/** The kind each reference field points at. A new reference field must be added here, or the test fails. */
const REF_TARGETS: Record<string, string> = {
  vpcId: 'VPC', subnetId: 'Subnet', vpcZoneIdentifier: 'Subnet', routeTableId: 'RouteTable', gatewayId: 'InternetGateway',
  natGatewayId: 'NATGateway', allocationId: 'EIP', securityGroupId: 'SecurityGroup', referencedSecurityGroupId: 'SecurityGroup',
  vpcSecurityGroupId: 'SecurityGroup', kmsKeyId: 'Key', kmsMasterKeyId: 'Key', targetKeyId: 'Key', bucket: 'Bucket', role: 'Role',
  roleArn: 'Role', principalArnFromRole: 'Role', policyArn: 'Policy', name: 'InstanceProfile', clusterName: 'Cluster',
  principalArn: 'AccessEntry', launchTemplateId: 'LaunchTemplate', id: 'LaunchTemplate',
};

/** Every `xRef`/`xRefs`/`xSelector` under a value, with its field path. */
function references(value: unknown, path = ''): { path: string; field: string; ref?: { name: string }; selector?: { matchLabels: Record<string, string> } }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => references(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const at = path ? `${path}.${k}` : k;
    const ref = /^(.+?)Refs?$/.exec(k);
    if (ref) return (Array.isArray(v) ? v : [v]).map((r) => ({ path: at, field: ref[1]!, ref: r }));
    const sel = /^(.+)Selector$/.exec(k);
    if (sel) return [{ path: at, field: sel[1]!, selector: v }];
    return references(v, at);
  });
}

describe('infra layer', () => {
  it.each(clusters)('GIVEN cluster %s WHEN rendered THEN every reference and selector resolves to an emitted object of the right kind in the same namespace', (name) => {
    const { objects } = renderInfra(name);
    const unresolved: string[] = [];
    for (const o of mrs(objects)) {
      for (const r of references(o.spec.forProvider)) {
        const kind = REF_TARGETS[r.field.replace(/s$/, '')] ?? REF_TARGETS[r.field];
        const matches = mrs(objects).filter(
          (t) => t.kind === kind && t.metadata.namespace === o.metadata.namespace &&
            (r.ref ? t.metadata.name === r.ref.name : Object.entries(r.selector!.matchLabels).every(([k, v]) => t.metadata.labels?.[k] === v)),
        );
        if (!kind || matches.length === 0) unresolved.push(`${o.kind}/${o.metadata.name} ${r.path} -> ${kind ?? '(unknown field)'}/${r.ref?.name ?? JSON.stringify(r.selector)}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(mrs(objects).flatMap((o) => references(o.spec.forProvider)).length).toBeGreaterThan(50);
  });

  it.each(clusters)('GIVEN cluster %s WHEN rendered THEN every MR lives in infra-<cluster> and uses its ClusterProviderConfig', (name) => {
    const { objects } = renderInfra(name);
    expect(objects.find((o) => o.kind === 'Namespace')?.metadata.name).toBe(`infra-${name}`);
    for (const o of mrs(objects)) {
      expect(o.metadata.namespace).toBe(`infra-${name}`);
      expect(o.spec.providerConfigRef).toEqual({ kind: 'ClusterProviderConfig', name: infraProviderConfigName(name) });
      if (!o.apiVersion.startsWith('iam.')) expect(o.spec.forProvider.region, `${o.kind}/${o.metadata.name}`).toBe(fleet.clusters.find((c) => c.spec.name === name)!.spec.aws.region);
    }
  });

  it('GIVEN the fleet WHEN rendered THEN stateful objects are retained and never deleted', () => {
    const stateful = clusters.flatMap((n) => mrs(renderInfra(n).objects)).filter((o) => ['Key', 'Bucket', 'Cluster', 'VPC', 'Subnet'].includes(o.kind));
    expect(stateful.length).toBe(2 * (1 + 3 + 1 + 1 + 12));
    for (const o of stateful) expect(o.spec.managementPolicies, `${o.kind}/${o.metadata.name}`).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
  });

  it('GIVEN the fleet WHEN rendered THEN name-identified objects carry external names unique across clusters', () => {
    const nameIdentified = ['Bucket', 'Role', 'Policy', 'InstanceProfile', 'Cluster', 'AutoscalingGroup', 'Alias'];
    const all = clusters.flatMap((n) => mrs(renderInfra(n).objects)).filter((o) => nameIdentified.includes(o.kind));
    const names = all.map((o) => `${o.kind}:${o.metadata.annotations?.['crossplane.io/external-name']}`);
    expect(names.filter((n) => n.endsWith(':undefined'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Bucket:210987654321-eu-west-1-prod-logs');
    expect(names).toContain('Role:prod-eks-node');
  });

  it('GIVEN the fleet WHEN rendered THEN no IAM or key policy allows * actions', () => {
    const docs = clusters.flatMap((n) => mrs(renderInfra(n).objects)).flatMap((o) => [o.spec.forProvider.policy, o.spec.forProvider.assumeRolePolicy]).filter(Boolean);
    expect(docs.length).toBeGreaterThan(10);
    for (const d of docs) {
      for (const s of JSON.parse(d).Statement) {
        if (s.Effect !== 'Allow') continue;
        for (const a of [s.Action].flat()) expect(a).not.toMatch(/^\*$|:\*$/);
      }
    }
  });

  it('GIVEN cluster prod WHEN rendered THEN the EKS cluster is private, admits only the API list and encrypts secrets', () => {
    const eks = renderInfra('prod').objects.find((o) => o.kind === 'Cluster')!;
    expect(eks.spec.forProvider.vpcConfig).toEqual({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
      securityGroupIdRefs: [{ name: 'control-plane' }],
      subnetIdRefs: [{ name: 'secure-0' }, { name: 'secure-1' }, { name: 'secure-2' }],
    });
    expect(eks.spec.forProvider.encryptionConfig).toEqual({ provider: { keyArn: 'arn:aws:kms:eu-west-1:210987654321:alias/prod-platform' }, resources: ['secrets'] });
    const addons = renderInfra('prod').objects.filter((o) => o.kind === 'Addon').map((o) => o.spec.forProvider.addonName).sort();
    expect(addons).toEqual(['aws-ebs-csi-driver', 'coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
  });

  it('GIVEN cluster mgmt WHEN rendered THEN the README has the subnet plan and the Flux layers', () => {
    const { readme } = renderInfra('mgmt');
    expect(readme).toContain('| compute | eu-west-2a | `10.0.0.0/19` | 8187 |');
    expect(readme).toContain('| mgmt | eu-west-2c | `10.0.111.128/26` | 59 |');
    expect(readme).toContain('```mermaid\ngraph LR');
    expect(readme).toMatch(/addons_config --> infra_prod/);
  });
});
