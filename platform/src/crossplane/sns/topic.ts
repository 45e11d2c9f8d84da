import { BOOL, STR, STR_MAP, oneOf, referable, regional } from '../_fields.js';
import type { RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const sns = kindsOf('sns.aws.m.upbound.io/v1beta1');

/**
 * sns.aws.m.upbound.io/v1beta1 Topic. Name-identified: the external name is the topic name
 * (forProvider has no name field); AWS identifies the topic by its ARN.
 */
export const SNS_TOPIC = sns('Topic', regional({
  contentBasedDeduplication: BOOL,
  deliveryPolicy: STR,
  displayName: STR,
  fifoTopic: BOOL,
  kmsMasterKeyId: STR,
  policy: STR,
  signatureVersion: { type: 'number', enum: [1, 2] },
  tags: STR_MAP,
  tracingConfig: oneOf('PassThrough', 'Active'),
}));

export interface SnsTopicForProvider extends TaggedForProvider {
  readonly displayName?: string;
  /** KMS key id, alias or ARN used for SSE. */
  readonly kmsMasterKeyId?: string;
  /** Access policy (JSON). */
  readonly policy?: string;
  readonly fifoTopic?: boolean;
  /** FIFO topics only: deduplicate by a SHA-256 of the body. */
  readonly contentBasedDeduplication?: boolean;
}

/** An SNS topic. Set `externalName` to a name unique per cluster and tenant. */
export const SnsTopic = managedResourceClass<SnsTopicForProvider>(SNS_TOPIC);

/** sns.aws.m.upbound.io/v1beta1 TopicSubscription. ID-identified (the subscription ARN); `protocol` is required on create. */
export const SNS_TOPIC_SUBSCRIPTION = sns('TopicSubscription', regional({
  confirmationTimeoutInMinutes: { type: 'number', minimum: 1 },
  deliveryPolicy: STR,
  ...referable('endpoint'),
  endpointAutoConfirms: BOOL,
  filterPolicy: STR,
  filterPolicyScope: oneOf('MessageAttributes', 'MessageBody'),
  protocol: oneOf('sqs', 'sns', 'lambda', 'firehose', 'application', 'http', 'https', 'email', 'email-json', 'sms'),
  rawMessageDelivery: BOOL,
  redrivePolicy: STR,
  ...referable('subscriptionRoleArn'),
  ...referable('topicArn'),
}, ['protocol']));

export interface SnsTopicSubscriptionForProvider extends RegionalForProvider {
  readonly topicArn: string;
  readonly protocol: 'sqs';
  /** The subscribed endpoint's ARN (a queue ARN for `sqs`). */
  readonly endpoint: string;
  readonly rawMessageDelivery?: boolean;
  /** JSON filter policy (see `filterPolicyScope`). */
  readonly filterPolicy?: string;
  /** What `filterPolicy` matches. @default 'MessageAttributes' */
  readonly filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
}

/** Subscribes a queue to a topic. */
export const SnsTopicSubscription = managedResourceClass<SnsTopicSubscriptionForProvider>(SNS_TOPIC_SUBSCRIPTION);
