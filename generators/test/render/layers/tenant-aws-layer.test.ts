import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Construct } from 'constructs';
import { inputKinds } from '@platform/schemas';
import {
  type ManagedResourceClass, type TenantAwsEnv, type TenantAwsKind, fittedAwsName, grantsOf, kindsOf, managedResourceClass, mrCommon, oneVpcPort, registerTenantAwsKind,
  tenantAwsKindsTable, tenantTags, unregisterSchema, useArns, usesOf,
} from '@platform/platform';
import { statefulKind } from '../../../src/diff/destructive-rules.js';
import { clusterYaml, loadProblems, writeFleet } from '../../load/_fixtures.js';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { renderCluster } from '../../../src/render/render-cluster.js';
import { tenantAwsPrefix, tenantExternalAccess } from '../../../src/fleet-index.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: { forProvider: Record<string, unknown>; managementPolicies?: string[]; providerConfigRef?: unknown } };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource?: string | string[]; Condition?: unknown };

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
      /** What the cluster file's allowlist grants it beyond its own resources (aws.externalAccess). */
      external: tenantExternalAccess(t.spec, c.spec),
      objects: files.filter(([p]) => p.startsWith(`tenants/${t.spec.name}/`) && p.endsWith('.yaml') && !p.endsWith('kustomization.yaml')).map(([, text]) => parse(text) as Obj),
    }));
});

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const statements = (o: Obj): Statement[] => list((JSON.parse(String(o.spec.forProvider.policy)) as { Statement: Statement | Statement[] }).Statement);

describe('a tenant that only uses another tenant\'s resources', () => {
  const file = (name: string, aws: string) => `name: ${name}\nowners:\n  - team: acme/${name}\ncontact:\n  slackChannel: "#${name}"\nclusters: [stage]\naws:\n${aws}`;
  const dir = (uses: string) => writeFleet('uses-only-', {
    'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage', { network: '  vpcCidr: 10.1.0.0/16\n' }),
    'tenants/shop.yaml': file('shop', '  topics:\n    - name: events\n      publishers: [billing]\n'),
    'tenants/billing.yaml': file('billing', `  serviceAccounts: [{ name: api }]\n${uses}`),
  });

  it('GIVEN a consumer whose only AWS use is another tenant\'s topic WHEN rendered THEN its pods may reach the AWS APIs, and without the use they may not', () => {
    for (const [uses, egress] of [['  uses:\n    topics: [shop/events]\n', true], ['', false]] as const) {
      const root = dir(uses);
      if (!uses) {
        // The owner still lists billing: without its ask that is the one-sided error, so drop it too.
        const shop = join(root, 'tenants', 'shop.yaml');
        writeFileSync(shop, readFileSync(shop, 'utf8').replace('      publishers: [billing]\n', ''));
      }
      expect(loadProblems(root)).toEqual([]);
      const f = loadFleet(root);
      const files = renderCluster(f, f.clusters.find((c) => c.spec.name === 'stage')!);
      expect([...files.keys()].some((p) => p.startsWith('tenants/billing/') && p.includes('allow-egress-aws-apis')), uses).toBe(egress);
    }
  });
});

