import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { PLATFORM_AWS_NAMES, tenantAwsWarnings } from '../../src/load/tenant-aws-rules.js';
import { clusterYaml, loadProblems, tenantFiles, writeFleet } from './_fixtures.js';

const IDS = `  ids:
    vpcId: vpc-0123456789abcdef0
    secureSubnetIds: [subnet-0000000a, subnet-0000000b, subnet-0000000c]
    computeSecurityGroupId: sg-0000000c
`;
const cluster = (name: string, ids = '') => clusterYaml(name, { network: `  vpcCidr: 10.${name === 'mgmt' ? 0 : 1}.0.0/16\n${ids}` });
const tenant = (name: string, aws: string) => `name: ${name}
owners:
  - team: acme/${name}
contact:
  slackChannel: "#${name}"
clusters: [stage]
aws:
${aws}`;

/** Writes mgmt + stage (with `ids`) clusters and the given tenant files; returns the folder. */
function fleetDir(tenants: Record<string, string>, ids = IDS): string {
  return writeFleet('tenant-aws-rules-', { 'clusters/mgmt.yaml': cluster('mgmt'), 'clusters/stage.yaml': cluster('stage', ids), ...tenantFiles(tenants) });
}

function problemsOf(tenants: Record<string, string>): string[] {
  return loadProblems(fleetDir(tenants));
}

const topic = (subscribers: string) => `  topics:\n    - name: events\n      subscribers: [${subscribers}]\n`;
const queue = (subscribeTo: string) => `  queues:\n    - name: inbox\n      subscribeTo: [${subscribeTo}]\n`;

