import { Construct } from 'constructs';
import { DynamoDbTable } from '../crossplane/dynamodb/table.js';
import { type TenantAwsEnv, awsName, mrCommon, tenantTags } from './tenant-aws-env.js';

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
      externalName: awsName(env, name),
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
