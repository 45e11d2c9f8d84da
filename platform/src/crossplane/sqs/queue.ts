import { BOOL, NUM, STR, STR_MAP, referable, regional } from '../_fields.js';
import type { Ref, RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const sqs = kindsOf('sqs.aws.m.upbound.io/v1beta1');

/** SQS's limit on a queue name, `.fifo` suffix included. */
export const SQS_QUEUE_NAME_MAX_LENGTH = 80;

/**
 * sqs.aws.m.upbound.io/v1beta1 Queue. The queue name is `forProvider.name` (80 characters at most,
 * `.fifo` suffix for FIFO queues); AWS identifies the queue by its URL.
 */
export const SQS_QUEUE = sqs('Queue', regional({
  contentBasedDeduplication: BOOL,
  delaySeconds: { type: 'number', minimum: 0, maximum: 900 },
  fifoQueue: BOOL,
  kmsDataKeyReusePeriodSeconds: { type: 'number', minimum: 60, maximum: 86400 },
  kmsMasterKeyId: STR,
  maxMessageSize: NUM,
  messageRetentionSeconds: { type: 'number', minimum: 60, maximum: 1209600 },
  name: { type: 'string', pattern: `^([A-Za-z0-9_-]{1,${SQS_QUEUE_NAME_MAX_LENGTH}}|[A-Za-z0-9_-]{1,${SQS_QUEUE_NAME_MAX_LENGTH - 5}}\\.fifo)$` },
  receiveWaitTimeSeconds: { type: 'number', minimum: 0, maximum: 20 },
  redriveAllowPolicy: STR,
  sqsManagedSseEnabled: BOOL,
  tags: STR_MAP,
  visibilityTimeoutSeconds: { type: 'number', minimum: 0, maximum: 43200 },
}));

export interface SqsQueueForProvider extends TaggedForProvider {
  readonly name: string;
  /** KMS key id, alias or ARN used for SSE. */
  readonly kmsMasterKeyId?: string;
  readonly kmsDataKeyReusePeriodSeconds?: number;
  readonly messageRetentionSeconds?: number;
  readonly visibilityTimeoutSeconds?: number;
  /** Seconds every new message stays invisible before its first delivery. */
  readonly delaySeconds?: number;
  readonly receiveWaitTimeSeconds?: number;
  readonly fifoQueue?: boolean;
  /** FIFO queues only: deduplicate by a SHA-256 of the body. */
  readonly contentBasedDeduplication?: boolean;
  /** JSON: which source queues may use this queue as their dead-letter queue. */
  readonly redriveAllowPolicy?: string;
}

/** An SQS queue. Holds messages: emit it with `retain: true`. */
export const SqsQueue = managedResourceClass<SqsQueueForProvider>(SQS_QUEUE);

/** forProvider of the policies attached to a queue by URL. */
export interface QueueAttachmentForProvider extends RegionalForProvider {
  readonly queueUrlRef: Ref;
}

/** sqs.aws.m.upbound.io/v1beta1 QueuePolicy: the resource policy of one queue (`policy` is required on create). */
export const SQS_QUEUE_POLICY = sqs('QueuePolicy', regional({ policy: STR, ...referable('queueUrl') }, ['policy']));

export const SqsQueuePolicy = managedResourceClass<QueueAttachmentForProvider & { readonly policy: string }>(SQS_QUEUE_POLICY);

/** sqs.aws.m.upbound.io/v1beta1 QueueRedrivePolicy: where a queue sends messages it failed to process. */
export const SQS_QUEUE_REDRIVE_POLICY = sqs('QueueRedrivePolicy', regional({ redrivePolicy: STR, ...referable('queueUrl') }, ['redrivePolicy']));

export const SqsQueueRedrivePolicy = managedResourceClass<QueueAttachmentForProvider & { readonly redrivePolicy: string }>(SQS_QUEUE_REDRIVE_POLICY);