describe('tenant AWS rules', () => {
  it('GIVEN a subscription both files agree on WHEN loaded THEN there is no problem', () => {
    expect(problemsOf({ shop: tenant('shop', topic('billing')), billing: tenant('billing', queue('shop/events')) })).toEqual([]);
  });

  it('GIVEN a queue subscribing to a topic whose owner does not list it WHEN loaded THEN the error names both files', () => {
    expect(problemsOf({ shop: tenant('shop', topic('')), billing: tenant('billing', queue('shop/events')) })).toEqual([
      'tenants/billing.yaml:10:21: aws.queues[0].subscribeTo[0]: queue "inbox" subscribes to shop/events, but tenants/shop.yaml does not list "billing" in that topic\'s subscribers; allowed: topics whose owner lists this tenant (add "billing" to aws.topics[0].subscribers in tenants/shop.yaml, or remove the subscription from tenants/billing.yaml)',
    ]);
  });

  it('GIVEN a topic listing a subscriber that has no subscribing queue WHEN loaded THEN the error names both files', () => {
    expect(problemsOf({ shop: tenant('shop', topic('billing')), billing: tenant('billing', '  buckets: [{ name: files }]\n') })).toEqual([
      'tenants/shop.yaml:10:21: aws.topics[0].subscribers[0]: "billing" is listed as a subscriber of shop/events, but no queue in tenants/billing.yaml subscribes to it; allowed: tenants with a queue whose subscribeTo names "shop/events" (add it there, or remove "billing" here)',
    ]);
  });

  it('GIVEN a subscription to an unknown topic WHEN loaded THEN the error lists the owner\'s topics', () => {
    expect(problemsOf({ shop: tenant('shop', topic('')), billing: tenant('billing', queue('shop/orders')) })).toEqual([
      'tenants/billing.yaml:10:21: aws.queues[0].subscribeTo[0]: tenant "shop" (tenants/shop.yaml) has no topic "orders"; allowed: shop/events',
    ]);
  });

  it('GIVEN names longer than AWS allows WHEN loaded THEN they are accepted (the renderer shortens them)', () => {
    const t = 'payments-reconciliation';
    expect(problemsOf({ shop: tenant('shop', '  opensearch:\n    - name: product-catalogues-of-every-country\n') })).toEqual([]);
    expect(problemsOf({ [t]: tenant(t, '  buckets: [{ name: settlement-reports-of-every-merchant }]\n  queues: [{ name: q }]\n') })).toEqual([]);
  });

  it('GIVEN an AWS prefix that leaves no room for an OpenSearch domain WHEN loaded THEN the error says how long aws.prefix may be, and a shorter aws.prefix fixes it', () => {
    // "stage-payments-reconciliation-" is 30 characters, OpenSearch allows 28.
    const t = 'payments-reconciliation';
    expect(problemsOf({ [t]: tenant(t, '  opensearch:\n    - name: logs\n') })).toEqual([
      `tenants/${t}.yaml:9:13: aws.opensearch[0].name: OpenSearch domain name on cluster "stage" (clusters/stage.yaml) starts with "stage-${t}-", which leaves 0 of AWS's 28 characters; allowed: at least 4 for a shortened name, so an AWS prefix of at most 17 characters (set aws.prefix)`,
    ]);
    expect(problemsOf({ [t]: tenant(t, '  prefix: payrec\n  opensearch:\n    - name: logs\n') })).toEqual([]);
  });

  it('GIVEN a database smaller than RDS allows on gp3, or an autoscaling ceiling below it WHEN loaded THEN each error names the minimum', () => {
    expect(problemsOf({ shop: tenant('shop', '  databases:\n    - name: orders\n      allocatedStorage: 10\n      maxAllocatedStorage: 15\n') })).toEqual([
      'tenants/shop.yaml:10:25: aws.databases[0].allocatedStorage: found 10; allowed: at least 20 (GiB), the smallest gp3 volume RDS for PostgreSQL allocates',
      'tenants/shop.yaml:11:28: aws.databases[0].maxAllocatedStorage: found 15; allowed: at least allocatedStorage (10 GiB): the storage autoscaling ceiling',
    ]);
    expect(problemsOf({ shop: tenant('shop', '  databases:\n    - name: orders\n      allocatedStorage: 20\n') })).toEqual([]);
  });

  it('GIVEN a database with a version of another engine and a parameter that turns TLS off WHEN loaded THEN each error names the field and what is allowed', () => {
    const db = '  databases:\n    - name: orders\n      engine: mysql\n      engineVersion: "16"\n    - name: ledger\n      parameters:\n        rds.force_ssl: "0"\n        rds.logical_replication: "1"\n';
    expect(problemsOf({ shop: tenant('shop', db) })).toEqual([
      'tenants/shop.yaml:11:22: aws.databases[0].engineVersion: found "16" for engine mysql; allowed: a version of 8.0, 8.4 (MySQL majors the platform supports), optionally with a minor version',
      'tenants/shop.yaml:14:24: aws.databases[1].parameters.rds.force_ssl: found rds.force_ssl: "0"; allowed: "1" (the platform reserves rds.force_ssl on PostgreSQL: it keeps TLS and password hashing strong), or leave it out',
    ]);
  });

  it('GIVEN database access from networks WHEN the cluster allows some THEN names and CIDRs inside them load, and anything else is an error naming what the cluster allows', () => {
    const allow = 'tenancy:\n  databaseAccessCidrs:\n    - { name: office-vpn, cidr: 10.200.0.0/16 }\n';
    const dir = (accessFrom: string, extra = allow) => writeFleet('tenant-aws-rules-', {
      'clusters/mgmt.yaml': cluster('mgmt'),
      'clusters/stage.yaml': clusterYaml('stage', { network: `  vpcCidr: 10.1.0.0/16\n${IDS}`, extra }),
      ...tenantFiles({ shop: tenant('shop', `  databases:\n    - name: orders\n      accessFrom: [${accessFrom}]\n`) }),
    });
    expect(loadProblems(dir('office-vpn, 10.200.4.0/24'))).toEqual([]);
    expect(loadProblems(dir('home, 10.201.0.0/24, 0.0.0.0/0'))).toEqual(['home', '10.201.0.0/24', '0.0.0.0/0'].map((x, j) =>
      `tenants/shop.yaml:10:${[20, 26, 41][j]}: aws.databases[0].accessFrom[${j}]: found "${x}", which cluster "stage" (clusters/stage.yaml) does not allow; allowed there: "office-vpn" (10.200.0.0/16), or a CIDR inside one of them`));
    expect(loadProblems(dir('office-vpn', ''))).toEqual([
      'tenants/shop.yaml:10:20: aws.databases[0].accessFrom[0]: found "office-vpn", which cluster "stage" (clusters/stage.yaml) does not allow; allowed there: none (it declares no tenancy.databaseAccessCidrs)',
    ]);
  });

  it('GIVEN two tenants whose AWS prefixes clash or one starts the other WHEN loaded THEN each error names both files and asks for aws.prefix', () => {
    expect(problemsOf({ shop: tenant('shop', '  buckets: [{ name: a }]\n'), books: tenant('books', '  prefix: shop\n') })).toEqual([
      'tenants/books.yaml:8:11: aws.prefix: AWS prefix "shop" (set in aws.prefix) is also the AWS prefix of tenant "shop" (tenants/shop.yaml); allowed: a prefix unique across the fleet (set aws.prefix)',
      'tenants/shop.yaml:1:7: name: AWS prefix "shop" (derived from the name) is also the AWS prefix of tenant "books" (tenants/books.yaml); allowed: a prefix unique across the fleet (set aws.prefix)',
    ]);
    expect(problemsOf({ shop: tenant('shop', '  buckets: [{ name: a }]\n'), books: tenant('books', '  prefix: shop-books\n') })).toEqual([
      'tenants/books.yaml:8:11: aws.prefix: AWS prefix "shop-books" (set in aws.prefix) and the AWS prefix "shop" of tenant "shop" (tenants/shop.yaml) start one another; allowed: a prefix that neither starts another tenant\'s prefix followed by "-" nor starts with one (set aws.prefix)',
    ]);
  });

  it('GIVEN duplicate names and a queue named like another queue\'s dead-letter queue WHEN loaded THEN each is an error', () => {
    expect(problemsOf({ shop: tenant('shop', '  buckets: [{ name: a }, { name: a }]\n  queues: [{ name: jobs }, { name: jobs-dlq }]\n') })).toEqual([
      'tenants/shop.yaml:8:34: aws.buckets[1].name: duplicate buckets name "a"; allowed: each name once',
      'tenants/shop.yaml:9:36: aws.queues[1].name: queue "jobs-dlq" is the dead-letter queue of queue "jobs"; allowed: a name not ending in "-dlq"',
    ]);
  });

  it('GIVEN a tenant whose AWS prefix covers platform roles WHEN loaded THEN it is rejected', () => {
    const problems = problemsOf({ eks: tenant('eks', '  buckets: [{ name: a }]\n') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tenants\/eks.yaml:1:7: name: tenant AWS names "<cluster>-eks-\*" would include the platform's "<cluster>-eks-cluster"; allowed: a tenant name that is not the first word of /);
  });

  it('GIVEN a cluster without network ids WHEN a tenant asks for a database THEN generate warns naming the cluster, the tenant and the missing field', () => {
    const fleet = loadFleet(fleetDir({ shop: tenant('shop', '  databases: [{ name: main }]\n  buckets: [{ name: a }]\n') }, ''));
    expect(tenantAwsWarnings(fleet)).toEqual([
      'warning: clusters/stage.yaml: cluster "stage" has no network.ids (vpcId, secureSubnetIds, computeSecurityGroupId): the resources in the VPC of tenant "shop" (tenants/shop.yaml: aws.databases) are not rendered there until they are set',
    ]);
  });

  it('GIVEN tenants a and a-b WHEN a asks for names inside a-b\'s names THEN each is an error naming both files', () => {
    expect(problemsOf({ a: tenant('a', '  buckets: [{ name: b-files }, { name: bfiles }]\n  serviceAccounts: [{ name: x }]\n'), 'a-b': tenant('a-b', '  buckets: [{ name: files }]\n') })).toEqual([
      'tenants/a.yaml:8:21: aws.buckets[0].name: AWS name "<cluster>-a-b-files" is inside the names "<cluster>-a-b-*" of tenant "a-b" (tenants/a-b.yaml); allowed: a name not starting with "b-"',
    ]);
    expect(problemsOf({ a: tenant('a', '  serviceAccounts: [{ name: api }]\n'), 'a-sa': tenant('a-sa', '  buckets: [{ name: api }]\n') })).toEqual([
      'tenants/a.yaml:8:29: aws.serviceAccounts[0].name: AWS name "<cluster>-a-sa-api" is inside the names "<cluster>-a-sa-*" of tenant "a-sa" (tenants/a-sa.yaml); allowed: a name not starting with "sa-"',
    ]);
  });

  it('GIVEN a cluster named exactly <cluster>-<tenant> in the same account WHEN loaded THEN the tenant is rejected (its prefix covers every name of that cluster)', () => {
    const dir = writeFleet('tenant-aws-rules-', {
      'clusters/mgmt.yaml': cluster('mgmt'),
      'clusters/stage.yaml': cluster('stage', IDS),
      'clusters/stage-shop.yaml': cluster('stage-shop').replace('10.1.0.0/16', '10.2.0.0/16'),
      'tenants/shop.yaml': tenant('shop', '  buckets: [{ name: a }]\n'),
    });
    const problems = loadProblems(dir).filter((m) => m.includes('would include every AWS name'));
    expect(problems).toEqual([
      'tenants/shop.yaml:1:7: name: tenant AWS names "stage-shop-*" would include every AWS name of cluster "stage-shop" (clusters/stage-shop.yaml, same account); allowed: another tenant or cluster name',
    ]);
  });

  it('GIVEN a tenant named boundary WHEN loaded THEN it is rejected: its names "<cluster>-boundary-*" would cover every tenant boundary', () => {
    expect(problemsOf({ boundary: tenant('boundary', '  buckets: [{ name: a }]\n') })).toEqual([
      'tenants/boundary.yaml:1:7: name: tenant AWS names "<cluster>-boundary-*" would include the platform\'s "<cluster>-boundary-*"; allowed: a tenant name that is not the first word of ' +
        PLATFORM_AWS_NAMES.map((p) => `"${p.replace(/-$/, '')}"`).join(', '),
    ]);
  });

  it('GIVEN a tenant named boundary-x WHEN loaded THEN it is rejected: its names would cover the boundary "<cluster>-boundary-x" of tenant x and those of tenants x-*', () => {
    expect(problemsOf({ 'boundary-x': tenant('boundary-x', '  buckets: [{ name: a }]\n') })).toEqual([
      'tenants/boundary-x.yaml:1:7: name: tenant AWS names "<cluster>-boundary-x-*" would include the platform\'s "<cluster>-boundary-<tenant>" names of tenants named "x-*"; allowed: a tenant name not starting with "boundary-"',
    ]);
  });

  it('GIVEN a tenant named tenant-x WHEN loaded THEN it is rejected: its names would cover the provider roles "<cluster>-tenant-x-*" of tenants x-*', () => {
    expect(problemsOf({ 'tenant-x': tenant('tenant-x', '  buckets: [{ name: a }]\n') })).toEqual([
      'tenants/tenant-x.yaml:1:7: name: tenant AWS names "<cluster>-tenant-x-*" would include the platform\'s "<cluster>-tenant-<tenant>" names of tenants named "x-*"; allowed: a tenant name not starting with "tenant-"',
    ]);
  });

  it('GIVEN the platform names WHEN derived THEN they include the tenant boundary scheme and the tenant role scheme', () => {
    expect(PLATFORM_AWS_NAMES).toContain('boundary-');
    expect(PLATFORM_AWS_NAMES).not.toContain('tenant-boundary');
    expect(PLATFORM_AWS_NAMES).toContain('tenant-');
  });

  it('GIVEN tenants a and a-sa WHEN an app of a has AWS access THEN its role "<cluster>-a-sa-<app>" is an error at the app file (it is inside a-sa\'s names)', () => {
    const dir = writeFleet('tenant-aws-rules-', {
      'clusters/mgmt.yaml': cluster('mgmt'),
      'clusters/stage.yaml': clusterYaml('stage', { network: `  vpcCidr: 10.1.0.0/16\n${IDS}`, extra: 'tenancy:\n  imageRegistries: [ghcr.io/acme]\n' }),
      ...tenantFiles({ a: tenant('a', '  buckets: [{ name: x }]\n'), 'a-sa': tenant('a-sa', '  buckets: [{ name: y }]\n') }),
      'apps/a/api.yaml': 'name: api\nimage: { repository: ghcr.io/acme/api, tag: 1.0.0 }\nserviceAccount:\n  awsAccess: true\n',
    });
    expect(loadProblems(dir)).toEqual([
      'apps/a/api.yaml:4:14: serviceAccount.awsAccess: AWS name "<cluster>-a-sa-api" is inside the names "<cluster>-a-sa-*" of tenant "a-sa" (tenants/a-sa.yaml); allowed: a name not starting with "sa-"',
    ]);
  });

  describe('FIFO and filtered subscriptions', () => {
    it('GIVEN a FIFO queue on a standard topic and a standard queue on a FIFO topic WHEN loaded THEN each error names both files', () => {
      const shop = tenant('shop', '  topics:\n    - name: events\n      subscribers: [billing]\n    - name: orders\n      fifo: true\n');
      const billing = tenant('billing', '  queues:\n    - name: inbox\n      fifo: true\n      subscribeTo: [shop/events]\n    - name: plain\n      subscribeTo: [shop/orders]\n');
      expect(problemsOf({ shop, billing })).toEqual([
        'tenants/billing.yaml:11:21: aws.queues[0].subscribeTo[0]: FIFO queue "inbox" (tenants/billing.yaml) subscribes to the standard topic shop/events (tenants/shop.yaml); allowed: a FIFO topic (set fifo: false on the queue, or subscribe to a FIFO topic)',
        'tenants/billing.yaml:13:21: aws.queues[1].subscribeTo[0]: queue "plain" subscribes to shop/orders, but tenants/shop.yaml does not list "billing" in that topic\'s subscribers; allowed: topics whose owner lists this tenant (add "billing" to aws.topics[1].subscribers in tenants/shop.yaml, or remove the subscription from tenants/billing.yaml)',
        'tenants/billing.yaml:13:21: aws.queues[1].subscribeTo[0]: standard queue "plain" (tenants/billing.yaml) subscribes to the FIFO topic shop/orders (tenants/shop.yaml); allowed: a standard topic (set fifo: true on the queue, or subscribe to a standard topic)',
      ]);
    });

    it('GIVEN a FIFO pair and a filtered subscription WHEN loaded THEN there is no problem', () => {
      const shop = tenant('shop', '  topics:\n    - name: orders\n      fifo: true\n  queues:\n    - name: fulfil\n      fifo: true\n      subscribeTo:\n        - topic: shop/orders\n          filterPolicyScope: MessageBody\n          filterPolicy: { order: { total: [{ numeric: [">", 0] }] } }\n');
      expect(problemsOf({ shop })).toEqual([]);
    });

    it('GIVEN a filter policy SNS rejects and deduplication on a standard topic WHEN loaded THEN the errors point into the entry', () => {
      const shop = tenant('shop', '  topics:\n    - name: events\n      contentBasedDeduplication: true\n  queues:\n    - name: inbox\n      subscribeTo:\n        - topic: shop/events\n          filterPolicy: { kind: order }\n');
      expect(problemsOf({ shop })).toEqual([
        'tenants/shop.yaml:10:34: aws.topics[0].contentBasedDeduplication: found true on a standard topic; allowed: true only with fifo: true (SNS deduplicates FIFO topics only)',
        'tenants/shop.yaml:15:33: aws.queues[0].subscribeTo[0].filterPolicy.kind: found "order"; allowed: an array of accepted values (nested objects need filterPolicyScope: MessageBody)',
      ]);
    });
  });

  describe('email identities', () => {
    const withHosts = (name: string, hosts: string, aws: string) => tenant(name, aws).replace('clusters: [stage]\n', `clusters: [stage]\nhostnames: [${hosts}]\n`);
    const mail = (domain: string) => `  emailIdentities:\n    - name: mail\n      domain: ${domain}\n`;

    it('GIVEN a hostname or a parent of one inside the cluster domain WHEN loaded THEN there is no problem', () => {
      expect(problemsOf({ shop: withHosts('shop', 'www.shop.stage.example.com', mail('shop.stage.example.com')) })).toEqual([]);
      expect(problemsOf({ shop: withHosts('shop', 'shop.stage.example.com', mail('shop.stage.example.com')) })).toEqual([]);
    });

    it('GIVEN a domain the tenant does not own WHEN loaded THEN the error says which domains it may use', () => {
      expect(problemsOf({ shop: withHosts('shop', 'shop.stage.example.com', mail('pay.stage.example.com')) })).toEqual([
        'tenants/shop.yaml:11:15: aws.emailIdentities[0].domain: domain "pay.stage.example.com" is neither a hostname of tenant "shop" nor a parent of one; allowed: "shop.stage.example.com" or a parent of one inside a cluster domain',
      ]);
    });

    it('GIVEN the cluster domain itself WHEN loaded THEN it is refused: every tenant shares it', () => {
      expect(problemsOf({ shop: withHosts('shop', 'shop.stage.example.com', mail('stage.example.com')) })).toEqual([
        'tenants/shop.yaml:11:15: aws.emailIdentities[0].domain: domain "stage.example.com" is a cluster\'s whole DNS domain, shared by every tenant; allowed: a name strictly inside ".mgmt.example.com", ".stage.example.com"',
      ]);
    });

    it('GIVEN a parent that holds another tenant\'s hostname WHEN loaded THEN the error names the other file', () => {
      const shop = withHosts('shop', 'a.shops.stage.example.com', mail('shops.stage.example.com'));
      const billing = withHosts('billing', 'b.shops.stage.example.com', '  buckets: []\n');
      expect(problemsOf({ shop, billing })).toEqual([
        'tenants/shop.yaml:11:15: aws.emailIdentities[0].domain: domain "shops.stage.example.com" holds "b.shops.stage.example.com", a hostname of tenant "billing" (tenants/billing.yaml); allowed: a domain holding only this tenant\'s hostnames',
      ]);
    });
  });
});

describe('awsUsesAgree', () => {
  const owner = (field: string) => `  topics:\n    - name: events\n${field === 'publishers' ? '      publishers: [billing]\n' : ''}  queues:\n    - name: inbox\n${field === 'senders' ? '      senders: [billing]\n' : ''}  buckets:\n    - name: files\n${field === 'readers' ? '      readers: [billing]\n' : ''}${field === 'writers' ? '      writers: [billing]\n' : ''}  secrets:\n    - name: api-key\n${field === 'secret' ? '      readers: [billing]\n' : ''}`;
  const uses = (body: string) => `  uses:\n${body}`;

  it('GIVEN each kind used with both files agreeing WHEN loaded THEN there is no problem', () => {
    const shop = `  topics:\n    - name: events\n      publishers: [billing]\n  queues:\n    - name: inbox\n      senders: [billing]\n  buckets:\n    - name: files\n      readers: [billing]\n    - name: drop\n      writers: [billing]\n  secrets:\n    - name: api-key\n      readers: [billing]\n`;
    const billing = uses('    topics: [shop/events]\n    queues: [shop/inbox]\n    buckets:\n      - name: shop/files\n      - name: shop/drop\n        access: write\n    secrets: [shop/api-key]\n');
    expect(problemsOf({ shop: tenant('shop', shop), billing: tenant('billing', billing) })).toEqual([]);
  });

  it('GIVEN a consumer asking for a topic whose owner does not list it WHEN loaded THEN the error names both files and the field to add it to', () => {
    expect(problemsOf({ shop: tenant('shop', owner('')), billing: tenant('billing', uses('    topics: [shop/events]\n')) })).toEqual([
      'tenants/billing.yaml:9:14: aws.uses.topics[0]: uses shop/events (access publish), but tenants/shop.yaml does not list "billing" in that entry\'s publishers; allowed: resources whose owner lists this tenant (add "billing" to aws.topics[0].publishers in tenants/shop.yaml, or remove it from tenants/billing.yaml)',
    ]);
  });

  it('GIVEN a consumer asking to write a bucket whose owner lists it as a reader only WHEN loaded THEN both sides are one-sided', () => {
    expect(problemsOf({ shop: tenant('shop', owner('readers')), billing: tenant('billing', uses('    buckets:\n      - name: shop/files\n        access: write\n')) })).toEqual([
      'tenants/billing.yaml:10:15: aws.uses.buckets[0].name: uses shop/files (access write), but tenants/shop.yaml does not list "billing" in that entry\'s writers; allowed: resources whose owner lists this tenant (add "billing" to aws.buckets[0].writers in tenants/shop.yaml, or remove it from tenants/billing.yaml)',
      'tenants/shop.yaml:14:17: aws.buckets[0].readers[0]: "billing" is listed here, but tenants/billing.yaml does not ask for shop/files (access read); allowed: tenants whose aws.uses.buckets has { name: shop/files, access: read } (add it there, or remove "billing" here)',
    ]);
  });

  it('GIVEN an owner listing a sender that does not ask WHEN loaded THEN the error names both files', () => {
    expect(problemsOf({ shop: tenant('shop', owner('senders')), billing: tenant('billing', '  buckets: []\n') })).toEqual([
      'tenants/shop.yaml:12:17: aws.queues[0].senders[0]: "billing" is listed here, but tenants/billing.yaml does not ask for shop/inbox (access send); allowed: tenants whose aws.uses.queues has "shop/inbox" (add it there, or remove "billing" here)',
    ]);
  });

  it('GIVEN a use of a secret the owner does not have or of an unknown tenant WHEN loaded THEN the errors list what exists', () => {
    expect(problemsOf({ shop: tenant('shop', owner('')), billing: tenant('billing', uses('    secrets: [shop/db-password, nobody/x]\n')) })).toEqual([
      'tenants/billing.yaml:9:15: aws.uses.secrets[0]: tenant "shop" (tenants/shop.yaml) has no Secrets Manager secret "db-password" (aws.secrets); allowed: shop/api-key',
      'tenants/billing.yaml:9:33: aws.uses.secrets[1]: unknown tenant "nobody"; allowed: shop',
    ]);
  });

  it('GIVEN a tenant naming itself on either side WHEN loaded THEN each is an error', () => {
    const self = `  topics:\n    - name: events\n      publishers: [shop]\n  uses:\n    topics: [shop/events]\n`;
    expect(problemsOf({ shop: tenant('shop', self) })).toEqual([
      'tenants/shop.yaml:10:20: aws.topics[0].publishers[0]: found "shop", the owner (its own workloads always have access); allowed: another tenant',
      'tenants/shop.yaml:12:14: aws.uses.topics[0]: found "shop/events", this tenant\'s own SNS topic (its workloads use it without aws.uses); allowed: another tenant\'s',
    ]);
  });

  it('GIVEN both files agreeing but no common cluster WHEN loaded THEN the owner\'s entry is an error', () => {
    const dir = writeFleet('tenant-aws-uses-', {
      'clusters/mgmt.yaml': cluster('mgmt'), 'clusters/stage.yaml': cluster('stage', IDS), 'clusters/prod.yaml': clusterYaml('prod', { network: '  vpcCidr: 10.2.0.0/16\n' }),
      ...tenantFiles({ shop: tenant('shop', owner('secret')), billing: tenant('billing', uses('    secrets: [shop/api-key]\n')).replace('clusters: [stage]', 'clusters: [prod]') }),
    });
    expect(loadProblems(dir)).toEqual([
      'tenants/shop.yaml:16:17: aws.secrets[0].readers[0]: "billing" (tenants/billing.yaml) runs on prod and this tenant on stage; allowed: a tenant sharing a cluster',
    ]);
  });

  it('GIVEN a consumer whose AWS prefix covers the owner\'s names WHEN loaded THEN the owner\'s entry is an error (the boundary could not keep it to the one resource)', () => {
    const problems = problemsOf({ 'shop-eu': tenant('shop-eu', owner('publishers').replace(/billing/g, 'shop')), shop: tenant('shop', uses('    topics: [shop-eu/events]\n')) });
    expect(problems).toEqual(['tenants/shop-eu.yaml:10:20: aws.topics[0].publishers[0]: "shop" (tenants/shop.yaml) has the AWS prefix "shop", whose names "<cluster>-shop-*" cover this tenant\'s ("shop-eu"); allowed: a tenant whose AWS prefix does not start this tenant\'s (set aws.prefix in one of them)']);
  });
});
