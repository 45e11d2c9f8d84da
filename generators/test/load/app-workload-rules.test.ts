import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

const IDS = `  ids:
    vpcId: vpc-0123456789abcdef0
    secureSubnetIds: [subnet-0000000a, subnet-0000000b, subnet-0000000c]
    computeSecurityGroupId: sg-0000000c
`;
const cluster = (name: string, ids: string) =>
  clusterYaml(name, { network: `  vpcCidr: 10.${name === 'mgmt' ? 0 : name === 'stage' ? 1 : 2}.0.0/16\n${ids}`, extra: 'tenancy:\n  imageRegistries: [ghcr.io/acme]\n' });

const TENANT = `name: shop
owners:
  - team: acme/shop
contact:
  slackChannel: "#shop"
clusters: [stage, dev]
namespaces: [jobs]
aws:
  databases:
    - name: main
    - name: reports
      readReplicas: 2
    - name: events
      engine: aurora-postgresql
      readReplicas: 1
  redis:
    - name: cache
  queues:
    - name: orders
`;

/**
 * Loads mgmt, stage (with network ids) and dev (without), tenant `shop` and apps/shop/web.yaml, which runs on `clusters`
 * (all of the tenant's when empty); returns the printed problems.
 */
function problemsOf(app: string, clusters = 'clusters: [stage]\n'): string[] {
  return loadProblems(writeFleet('app-workload-rules-', {
    'clusters/mgmt.yaml': cluster('mgmt', ''),
    'clusters/stage.yaml': cluster('stage', IDS),
    'clusters/dev.yaml': cluster('dev', ''),
    'tenants/shop.yaml': TENANT,
    'apps/shop/web.yaml': `name: web\nimage: { repository: ghcr.io/acme/web, tag: 1.0.0 }\n${clusters}${app}`,
  }));
}