describe('tenant AWS resources of the example fleet', () => {
  it('GIVEN the example fleet WHEN rendered THEN every AWS resource type is used at least once', () => {
    const kinds = new Set(bundles.flatMap((b) => b.objects.map((o) => `${o.apiVersion.split('.')[0]}/${o.kind}`)));
    for (const k of ['s3/Bucket', 'rds/Instance', 'ecr/Repository', 'elasticache/ReplicationGroup', 'sqs/Queue', 'sns/Topic', 'sns/TopicSubscription', 'secretsmanager/Secret', 'opensearch/Domain', 'dynamodb/Table', 'eks/PodIdentityAssociation', 'kms/Key']) {
      expect(kinds.has(k), k).toBe(true);
    }
  });

  it('GIVEN each tenant workload and CI policy WHEN read THEN it names only that tenant\'s own resources, those both files agree it uses, and exactly its reviewed external access, never "*"', () => {
    let checked = 0;
    let used = 0;
    let external = 0;
    for (const b of bundles) {
      const own = `${b.cluster}-${b.prefix}-`;
      const others = tenants.filter((t) => t !== b.tenant).map((t) => prefixes.get(t)!);
      const cluster = fleet.clusters.find((c) => c.spec.name === b.cluster)!.spec;
      const env: TenantAwsEnv = { cluster: b.cluster, tenant: b.tenant, namespace: b.tenant, accountId: cluster.aws.accountId, region: cluster.aws.region, environment: 'production', awsPrefix: b.prefix };
      const agreed = usesOf(fleet.tenants.find((t) => t.spec.name === b.tenant)!.spec.aws).flatMap((u) => {
        const owner = fleet.tenants.find((t) => t.spec.name === u.owner)!;
        const listed = grantsOf(owner.spec.aws).some((g) => g.consumer === b.tenant && g.field === u.field && g.name === u.name && g.access === u.access);
        return listed ? useArns(env, { ...u, ownerPrefix: tenantAwsPrefix(owner.spec) }).flatMap((a) => [a, `${a}/*`]) : [];
      });
      const policies = b.objects.filter((o) => o.kind === 'Policy' && o.metadata.namespace === b.tenant);
      expect(policies.length, `${b.cluster}/${b.tenant}`).toBeGreaterThan(0);
      for (const p of policies) {
        for (const s of statements(p).filter((x) => x.Effect === 'Allow')) {
          for (const a of list(s.Action)) expect(a === '*' || a.endsWith(':*'), `${p.metadata.name}: ${a}`).toBe(false);
          if (s.Sid?.startsWith('External')) {
            // Outside the tenant's names: exactly one grant the tenant picked from its cluster's allowlist.
            const grant = b.external.find((g) => s.Sid === `External${g.name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`);
            expect(grant, `${b.cluster}/${b.tenant} ${p.metadata.name}: ${s.Sid}`).toBeDefined();
            expect([list(s.Action), list(s.Resource)]).toEqual([grant!.actions, grant!.resources]);
            external++;
            continue;
          }
          for (const r of list(s.Resource)) {
            checked++;
            // ecr:GetAuthorizationToken has no resource type; it is the one action allowed on "*" (region-bound).
            if (r === '*') {
              expect(list(s.Action), `${b.cluster}/${b.tenant} ${p.metadata.name}`).toEqual(['ecr:GetAuthorizationToken']);
              continue;
            }
            if (agreed.includes(r)) {
              used++;
              continue;
            }
            // An SES identity is named by its domain, which the loader holds to the tenant's own hostnames.
            const domains = fleet.tenants.find((t) => t.spec.name === b.tenant)!.spec.aws.emailIdentities.map((e) => e.domain);
            if (domains.some((d) => r === `arn:aws:ses:${cluster.aws.region}:${cluster.aws.accountId}:identity/${d}`)) continue;
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
    // checkout's storefront and SecretStore roles name payments' topic, queue, bucket and its objects, and secret, on two clusters.
    expect(used).toBe(10);
    // The example fleet's data-platform takes two entries, in each of its workload roles.
    expect(external).toBeGreaterThan(1);
  });

  it('GIVEN checkout using payments\' resources WHEN rendered THEN payments\' key admits checkout\'s roles through the used services only, and the addresses land in checkout\'s namespace', () => {
    const payments = bundles.find((b) => b.cluster === 'staging' && b.tenant === 'payments')!;
    const key = payments.objects.find((o) => o.kind === 'Key')!;
    const consumers = statements(key).filter((s) => JSON.stringify(s).includes('checkout'));
    expect(consumers.map((s) => [list(s.Action), (s.Condition as { StringEquals: Record<string, string> }).StringEquals['kms:ViaService']])).toEqual([
      [['kms:Decrypt'], 's3.eu-west-2.amazonaws.com'],
      [['kms:Decrypt'], 'secretsmanager.eu-west-2.amazonaws.com'],
      [['kms:Decrypt', 'kms:GenerateDataKey'], 'sns.eu-west-2.amazonaws.com'],
      [['kms:Decrypt', 'kms:GenerateDataKey'], 'sqs.eu-west-2.amazonaws.com'],
    ]);
    const checkout = bundles.find((b) => b.cluster === 'staging' && b.tenant === 'checkout')!;
    expect(checkout.objects.filter((o) => o.kind === 'ConfigMap' || o.kind === 'SecretStore' || o.kind === 'ExternalSecret').map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/mail-staging-email', 'ConfigMap/payments-invoices-bucket', 'ConfigMap/payments-orders-topic', 'ConfigMap/payments-refunds-queue',
      'ExternalSecret/payments-tokenization-key', 'SecretStore/checkout-secrets', 'SecretStore/checkout-secrets-payments',
    ]);
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
          } else if (r.includes(':ses:')) {
            // SES identities are named after domains: exactly the tenant's own, each checked against its hostnames by the loader.
            const domains = fleet.tenants.find((t) => t.spec.name === b.tenant)!.spec.aws.emailIdentities.map((e) => e.domain);
            expect(domains.map((d) => `:identity/${d}`).some((d) => r.endsWith(d)), r).toBe(true);
          } else if (!r.includes(':key/*') && !r.includes(':security-group') && !r.includes('podidentityassociation/')) {
            expect(r.includes(`${b.cluster}-${b.prefix}-`) || r.includes(`${b.cluster}/${b.prefix}/`) || r.endsWith(`:cluster/${b.cluster}`), r).toBe(true);
          } else if (s.Sid === 'TagKeysAndPodIdentityOnCreate') {
            // Tags sent with CreateKey or CreatePodIdentityAssociation: the tenant's tag, on a resource no cluster tag marks yet.
            expect(s.Condition, r).toEqual({ StringEquals: { 'aws:RequestTag/platform.example.com/tenant': b.prefix }, Null: { 'aws:ResourceTag/platform.example.com/cluster': 'true' } });
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

describe('the example fleet\'s tenant with a 60-character name', () => {
  const LONG = 'civil-legal-aid-means-assessment-service-preproduction-teams';
  const mine = bundles.filter((b) => b.tenant === LONG);
  const field = (o: Obj, key: string) => String(o.spec.forProvider[key]);
  const ext = (o: Obj) => (o.metadata as { annotations?: Record<string, string> }).annotations?.['crossplane.io/external-name'] ?? '';

  it('GIVEN it on every cluster it lists WHEN rendered THEN every AWS name fits its AWS limit and starts with its derived prefix', () => {
    expect(mine.map((b) => b.cluster).sort()).toEqual(['production', 'staging']);
    for (const b of mine) {
      const own = `${b.cluster}-civil-97d9-`;
      const of = (kind: string) => b.objects.filter((o) => o.kind === kind && o.metadata.namespace === LONG);
      const check = (names: string[], max: number) => {
        expect(names.length, `${b.cluster} ${max}`).toBeGreaterThan(0);
        for (const n of names) {
          expect(n.length, n).toBeLessThanOrEqual(max);
          expect(n.startsWith(own) || n.startsWith(`${b.bucketPrefix}${own}`), n).toBe(true);
        }
      };
      check(of('Domain').map((o) => field(o, 'domainName')), 28);
      check(of('ReplicationGroup').map(ext), 40);
      check(of('Bucket').map(ext), 63);
      check(of('Role').map(ext), 64);
      check(of('Queue').map((o) => field(o, 'name')), 80);
      check(of('Repository').map(ext), 256);
      expect(of('Queue').map((o) => field(o, 'name')).sort()).toEqual([`${own}means-assessment-eligibility-recalculation-requests`, `${own}means-assessment-eligibility-recalculation-requests-dlq`]);
      expect(of('ServiceAccount').map((o) => o.metadata.name).sort()).toEqual(['case-worker-document-ingestion-processor']);
    }
  });

  it('GIVEN its environment staging WHEN rendered on the production cluster THEN its Redis follows staging, not the cluster', () => {
    const prod = mine.find((b) => b.cluster === 'production')!;
    const redis = prod.objects.find((o) => o.kind === 'ReplicationGroup')!;
    expect(redis.spec.forProvider).toMatchObject({ numCacheClusters: 1, multiAzEnabled: false, automaticFailoverEnabled: false, snapshotRetentionLimit: 1 });
  });
});

/**
 * A kind the platform does not have, added the way a real one is: its construct, its descriptor and its schema
 * block, and nothing else. Every list of kinds must pick it up.
 */
describe('a tenant AWS kind added by its descriptor, construct and schema block only', () => {
  // The construct: one managed resource named and tagged for the tenant. Its kind is defined (registered) in beforeAll
  // and removed in afterAll, so it never reaches a render of another test in the same worker.
  let WidgetResource: ManagedResourceClass<{ region: string; name: string; tags: Record<string, string> }>;
  const WIDGET_NAME = { what: 'Widget name', max: 32 };
  class TenantWidget extends Construct {
    constructor(scope: Construct, id: string, props: { env: TenantAwsEnv; name: string }) {
      super(scope, id);
      new WidgetResource(this, 'widget', { ...mrCommon(props.env, `widget-${props.name}`), retain: true, forProvider: { region: props.env.region, name: fittedAwsName(props.env, WIDGET_NAME, props.name), tags: tenantTags(props.env) } });
    }
  }
  // The descriptor.
  const WIDGETS: TenantAwsKind = {
    field: 'widgets',
    title: 'widget',
    mrPrefix: 'widget',
    names: [{ rule: WIDGET_NAME, short: (w) => w.name }],
    arn: (env, w) => `arn:aws:widgets:${env.region}:${env.accountId}:widget/${fittedAwsName(env, WIDGET_NAME, w.name)}`,
    workloadArns: (env, w) => [WIDGETS.arn(env, w)],
    workloadActions: (arns) => [{ sid: 'Widgets', actions: ['widgets:Spin'], resources: [...arns] }],
    dataPlane: (patterns) => [{ sid: 'OwnWidgets', actions: ['widgets:Spin'], resources: [...patterns] }],
    providerRole: (patterns) => [{ sid: 'Widgets', actions: ['widgets:CreateWidget'], resources: [...patterns] }],
    unscopedActions: ['widgets:ListWidgets'],
    patterns: (s) => [`arn:aws:widgets:${s.region}:${s.accountId}:widget/${s.cluster}-${s.prefix}-*`],
    vpc: oneVpcPort('widgets', 7000),
    publicEndpoint: false,
    stateful: [{ service: 'widgets', kind: 'Widget', title: 'widget', loss: 'every spin the widget remembers' }],
    providerPackages: ['widgets'],
    summary: 'spins',
    render: (scope, ctx, w) => new TenantWidget(scope, `widget-${w.name}`, { env: ctx.env, name: w.name }),
  };
  // The schema block.
  const SCHEMA_BLOCK = { type: 'array', default: [], items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 } } } };

  const IDS = '  ids:\n    vpcId: vpc-0123456789abcdef0\n    secureSubnetIds: [subnet-0000000a, subnet-0000000b, subnet-0000000c]\n    computeSecurityGroupId: sg-0000000c\n';
  const tenantFile = (widgets: string) => `name: shop\nowners:\n  - team: acme/shop\ncontact:\n  slackChannel: "#shop"\nclusters: [stage]\naws:\n  serviceAccounts: [{ name: api }]\n  widgets:\n${widgets}`;
  const dir = (widgets: string) => writeFleet('fake-kind-', { 'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage', { network: `  vpcCidr: 10.1.0.0/16\n${IDS}` }), 'tenants/shop.yaml': tenantFile(widgets) });
  const aws = (inputKinds.tenant.schema as { properties: { aws: { properties: Record<string, unknown> } } }).properties.aws.properties;

  let unregister = () => {};
  beforeAll(() => {
    const WIDGET = kindsOf('widgets.aws.m.upbound.io/v1beta1')('Widget', { properties: { region: { type: 'string' }, name: { type: 'string' }, tags: { type: 'object' } } });
    WidgetResource = managedResourceClass(WIDGET);
    unregister = registerTenantAwsKind(WIDGETS);
    aws.widgets = SCHEMA_BLOCK;
  });
  afterAll(() => {
    unregister();
    unregisterSchema('widgets.aws.m.upbound.io/v1beta1', 'Widget');
    delete aws.widgets;
  });

  it('GIVEN a tenant with a widget WHEN rendered THEN the widget, its grants, its fence, its egress and its provider package appear', () => {
    const fleet = loadFleet(dir('    - name: the-widget-every-team-spins-all-day\n'));
    const files = renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === 'stage')!);
    const obj = (path: string) => parse(files.get(path)!) as Obj & { metadata: { annotations?: Record<string, string> } };
    const policy = (path: string) => statements(obj(path)).map((s) => `${(s as { Sid: string }).Sid}:${list(s.Action).join(',')}:${list(s.Resource).join(',')}`);

    // The construct rendered through the tenant's provider config, with a name fitted to the kind's limit.
    const widget = obj('tenants/shop/widget-widget-the-widget-every-team-spins-all-day.yaml');
    expect(widget.spec.forProvider.name).toMatch(/^stage-shop-the-widget-every-[0-9a-f]{4}$/);
    expect(widget.spec.providerConfigRef).toEqual({ kind: 'ProviderConfig', name: 'shop-aws' });
    // The workload role, the tenant role and the boundary name it.
    const arn = WIDGETS.arn({ cluster: 'stage', tenant: 'shop', namespace: 'shop', accountId: '123456789012', region: 'eu-west-2', environment: 'staging' }, { name: 'the-widget-every-team-spins-all-day' });
    expect(policy('tenants/shop/policy-sa-api.yaml')).toContain(`Widgets:widgets:Spin:${arn}`);
    expect(policy('tenants/shop/policy-stage-tenant-shop.yaml')).toContain('Widgets:widgets:CreateWidget:arn:aws:widgets:eu-west-2:123456789012:widget/stage-shop-*');
    expect(policy('tenants/shop/policy-stage-tenant-shop.yaml').find((s) => s.startsWith('Describe:'))).toContain('widgets:ListWidgets');
    expect(policy('infra/policy-boundary-shop.yaml')).toContain('OwnWidgets:widgets:Spin:arn:aws:widgets:eu-west-2:123456789012:widget/stage-${aws:PrincipalTag/platform.example.com/tenant}-*');
    // Egress on its port, the provider package, the destructive guard and the docs table.
    expect(obj('tenants/shop/networkpolicy-allow-egress-widgets.yaml').spec.egress[0].ports).toEqual([{ port: 7000, protocol: 'TCP' }]);
    expect(files.has('providers/provider-crossplane-contrib-provider-aws-widgets.yaml')).toBe(true);
    expect([...files.values()].find((t) => t.includes('kind: ManagedResourceActivationPolicy'))).toContain('widgets.widgets.aws.m.upbound.io');
    expect(statefulKind('widgets.aws.m.upbound.io', 'Widget')?.loss).toBe('every spin the widget remembers');
    expect(tenantAwsKindsTable()).toContain('| `widgets` | widget: spins | Widget name (32) | `widgets:Spin` | TCP 7000 | every spin the widget remembers | `provider-aws-widgets` |');
  });

  it('GIVEN widgets the loader must refuse WHEN loaded THEN the kind\'s rules apply: its schema block, unique names', () => {
    expect(loadProblems(dir('    - name: a\n    - name: a\n'))).toEqual(['tenants/shop.yaml:11:13: aws.widgets[1].name: duplicate widgets name "a"; allowed: each name once']);
    expect(loadProblems(dir('    - name: a\n      colour: red\n'))[0]).toMatch(/^tenants\/shop\.yaml:11:7: aws\.widgets\[0\]\.colour: /);
  });
});
