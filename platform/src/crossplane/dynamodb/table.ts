import { BOOL, NUM, STR, STR_MAP, arr, obj, oneOf, referable, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

const ATTRIBUTE_TYPE = oneOf('S', 'N', 'B');

/**
 * dynamodb.aws.m.upbound.io/v1beta1 Table. Name-identified: the external name is the table name
 * (forProvider has no name field).
 */
export const DYNAMODB_TABLE = defineManagedResourceKind({
  apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
  kind: 'Table',
  forProvider: regional({
    attribute: arr(obj({ name: STR, type: ATTRIBUTE_TYPE }, ['name', 'type'])),
    billingMode: oneOf('PROVISIONED', 'PAY_PER_REQUEST'),
    deletionProtectionEnabled: BOOL,
    hashKey: STR,
    pointInTimeRecovery: obj({ enabled: BOOL, recoveryPeriodInDays: { type: 'number', minimum: 1, maximum: 35 } }),
    rangeKey: STR,
    readCapacity: NUM,
    serverSideEncryption: obj({ enabled: BOOL, ...referable('kmsKeyArn') }),
    streamEnabled: BOOL,
    streamViewType: oneOf('KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'),
    tableClass: oneOf('STANDARD', 'STANDARD_INFREQUENT_ACCESS'),
    tags: STR_MAP,
    ttl: obj({ attributeName: STR, enabled: BOOL }),
    writeCapacity: NUM,
  }),
});

export interface DynamoDbTableForProvider extends TaggedForProvider {
  readonly attribute: readonly { readonly name: string; readonly type: 'S' | 'N' | 'B' }[];
  readonly hashKey: string;
  readonly rangeKey?: string;
  readonly billingMode: 'PAY_PER_REQUEST';
  readonly pointInTimeRecovery: { readonly enabled: boolean };
  readonly serverSideEncryption: { readonly enabled: boolean; readonly kmsKeyArnRef?: Ref };
  readonly deletionProtectionEnabled: boolean;
  readonly ttl?: { readonly attributeName: string; readonly enabled: boolean };
}

/** A DynamoDB table. Holds data: emit it with `retain: true`. */
export const DynamoDbTable = managedResourceClass<DynamoDbTableForProvider>(DYNAMODB_TABLE);
