import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';
import { infraProviderConfigName } from '../../src/render/layers/infra-layer.js';
import type { Fleet } from '../../src/model.js';
import { PLATFORM_AWS_NAMES } from '../../src/load/tenant-aws-rules.js';
import { generateCommand } from '../../src/commands/generate.js';
import { validateCommand } from '../../src/commands/validate.js';
import { HAS_REAL_CRDS, REAL_CRDS, REAL_CRDS_NOTE } from '../validate/real-crds.js';

const fleet = loadFleet(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'));

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> }; spec: any };

/**
 * The files of cluster `name` of a fleet, rendered once per fleet and cluster: the tests below only read them, and
 * rendering a cluster again for each one tripled the file's time. (A render that throws is not kept.)
 */
const renders = new WeakMap<Fleet, Map<string, ReadonlyMap<string, string>>>();
function rendered(name: string, from: Fleet): ReadonlyMap<string, string> {
  const byCluster = renders.get(from) ?? new Map<string, ReadonlyMap<string, string>>();
  renders.set(from, byCluster);
  let files = byCluster.get(name);
  if (!files) byCluster.set(name, (files = renderCluster(from, from.clusters.find((c) => c.spec.name === name)!)));
  return files;
}

/** The objects of out/<cluster>/<folder>/ (infra/ by default), parsed afresh for each caller. */
function renderObjects(name: string, from: Fleet = fleet, folder = 'infra/'): Obj[] {
  return [...rendered(name, from).entries()].filter(([path]) => path.startsWith(folder) && !path.endsWith('kustomization.yaml')).map(([, text]) => parse(text) as Obj);
}

/** The objects of out/<cluster>/infra/ and the cluster README. */
function renderInfra(name: string, from: Fleet = fleet): { objects: Obj[]; readme: string } {
  return { objects: renderObjects(name, from), readme: rendered(name, from).get('README.md') ?? '' };
}

/** The fleet with cluster prod changed by `change` (its spec as loaded, defaults filled). */
function withProd(change: (spec: Fleet['clusters'][number]['spec']) => Fleet['clusters'][number]['spec']): Fleet {
  return { ...fleet, clusters: fleet.clusters.map((c) => (c.spec.name === 'prod' ? { ...c, spec: change(c.spec) } : c)) };
}
const bastionFleet = withProd((spec) => ({ ...spec, access: { ...spec.access, ssh: { mode: 'bastion', cidrs: ['198.51.100.7/32'] } } }));
/** prod's OIDC issuer in the IRSA tests (prod is in eu-west-1). */
const ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
const irsaFleet = withProd((spec) => ({ ...spec, kubernetes: { ...spec.kubernetes, oidcIssuer: ISSUER }, crossplane: { ...spec.crossplane, credentials: 'IRSA' } }));

const clusters = fleet.clusters.map((c) => c.spec.name);
const mrs = (objects: Obj[]) => objects.filter((o) => o.apiVersion.includes('.aws.m.upbound.io/'));