describe('app workload rules', () => {
  describe('kind', () => {
    it('GIVEN a CronJob and a Job written as the docs show WHEN loaded THEN there is no problem', () => {
      expect(problemsOf('kind: CronJob\nschedule: "0 3 * * *"\ncommand: [sweep]\njob: { concurrencyPolicy: Replace }\n')).toEqual([]);
      expect(problemsOf('kind: Job\nargs: [migrate]\njob: { backoffLimit: 0 }\n')).toEqual([]);
    });

    it('GIVEN a CronJob without a schedule and a Deployment with one WHEN loaded THEN each is named', () => {
      expect(problemsOf('kind: CronJob\n')).toEqual(['apps/shop/web.yaml:4:7: kind: found kind CronJob without "schedule"; allowed: a cron expression such as schedule: "30 2 * * *"']);
      expect(problemsOf('schedule: "0 3 * * *"\njob: { backoffLimit: 1 }\n')).toEqual([
        'apps/shop/web.yaml:4:11: schedule: found "schedule" on a Deployment; allowed: "schedule" only with kind: CronJob',
        'apps/shop/web.yaml:5:6: job: found "job" on a Deployment; allowed: "job" only with kind: CronJob or Job',
      ]);
    });

    it('GIVEN a Job with serving and scaling fields and CronJob-only settings WHEN loaded THEN each field is named', () => {
      expect(problemsOf(`kind: Job
port: 8080
replicas: 2
ingress: { host: web.stage.example.com }
job: { startingDeadlineSeconds: 60 }
environments:
  production:
    replicas: 3
`)).toEqual([
        'apps/shop/web.yaml:5:7: port: found "port" on a Job, which serves no traffic and runs one pod at a time; allowed: "port" only on a Deployment',
        'apps/shop/web.yaml:6:11: replicas: found "replicas" on a Job, which serves no traffic and runs one pod at a time; allowed: "replicas" only on a Deployment',
        'apps/shop/web.yaml:7:10: ingress: found "ingress" on a Job, which serves no traffic and runs one pod at a time; allowed: "ingress" only on a Deployment',
        'apps/shop/web.yaml:7:18: ingress.host: host "web.stage.example.com" is not a hostname of tenant "shop"; allowed: none (list it under hostnames in tenants/shop.yaml)',
        'apps/shop/web.yaml:8:33: job.startingDeadlineSeconds: found "job.startingDeadlineSeconds" on a Job; allowed: "job.startingDeadlineSeconds" only with kind: CronJob',
        'apps/shop/web.yaml:11:15: environments.production.replicas: found "replicas" on a Job, which serves no traffic and runs one pod at a time; allowed: "replicas" only on a Deployment',
      ]);
    });
  });

  describe('connections', () => {
    it('GIVEN env and files from the tenant\'s own resources WHEN loaded THEN there is no problem', () => {
      expect(problemsOf(`env:
  DATABASE_URL: postgres://$(DB_USER)@$(DB_HOST)/main
connections:
  env:
    DB_HOST: { fromDatabase: main, key: address }
    DB_USER: { fromDatabase: main, key: username }
    QUEUE_URL: { fromQueue: orders, key: url }
  files:
    - { fromRedis: cache, path: /etc/redis }
`)).toEqual([]);
    });

    it('GIVEN another tenant\'s resource, a key the kind does not write and two sources WHEN loaded THEN each is named with what is allowed', () => {
      expect(problemsOf(`connections:
  env:
    A: { fromDatabase: billing, key: endpoint }
    B: { fromRedis: cache, key: password }
    C: { fromRedis: cache, fromQueue: orders, key: url }
    D: { key: url }
`)).toEqual([
        'apps/shop/web.yaml:6:24: connections.env.A.fromDatabase: database "billing" is not a resource of tenant "shop"; allowed: "main", "reports", "events"',
        'apps/shop/web.yaml:7:33: connections.env.B.key: found key "password"; allowed: "attribute.auth_token", "port", "primary_endpoint_address", "reader_endpoint_address" (the keys the connection Secret of a redis holds)',
        'apps/shop/web.yaml:8:8: connections.env.C: found "fromRedis" and "fromQueue"; allowed: exactly one of fromDatabase, fromRedis, fromOpenSearch, fromQueue',
        'apps/shop/web.yaml:9:8: connections.env.D: found no resource; allowed: exactly one of fromDatabase, fromRedis, fromOpenSearch, fromQueue',
      ]);
    });

    it('GIVEN a read replica of a database WHEN its keys are read THEN replicas up to readReplicas load, and a missing replica, a password or a replica of another kind are errors', () => {
      expect(problemsOf('connections:\n  env:\n    R: { fromDatabase: reports, replica: 2, key: host }\n')).toEqual([]);
      expect(problemsOf(`connections:
  env:
    A: { fromDatabase: reports, replica: 3, key: host }
    B: { fromDatabase: main, replica: 1, key: host }
    C: { fromDatabase: reports, replica: 1, key: password }
    D: { fromRedis: cache, replica: 1, key: port }
`)).toEqual([
        'apps/shop/web.yaml:6:42: connections.env.A.replica: found 3; allowed: 1 to 2 (the readReplicas of database "reports")',
        'apps/shop/web.yaml:7:39: connections.env.B.replica: found 1; allowed: none (database "main" has no readReplicas in tenants/shop.yaml)',
        'apps/shop/web.yaml:8:50: connections.env.C.key: found key "password"; allowed: "address", "endpoint", "host", "port", "username" (the keys the connection Secret of a database read replica holds)',
        'apps/shop/web.yaml:9:37: connections.env.D.replica: found replica 1 with fromRedis; allowed: replica only with fromDatabase',
      ]);
    });

    it('GIVEN an Aurora database WHEN its keys are read THEN the writer and reader endpoints load, and an instance key or a replica are errors', () => {
      expect(problemsOf('connections:\n  env:\n    W: { fromDatabase: events, key: endpoint }\n    R: { fromDatabase: events, key: reader_endpoint }\n')).toEqual([]);
      expect(problemsOf('connections:\n  env:\n    P: { fromDatabase: events, key: password }\n    R: { fromDatabase: events, replica: 1, key: endpoint }\n')).toEqual([
        'apps/shop/web.yaml:6:37: connections.env.P.key: found key "password"; allowed: "attribute.master_password", "endpoint", "master_username", "port", "reader_endpoint" (the keys the connection Secret of an Aurora database holds)',
        'apps/shop/web.yaml:7:41: connections.env.R.replica: found replica 1 of Aurora database "events"; allowed: no replica (its readers are behind the key "reader_endpoint" of its Secret)',
      ]);
    });

    it('GIVEN a kind the tenant has none of WHEN loaded THEN the error says where to declare it', () => {
      expect(problemsOf('connections:\n  env:\n    S: { fromOpenSearch: search, key: endpoint }\n')).toEqual([
        'apps/shop/web.yaml:6:26: connections.env.S.fromOpenSearch: opensearch "search" is not a resource of tenant "shop"; allowed: none (declare it under aws.opensearch in tenants/shop.yaml)',
      ]);
    });

    it('GIVEN an app in an extra namespace WHEN it reads a connection THEN it is refused: the Secrets are in the main namespace', () => {
      expect(problemsOf('namespace: jobs\nconnections:\n  env:\n    Q: { fromQueue: orders, key: url }\n')).toEqual([
        'apps/shop/web.yaml:6:3: connections: found connections on an app in namespace "shop-jobs"; allowed: connections only on apps in the tenant\'s main namespace "shop", where Crossplane writes the connection Secrets',
      ]);
    });

    it('GIVEN a database on a cluster without network ids WHEN loaded THEN the cluster is named; a queue needs none', () => {
      const app = 'connections:\n  env:\n    H: { fromDatabase: main, key: host }\n    Q: { fromQueue: orders, key: url }\n';
      expect(problemsOf(app, '')).toEqual([
        'apps/shop/web.yaml:5:24: connections.env.H.fromDatabase: database "main" is not rendered on cluster "dev", which has no network.ids (clusters/dev.yaml), so its connection Secret never exists there; allowed: fill in network.ids, or leave "dev" out of the app\'s clusters',
      ]);
    });

    it('GIVEN a variable also in env, a file path in /tmp and a path twice WHEN loaded THEN each is named', () => {
      expect(problemsOf(`env:
  Q: x
connections:
  env:
    Q: { fromQueue: orders, key: url }
  files:
    - { fromQueue: orders, path: /tmp/q }
    - { fromRedis: cache, path: /tmp/q }
`)).toEqual([
        'apps/shop/web.yaml:8:8: connections.env.Q: variable "Q" is also set in env; allowed: each variable in one of env, secrets and connections.env',
        'apps/shop/web.yaml:10:34: connections.files[0].path: found "/tmp/q"; allowed: a directory outside /tmp, the pod\'s writable scratch space',
        'apps/shop/web.yaml:11:33: connections.files[1].path: found "/tmp/q" twice; allowed: each directory once',
        'apps/shop/web.yaml:11:33: connections.files[1].path: found "/tmp/q"; allowed: a directory outside /tmp, the pod\'s writable scratch space',
      ]);
    });
  });

  describe('alerts', () => {
    it('GIVEN own rules WHEN loaded THEN there is no problem; a default switched off frees its name', () => {
      expect(problemsOf(`alerts:
  defaults: { crashLooping: false }
  rules:
    - { name: AppCrashLooping, expr: 'sum(kube_pod_container_status_restarts_total{namespace="shop-jobs"}) > 3', severity: warning, summary: restarts }
`)).toEqual([]);
    });

    it('GIVEN a duplicate name, a default\'s name, unbalanced brackets and another tenant\'s namespace WHEN loaded THEN each is named', () => {
      expect(problemsOf(`alerts:
  rules:
    - { name: Slow, expr: 'rate(x[5m] > 1', severity: info, summary: s }
    - { name: Slow, expr: 'up{namespace="billing"} == 0', severity: info, summary: s }
    - { name: AppHighErrorRate, expr: 'up == 0', severity: critical, summary: s }
`)).toEqual([
        'apps/shop/web.yaml:6:27: alerts.rules[0].expr: found an unbalanced "("; allowed: a PromQL expression whose brackets and quotes are closed',
        'apps/shop/web.yaml:7:15: alerts.rules[1].name: found alert "Slow" twice; allowed: each name once',
        'apps/shop/web.yaml:7:27: alerts.rules[1].expr: found namespace="billing", which is not a namespace of tenant "shop"; allowed: "shop", "shop-jobs"',
        'apps/shop/web.yaml:8:15: alerts.rules[2].name: found alert "AppHighErrorRate" twice; allowed: each name once (it is a default rule: switch it off under alerts.defaults to replace it)',
      ]);
    });

    it('GIVEN a rule without severity WHEN loaded THEN the schema names the missing field', () => {
      expect(problemsOf('alerts:\n  rules:\n    - { name: Down, expr: up == 0, summary: s }\n')).toEqual(['apps/shop/web.yaml:6:7: alerts.rules[0].severity: missing required field "severity"']);
    });
  });
});
