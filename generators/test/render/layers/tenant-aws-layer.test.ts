import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { renderCluster } from '../../../src/render/render-cluster.js';
import { tenantAwsPrefix } from '../../../src/fleet-index.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: { forProvider: Record<string, unknown>; managementPolicies?: string[]; providerConfigRef?: unknown } };
type Statement = { Effect: string; Action: string | string[]; Resource?: string | string[]; Condition?: unknown };

const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..', '..'));
const tenants = fleet.tenants.map((t) => t.spec.name);
const prefixes = new Map(fleet.tenants.map((t) => [t.spec.name, tenantAwsPrefix(t.spec)]));

/** The tenants/<tenant>/ objects of every cluster of the example fleet. */
const bundles = fleet.clusters.flatMap((c) => {
  const files = [...renderCluster(fleet, c)];
  return fleet.tenants
    .filter((t) => t.spec.clusters.includes(c.spec.name))
    .map((t) => ({
      cluster: c.spec.name,
      /** Buckets lead with the account and region (S3 names are global). */
      bucketPrefix: `${c.spec.aws.accountId}-${c.spec.aws.region}-`,
      tenant: t.spec.name,
      /** Its AWS names start with `<cluster>-<prefix>-`; its AWS tenant tag is the prefix. */
      prefix: tenantAwsPrefix(t.spec),
      objects: files.filter(([p]) => p.startsWith(`tenants/${t.spec.name}/`) && p.endsWith('.yaml') && !p.endsWith('kustomization.yaml')).map(([, text]) => parse(text) as Obj),
    }));
});

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const statements = (o: Obj): Statement[] => list((JSON.parse(String(o.spec.forProvider.policy)) as { Statement: Statement | Statement[] }).Statement);