/** The kind each reference field points at. A new reference field must be added here, or the test fails. */
const REF_TARGETS: Record<string, string> = {
  vpcId: 'VPC', subnetId: 'Subnet', vpcZoneIdentifier: 'Subnet', routeTableId: 'RouteTable', gatewayId: 'InternetGateway',
  natGatewayId: 'NATGateway', allocationId: 'EIP', securityGroupId: 'SecurityGroup', referencedSecurityGroupId: 'SecurityGroup',
  vpcSecurityGroupId: 'SecurityGroup', kmsKeyId: 'Key', kmsMasterKeyId: 'Key', targetKeyId: 'Key', bucket: 'Bucket', role: 'Role',
  roleArn: 'Role', principalArnFromRole: 'Role', policyArn: 'Policy', name: 'InstanceProfile', clusterName: 'Cluster',
  principalArn: 'AccessEntry', launchTemplateId: 'LaunchTemplate', id: 'LaunchTemplate', securityGroup: 'SecurityGroup',
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
  it.each([...clusters.map((n) => [n, fleet] as const), ['prod in bastion mode', bastionFleet] as const])('GIVEN cluster %s WHEN rendered THEN every reference and selector resolves to an emitted object of the right kind in the same namespace', (label, from) => {
    const { objects } = renderInfra(label.split(' ')[0]!, from);
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
    // Per cluster: the KMS key, 4 buckets (logs, metrics, backups, loki), the EKS cluster, the VPC and 12 subnets.
    expect(stateful.length).toBe(2 * (1 + 4 + 1 + 1 + 12));
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
  it('GIVEN ssh mode ssm WHEN rendered THEN no bastion; GIVEN bastion mode THEN one instance in the mgmt subnets with the bastion group', () => {
    const bastionKinds = (objects: Obj[]) => objects.filter((o) => o.metadata.name === 'bastion').map((o) => o.kind).sort();
    expect(clusters.flatMap((n) => bastionKinds(renderInfra(n).objects))).toEqual([]);
    const objects = renderInfra('prod', bastionFleet).objects;
    expect(bastionKinds(objects)).toEqual(['AutoscalingGroup', 'InstanceProfile', 'LaunchTemplate', 'Role', 'SecurityGroup']);
    const asg = objects.find((o) => o.kind === 'AutoscalingGroup' && o.metadata.name === 'bastion')!.spec.forProvider;
    expect(asg.vpcZoneIdentifierRefs).toEqual([{ name: 'mgmt-0' }, { name: 'mgmt-1' }, { name: 'mgmt-2' }]);
    expect([asg.minSize, asg.maxSize, asg.desiredCapacity]).toEqual([1, 1, 1]);
    const lt = objects.find((o) => o.kind === 'LaunchTemplate' && o.metadata.name === 'bastion')!.spec.forProvider;
    expect(lt.networkInterfaces[0].securityGroupRefs).toEqual([{ name: 'bastion' }]);
    expect(lt.metadataOptions.httpTokens).toBe('required');
  });

  it('GIVEN an add-on switched off in the cluster file WHEN rendered THEN it gets no role, policy or association', () => {
    const roleNames = (objects: Obj[]) => objects.filter((o) => o.kind === 'Role').map((o) => o.metadata.annotations?.['crossplane.io/external-name']);
    expect(roleNames(renderInfra('prod').objects)).toContain('prod-external-dns');
    const off = renderInfra('prod', withProd((spec) => ({ ...spec, addons: { ...spec.addons, 'external-dns': { enabled: false } } }))).objects;
    expect(roleNames(off)).not.toContain('prod-external-dns');
    expect(off.filter((o) => o.metadata.name.startsWith('external-dns'))).toEqual([]);
    expect(roleNames(off)).toContain('prod-cert-manager');
  });

  it("GIVEN cluster prod WHEN rendered THEN each add-on policy names prod's own zone, buckets, key and autoscaler tag", () => {
    const policy = (name: string) => renderInfra('prod').objects.find((o) => o.kind === 'Policy' && o.metadata.name === name)!.spec.forProvider.policy as string;
    expect(policy('external-dns')).toContain('"arn:aws:route53:::hostedzone/Z0000000000000000002"');
    expect(policy('cert-manager')).toContain('"arn:aws:route53:::hostedzone/Z0000000000000000002"');
    expect(policy('thanos')).toContain('"arn:aws:s3:::210987654321-eu-west-1-prod-metrics/*"');
    expect(policy('fluent-bit')).toContain('"arn:aws:s3:::210987654321-eu-west-1-prod-logs/*"');
    for (const p of ['thanos', 'fluent-bit']) expect(policy(p)).toContain('"kms:ResourceAliases":"alias/prod-platform"');
    expect(policy('cluster-autoscaler')).toContain('"aws:ResourceTag/k8s.io/cluster-autoscaler/prod":"owned"');
    expect(policy('external-secrets')).toContain('"arn:aws:secretsmanager:eu-west-1:210987654321:secret:platform/prod/*"');
  });

  it("GIVEN the management cluster WHEN rendered THEN its Crossplane may assume every cluster's infra role, and a workload cluster's may not", () => {
    const statements = (name: string) =>
      JSON.parse(renderInfra(name).objects.find((o) => o.kind === 'Policy' && o.metadata.name === 'crossplane-provider')!.spec.forProvider.policy).Statement as { Sid: string; Resource: string | string[] }[];
    expect(statements('mgmt').find((s) => s.Sid === 'ManageClusterInfrastructure')?.Resource).toEqual(['arn:aws:iam::123456789012:role/mgmt-crossplane', 'arn:aws:iam::210987654321:role/prod-crossplane']);
    expect(statements('prod').find((s) => s.Sid === 'ManageClusterInfrastructure')).toBeUndefined();
    expect(statements('prod').find((s) => s.Sid === 'ActForTenants')?.Resource).toBe('arn:aws:iam::210987654321:role/prod-tenant-*');
  });

  it('GIVEN a tenant on prod WHEN rendered THEN the roles its AWS plumbing trusts are exactly the add-on roles the infra layer creates', () => {
    const roleArn = (o: Obj | undefined) => `arn:aws:iam::210987654321:role/${o?.metadata.annotations?.['crossplane.io/external-name']}`;
    const infra = renderInfra('prod').objects;
    const crossplane = roleArn(infra.find((o) => o.kind === 'Role' && o.metadata.name === 'crossplane-provider'));
    const externalSecrets = roleArn(infra.find((o) => o.kind === 'Role' && o.metadata.name === 'external-secrets'));
    const tenantRoles = renderObjects('prod', fleet, 'tenants/').filter((o) => o.kind === 'Role');
    const trusted = (o: Obj) => JSON.parse(o.spec.forProvider.assumeRolePolicy).Statement.map((s: { Principal?: { AWS?: string } }) => s.Principal?.AWS);
    expect(trusted(tenantRoles.find((o) => o.metadata.annotations?.['crossplane.io/external-name'] === 'prod-tenant-team-a')!)).toEqual([crossplane]);
    const reader = tenantRoles.find((o) => o.metadata.annotations?.['crossplane.io/external-name'] === 'prod-team-a-secrets')!;
    expect(trusted(reader)).toEqual([externalSecrets]);
    const eso = JSON.parse(infra.find((o) => o.kind === 'Policy' && o.metadata.name === 'external-secrets')!.spec.forProvider.policy).Statement;
    expect(eso.find((s: { Sid: string }) => s.Sid === 'TenantSecretStores').Resource).toBe(roleArn(reader));
  });
  it('GIVEN every cluster, one in bastion mode, WHEN rendered THEN every platform role name is reserved from tenant prefixes', () => {
    const roles = [...clusters.map((n) => renderInfra(n).objects), renderInfra('prod', bastionFleet).objects]
      .flat()
      .filter((o) => o.kind === 'Role')
      .map((o) => o.metadata.annotations!['crossplane.io/external-name']!.replace(/^(mgmt|prod)-/, ''));
    expect(roles.length).toBeGreaterThan(20);
    expect([...new Set(roles)].filter((r) => !PLATFORM_AWS_NAMES.includes(r))).toEqual([]);
  });

  it("GIVEN prod on IRSA WHEN rendered THEN the Crossplane provider role trusts prod's OIDC provider for crossplane-system/provider-aws only, and has no Pod Identity association", () => {
    const objects = renderInfra('prod', irsaFleet).objects;
    const trust = JSON.parse(objects.find((o) => o.kind === 'Role' && o.metadata.name === 'crossplane-provider')!.spec.forProvider.assumeRolePolicy);
    expect(trust.Statement).toEqual([
      {
        Sid: 'EksIrsa',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::210987654321:oidc-provider/${ISSUER}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:crossplane-system:provider-aws', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
      },
    ]);
    const associations = (from: Obj[]) => from.filter((o) => o.kind === 'PodIdentityAssociation').map((o) => o.metadata.name);
    expect(associations(renderInfra('prod').objects)).toContain('crossplane-provider-aws');
    expect(associations(objects)).not.toContain('crossplane-provider-aws');
    expect(associations(objects)).toContain('external-dns');
    expect(objects.filter((o) => o.kind === 'OpenIDConnectProvider').map((o) => [o.metadata.name, o.spec.forProvider.url])).toEqual([['oidc-provider', `https://${ISSUER}`]]);
    expect(renderInfra('mgmt', irsaFleet).objects.filter((o) => o.kind === 'OpenIDConnectProvider')).toEqual([]);
  });

  it("GIVEN prod on IRSA WHEN rendered THEN its tenants' ProviderConfigs authenticate with IRSA too, and with Pod Identity otherwise", () => {
    const sources = (from: Fleet) => renderObjects('prod', from, 'tenants/').filter((o) => o.kind === 'ProviderConfig').map((o) => o.spec.credentials.source);
    expect(sources(fleet)).toEqual(['PodIdentity']);
    expect(sources(irsaFleet)).toEqual(['IRSA']);
  });

  it('GIVEN IRSA without an issuer WHEN rendered past the loader THEN the render fails naming both fields', () => {
    const noIssuer = withProd((spec) => ({ ...spec, crossplane: { ...spec.crossplane, credentials: 'IRSA' } }));
    expect(() => renderInfra('prod', noIssuer)).toThrow(`cluster "prod": 'crossplane.credentials' (IRSA) needs 'kubernetes.oidcIssuer'`);
  });

  it.skipIf(!HAS_REAL_CRDS)(`GIVEN a fleet with prod on IRSA WHEN generated and validated through the CLI THEN the real CRDs report no problem${REAL_CRDS_NOTE}`, async () => {
    const repo = mkdtempSync(join(tmpdir(), 'irsa-fleet-'));
    cpSync(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'), repo, { recursive: true });
    appendFileSync(join(repo, 'clusters', 'prod.yaml'), `kubernetes:\n  oidcIssuer: ${ISSUER}\ncrossplane:\n  credentials: IRSA\n`);
    let stdout = '';
    const ctx = { repoRoot: repo, stdout: new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) }), stderr: process.stderr };
    expect(await generateCommand.run(['--force'], ctx)).toBe(0);
    expect(await validateCommand.run(['--crds', REAL_CRDS], ctx), stdout).toBe(0);
    expect(stdout).toMatch(/validate: \d+ objects in 2 clusters, 0 problems/);
  }, 120_000);
});

