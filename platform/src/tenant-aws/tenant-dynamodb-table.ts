import { Construct } from 'constructs';
import { DynamoDbTable } from '../crossplane/dynamodb/table.js';
import { type TenantAwsEnv, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';

const TABLE_NAME = { what: 'DynamoDB table name', max: 255 };
const TABLE_ACTIONS = [
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
  'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable',
];

/** A key attribute: name and type (S string, N number, B binary). */
export interface TableKey {
  readonly name: string;
  /** @default 'S' */
  readonly type?: 'S' | 'N' | 'B';
}

export interface TenantDynamoDbTableProps {
  readonly env: TenantAwsEnv;
  /** Short name; the table is `<cluster>-<tenant>-<name>`. */
  readonly name: string;
  readonly kmsKeyRef: { readonly name: string };
  readonly hashKey: TableKey;
  /** @default - no sort key */
  readonly rangeKey?: TableKey;
  /** Attribute holding the expiry time. @default - no TTL */
  readonly ttlAttribute?: string;
}

/**
 * A DynamoDB table for a tenant: on-demand billing, point-in-time recovery, SSE with the tenant key,
 * deletion protection in production, retained when removed from Git.
 */
export class TenantDynamoDbTable extends Construct {
  constructor(scope: Construct, id: string, props: TenantDynamoDbTableProps) {
    super(scope, id);
    const { env, name } = props;
    const keys = [props.hashKey, ...(props.rangeKey ? [props.rangeKey] : [])];
    new DynamoDbTable(this, 'table', {
      ...mrCommon(env, `table-${name}`),
      externalName: fittedAwsName(env, TABLE_NAME, name),
      retain: true,
      forProvider: {
        region: env.region,
        billingMode: 'PAY_PER_REQUEST',
        attribute: keys.map((k) => ({ name: k.name, type: k.type ?? 'S' })),
        hashKey: props.hashKey.name,
        ...(props.rangeKey ? { rangeKey: props.rangeKey.name } : {}),
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArnRef: props.kmsKeyRef },
        deletionProtectionEnabled: env.environment === 'production',
        ...(props.ttlAttribute ? { ttl: { attributeName: props.ttlAttribute, enabled: true } } : {}),
        tags: tenantTags(env),
      },
    });
  }
}

/** The tenant AWS kind `aws.tables`. */
export const TABLES: TenantAwsKind<TenantAwsItem<'tables'>> = {
  field: 'tables',
  title: 'DynamoDB table',
  mrPrefix: 'table',
  names: [{ rule: TABLE_NAME, short: (t) => t.name }],
  arn: (env, t) => `arn:aws:dynamodb:${env.region}:${env.accountId}:table/${fittedAwsName(env, TABLE_NAME, t.name)}`,
  workloadArns: (env, t) => [TABLES.arn(env, t)],
  workloadActions: (arns) => [{ sid: 'Tables', actions: TABLE_ACTIONS, resources: arns.flatMap((t) => [t, `${t}/index/*`]) }],
  dataPlane: (patterns) => [{ sid: 'OwnTables', actions: TABLE_ACTIONS, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'Tables', actions: ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:UpdateTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:UpdateContinuousBackups', 'dynamodb:DescribeTimeToLive', 'dynamodb:UpdateTimeToLive', 'dynamodb:TagResource', 'dynamodb:UntagResource', 'dynamodb:ListTagsOfResource'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:dynamodb:${s.region}:${s.accountId}:table/${s.cluster}-${s.prefix}-*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [{ service: 'dynamodb', kind: 'Table', title: 'DynamoDB table', loss: 'every item in the table' }],
  providerPackages: ['dynamodb'],
  summary: 'on demand, point-in-time recovery, encrypted with the tenant key, deletion protection in production',
  render: (scope, ctx, t) => {
    new TenantDynamoDbTable(scope, `table-${t.name}`, { env: ctx.env, name: t.name, kmsKeyRef: ctx.kmsKeyRef, hashKey: t.hashKey, rangeKey: t.rangeKey, ttlAttribute: t.ttlAttribute });
  },
};