describe('tenant AWS resources of the example fleet', () => {
  it('GIVEN the example fleet WHEN rendered THEN every AWS resource type is used at least once', () => {
    const kinds = new Set(bundles.flatMap((b) => b.objects.map((o) => `${o.apiVersion.split('.')[0]}/${o.kind}`)));
    for (const k of ['s3/Bucket', 'rds/Instance', 'ecr/Repository', 'elasticache/ReplicationGroup', 'sqs/Queue', 'sns/Topic', 'sns/TopicSubscription', 'secretsmanager/Secret', 'opensearch/Domain', 'dynamodb/Table', 'eks/PodIdentityAssociation', 'kms/Key']) {
      expect(kinds.has(k), k).toBe(true);
    }
  });

  it('GIVEN each tenant workload and CI policy WHEN read THEN it names only that tenant\'s own resources and never "*"', () => {
    let checked = 0;
    for (const b of bundles) {
      const own = `${b.cluster}-${b.prefix}-`;
      const others = tenants.filter((t) => t !== b.tenant).map((t) => prefixes.get(t)!);
      const policies = b.objects.filter((o) => o.kind === 'Policy' && o.metadata.namespace === b.tenant);
      expect(policies.length, `${b.cluster}/${b.tenant}`).toBeGreaterThan(0);
      for (const p of policies) {
        for (const s of statements(p).filter((x) => x.Effect === 'Allow')) {
          for (const a of list(s.Action)) expect(a === '*' || a.endsWith(':*'), `${p.metadata.name}: ${a}`).toBe(false);
          for (const r of list(s.Resource)) {
            checked++;
            // ecr:GetAuthorizationToken has no resource type; it is the one action allowed on "*" (region-bound).
            if (r === '*') {
              expect(list(s.Action), `${b.cluster}/${b.tenant} ${p.metadata.name}`).toEqual(['ecr:GetAuthorizationToken']);
              continue;
            }
            // The resource part of the ARN (after account) starts with, or has a segment starting with, the tenant's prefix.
            const resource = r.split(':').slice(5).join(':');
            const ownPrefix = new RegExp(`(^|[:/])(${own}|${b.bucketPrefix}${own}|${b.cluster}/${b.prefix}/)`);
            expect(ownPrefix.test(resource), `${b.cluster}/${b.tenant} ${p.metadata.name}: ${r}`).toBe(true);
            for (const o of others) expect(r.includes(`-${o}-`) || r.includes(`/${o}/`), `${p.metadata.name} names ${o}: ${r}`).toBe(false);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('GIVEN the tenant role WHEN read THEN every named resource is under the tenant prefix and "*" only with a tenant tag or for list calls', () => {
    for (const b of bundles) {
      const role = b.objects.find((o) => o.kind === 'Policy' && o.metadata.name === `${b.cluster}-tenant-${b.prefix}`)!;
      for (const s of statements(role)) {
        for (const r of list(s.Resource)) {
          if (s.Effect === 'Deny') {
            // A Deny only takes away: nested tenants' names, boundary removal or swap, the boundary policy, assuming roles.
            expect(['NotNestedTenants', 'NeverUnbound', 'NoOtherBoundary', 'BoundaryIsFixed', 'AssumeNothing'], `${s.Sid} ${r}`).toContain(s.Sid);
          } else if (r === '*') {
            const tagged = JSON.stringify(s.Condition ?? {}).includes(`"aws:RequestTag/platform.example.com/tenant":"${b.prefix}"`);
            expect(tagged || list(s.Action).every((a) => /:(Describe|List)/.test(a)), `${role.metadata.name}: ${JSON.stringify(s.Action)}`).toBe(true);
          } else if (!r.includes(':key/*') && !r.includes(':security-group') && !r.includes('podidentityassociation/')) {
            expect(r.includes(`${b.cluster}-${b.prefix}-`) || r.includes(`${b.cluster}/${b.prefix}/`) || r.endsWith(`:cluster/${b.cluster}`), r).toBe(true);
          } else if (s.Sid === 'TagSecurityGroupsOnCreate') {
            // ID-named resources are tagged for the tenant only inside the call that creates them.
            expect(s.Condition, r).toEqual({ StringEquals: { 'ec2:CreateAction': ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress'], 'aws:RequestTag/platform.example.com/tenant': b.prefix } });
          } else {
            // ID-named resources: touched when tagged for the tenant; their tenant tag never changes afterwards.
            const own = { StringEquals: { 'aws:ResourceTag/platform.example.com/tenant': b.prefix } };
            const retag = list(s.Action).some((a) => /:(Create|Delete)Tags$|:(Tag|Untag)Resource$/.test(a));
            expect(s.Condition, r).toEqual(retag ? { ...own, 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['platform.example.com/tenant'] } } : own);
          }
        }
      }
    }
  });

  it('GIVEN a cross-tenant subscription WHEN rendered THEN it lives with the topic owner and reaches the subscriber queue', () => {
    const payments = bundles.find((b) => b.cluster === 'staging' && b.tenant === 'payments')!;
    const sub = payments.objects.find((o) => o.kind === 'TopicSubscription' && o.metadata.name === 'topic-payment-events-to-checkout-payment-events')!;
    expect(sub.spec.forProvider).toMatchObject({
      topicArn: 'arn:aws:sns:eu-west-2:222222222222:staging-payments-payment-events',
      endpoint: 'arn:aws:sqs:eu-west-2:222222222222:staging-checkout-payment-events',
      protocol: 'sqs',
    });
  });

  it('GIVEN production WHEN rendered THEN the database is multi-AZ with deletion protection and Redis fails over', () => {
    const prod = bundles.filter((b) => b.cluster === 'production').flatMap((b) => b.objects);
    expect(prod.find((o) => o.kind === 'Instance')!.spec.forProvider).toMatchObject({ multiAz: true, deletionProtection: true, engineVersion: '17', instanceClass: 'db.t4g.small', storageType: 'gp3' });
    expect(prod.find((o) => o.kind === 'ReplicationGroup')!.spec.forProvider).toMatchObject({ multiAzEnabled: true, automaticFailoverEnabled: true, transitEncryptionEnabled: true, atRestEncryptionEnabled: 'true' });
  });
});

describe('registry readers', () => {
  const ecr = loadFleet(join(import.meta.dirname, '..', '..', 'fixtures', 'ecr-fleet'));
  const principals = (cluster: string, file: string) => {
    const files = renderCluster(ecr, ecr.clusters.find((c) => c.spec.name === cluster)!);
    const policy = parse(files.get(`tenants/${file}`)!) as Obj;
    return Object.fromEntries(statements(policy).map((s) => [(s as { Sid: string }).Sid, (s as { Principal: { AWS: unknown } }).Principal.AWS]));
  };

  it("GIVEN shop/web followed from stage's registry and run on stage and prod WHEN stage is rendered THEN its repository policy admits prod's nodes and the management role", () => {
    expect(principals('stage', 'shop/repositorypolicy-registry-web.yaml')).toEqual({
      NodesPull: ['arn:aws:iam::222222222222:role/stage-eks-node', 'arn:aws:iam::333333333333:role/prod-eks-node'],
      CiPushes: 'arn:aws:iam::222222222222:role/stage-shop-ci-web',
      ImageAutomationScans: 'arn:aws:iam::111111111111:role/mgmt-image-reflector-controller',
    });
  });

  it('GIVEN registries no followed app uses WHEN rendered THEN they admit only their own nodes and CI, not the management role', () => {
    expect(Object.keys(principals('stage', 'shop/repositorypolicy-registry-tools.yaml'))).toEqual(['NodesPull', 'CiPushes']);
    expect(Object.keys(principals('prod', 'shop/repositorypolicy-registry-web.yaml'))).toEqual(['NodesPull', 'CiPushes']);
    // books/api runs from its prod registry without a marker: prod's own nodes only
    expect(principals('prod', 'books/repositorypolicy-registry-api.yaml').NodesPull).toBe('arn:aws:iam::333333333333:role/prod-eks-node');
  });
});