describe('renderInfraLayer: the image-reflector-controller role', () => {
  const ecr = loadFleet(join(import.meta.dirname, '..', 'fixtures', 'ecr-fleet'));
  const renderEcr = (name: string) => renderCluster(ecr, ecr.clusters.find((c) => c.spec.name === name)!);

  it('GIVEN followed apps in ECR and on ghcr.io, and an ECR app without a marker WHEN the management cluster is rendered THEN its role reads exactly the followed ECR repository', () => {
    const files = renderEcr('mgmt');
    const policy = files.get('infra/policy-image-reflector-controller.yaml')!;
    expect(policy).toMatch(/^# Source: apps\/shop\/web.yaml, clusters\/mgmt.yaml$/m);
    const statements = JSON.parse(parse(policy).spec.forProvider.policy).Statement;
    expect(statements.map((s: { Sid: string; Resource: unknown }) => [s.Sid, s.Resource])).toEqual([
      ['Login', '*'],
      ['ScanRepositories', 'arn:aws:ecr:eu-west-2:222222222222:repository/stage-shop-web'],
    ]);
    expect(parse(files.get('infra/podidentityassociation-image-reflector-controller.yaml')!).spec.forProvider).toMatchObject({ namespace: 'flux-system', serviceAccount: 'image-reflector-controller' });
  });

  it('GIVEN the same fleet WHEN a workload cluster is rendered THEN it has no image-reflector-controller role', () => {
    expect([...renderEcr('prod').keys()].filter((p) => p.includes('image-reflector'))).toEqual([]);
  });

  it('GIVEN no followed app in ECR WHEN the management cluster is rendered THEN there is no role either', () => {
    expect([...renderCluster(fleet, fleet.clusters.find((c) => c.spec.management)!).keys()].filter((p) => p.includes('image-reflector'))).toEqual([]);
  });
});
