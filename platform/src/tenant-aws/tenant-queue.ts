import { Construct } from 'constructs';
import { SQS_QUEUE_NAME_MAX_LENGTH, SqsQueue, SqsQueuePolicy, SqsQueueRedrivePolicy } from '../crossplane/sqs/queue.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';
import { connectionSecretName } from './tenant-connection-secrets.js';
import { subscribeToProblems } from './sns-filter-policy.js';

export interface TenantQueueProps {
  readonly env: TenantAwsEnv;
  /** Short name; the queue is `<cluster>-<tenant>-<name>`, its dead-letter queue `<...>-dlq`. */
  readonly name: string;
  /** The tenant key's alias (SQS takes an alias for SSE). */
  readonly kmsKeyAlias: string;
  /** The tenant's workload roles: the only principals that may use the queue. */
  readonly consumerRoleArns: readonly string[];
  /** ARNs of SNS topics that deliver to this queue. @default [] */
  readonly topicArns?: readonly string[];
  /** @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** @default 345600 (4 days) */
  readonly messageRetentionSeconds?: number;
  /** Seconds each new message waits before its first delivery (the dead-letter queue never delays). @default 0 */
  readonly deliveryDelaySeconds?: number;
  /** @default true */
  readonly deadLetterQueue?: boolean;
  /** A FIFO queue (`.fifo`); its dead-letter queue is FIFO too. @default false */
  readonly fifo?: boolean;
  /** FIFO only: deduplicate by a hash of the body. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** @default 5 */
  readonly maxReceiveCount?: number;
}

const USE = ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const DLQ = '-dlq';
const FIFO = '.fifo';
const QUEUE_NAME = { what: 'SQS queue name', max: SQS_QUEUE_NAME_MAX_LENGTH, reserve: DLQ };
const FIFO_QUEUE_NAME = { what: 'SQS FIFO queue name', max: SQS_QUEUE_NAME_MAX_LENGTH, reserve: `${DLQ}${FIFO}` };

/** What decides a queue's AWS names: its short name and whether it is FIFO. */
type QueueRef = { readonly name: string; readonly fifo?: boolean };

/**
 * The AWS names of a queue and of its dead-letter queue, within SQS's limit: `<base>` and `<base>-dlq`, or for a
 * FIFO queue `<base>.fifo` and `<base>-dlq.fifo` (SQS requires the suffix, and a FIFO queue's dead-letter queue
 * must be FIFO). The FIFO base reserves `-dlq.fifo`, so the dead-letter queue always fits.
 */
export function queueNames(env: TenantAwsEnv, q: QueueRef): { queue: string; dlq: string } {
  const suffix = q.fifo ? FIFO : '';
  const base = fittedAwsName(env, q.fifo ? FIFO_QUEUE_NAME : QUEUE_NAME, q.name);
  return { queue: `${base}${suffix}`, dlq: `${base}${DLQ}${suffix}` };
}
const queueArn = (env: TenantAwsEnv, awsQueue: string) => `arn:aws:sqs:${env.region}:${env.accountId}:${awsQueue}`;
/** The URL SQS API calls take for the queue `name` (what the provider writes as the connection key `url`). */
export const queueUrl = (env: TenantAwsEnv, q: QueueRef) => `https://sqs.${env.region}.amazonaws.com/${env.accountId}/${queueNames(env, q).queue}`;

/**
 * An SQS queue for a tenant: SSE with the tenant key, an optional dead-letter queue with a redrive
 * policy, and a queue policy admitting only the tenant's own roles and the SNS topics it subscribes
 * to. Queues hold messages, so both are retained. The queue's URL is written to the Secret `<name>-queue` of the
 * tenant namespace.
 */
export class TenantQueue extends Construct {
  /** ARNs of the queue and its dead-letter queue, for the workload role policy. */
  readonly arns: string[];
  /** Name of the connection Secret in the tenant namespace. */
  readonly connectionSecret: string;

  constructor(scope: Construct, id: string, props: TenantQueueProps) {
    super(scope, id);
    const { env, name } = props;
    const mrName = `queue-${name}`;
    const fifo = props.fifo ?? false;
    const names = queueNames(env, { name, fifo });
    const arn = queueArn(env, names.queue);
    const dlq = props.deadLetterQueue ?? true;
    const dlqArn = queueArn(env, names.dlq);
    this.connectionSecret = connectionSecretName('queue', name);
    const queue = (id2: string, metaName: string, awsQueue: string, retention: number, redriveAllow?: string, delay = 0) =>
      new SqsQueue(this, id2, {
        ...mrCommon(env, metaName),
        retain: true,
        ...(metaName === mrName ? { writeConnectionSecretTo: this.connectionSecret } : {}),
        forProvider: {
          region: env.region,
          name: awsQueue,
          kmsMasterKeyId: props.kmsKeyAlias,
          kmsDataKeyReusePeriodSeconds: 300,
          visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
          messageRetentionSeconds: retention,
          ...(delay > 0 ? { delaySeconds: delay } : {}),
          ...(fifo ? { fifoQueue: true } : {}),
          ...(fifo && metaName === mrName && props.contentBasedDeduplication ? { contentBasedDeduplication: true } : {}),
          ...(redriveAllow ? { redriveAllowPolicy: redriveAllow } : {}),
          tags: tenantTags(env),
        },
      });
    queue('queue', mrName, names.queue, props.messageRetentionSeconds ?? 345600, undefined, props.deliveryDelaySeconds ?? 0);
    this.arns = [arn];
    if (dlq) {
      this.arns.push(dlqArn);
      // Dead letters are kept for the longest time SQS allows, so nothing is lost before someone looks.
      queue('dlq', `${mrName}-dlq`, names.dlq, 1209600, JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [arn] }));
      new SqsQueueRedrivePolicy(this, 'redrive', {
        ...mrCommon(env, mrName),
        forProvider: { region: env.region, queueUrlRef: { name: mrName }, redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: props.maxReceiveCount ?? 5 }) },
      });
    }
    const statements: PolicyStatement[] = [];
    if (props.consumerRoleArns.length > 0) {
      statements.push({ sid: 'TenantRoles', principal: { AWS: [...props.consumerRoleArns] }, actions: USE, resources: [arn] });
    }
    for (const [i, topic] of (props.topicArns ?? []).entries()) {
      statements.push({
        sid: `Topic${i}`,
        principal: { Service: 'sns.amazonaws.com' },
        actions: ['sqs:SendMessage'],
        resources: [arn],
        condition: { ArnEquals: { 'aws:SourceArn': topic } },
      });
    }
    statements.push({ sid: 'DenyInsecureTransport', effect: 'Deny', principal: '*', actions: ['sqs:*'], resources: [arn], condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    new SqsQueuePolicy(this, 'policy', { ...mrCommon(env, mrName), forProvider: { region: env.region, queueUrlRef: { name: mrName }, policy: policyDocument(statements) } });
  }
}

/** The tenant AWS kind `aws.queues`. */
export const QUEUES: TenantAwsKind<TenantAwsItem<'queues'>> = {
  field: 'queues',
  title: 'SQS queue',
  mrPrefix: 'queue',
  names: [{ rule: QUEUE_NAME, ruleOf: (q) => (q.fifo ? FIFO_QUEUE_NAME : QUEUE_NAME), short: (q) => q.name }],
  arn: (env, q) => queueArn(env, queueNames(env, q).queue),
  workloadArns: (env, q) => [QUEUES.arn(env, q), ...(q.deadLetterQueue === false ? [] : [queueArn(env, queueNames(env, q).dlq)])],
  workloadActions: (arns) => [{ sid: 'Queues', actions: USE, resources: [...arns] }],
  dataPlane: (patterns) => [{ sid: 'OwnQueues', actions: USE, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'Queues', actions: ['sqs:CreateQueue', 'sqs:GetQueueAttributes', 'sqs:SetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:TagQueue', 'sqs:UntagQueue', 'sqs:ListQueueTags'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:sqs:${s.region}:${s.accountId}:${s.cluster}-${s.prefix}-*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [{ service: 'sqs', kind: 'Queue', title: 'SQS queue', loss: 'every message waiting in the queue' }],
  providerPackages: ['sqs'],
  summary: 'encrypted with the tenant key, optional dead-letter queue `<name>-dlq`, policy admitting only the tenant\'s roles and subscribed topics; FIFO (`.fifo`) on request, subscriptions optionally filtered',
  checks: (q) => [
    ...(q.contentBasedDeduplication && !q.fifo ? [{ path: ['contentBasedDeduplication'], message: 'found true on a standard queue; allowed: true only with fifo: true (SQS deduplicates FIFO queues only)' }] : []),
    ...subscribeToProblems(q.subscribeTo).map((p) => ({ ...p, path: ['subscribeTo', ...p.path] })),
  ],
  sharing: {
    // Senders only send: receiving and deleting stay with the owner's workloads.
    accesses: { send: { ownerField: 'senders', statements: (arns) => [{ sid: 'SendToQueues', actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resources: [...arns] }], keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'] } },
    usedBy: 'workloads',
    service: 'sqs',
    arns: (owner, q) => [QUEUES.arn(owner, q)],
    details: (owner, q) => ({ arn: QUEUES.arn(owner, q), url: queueUrl(owner, q) }),
  },
  render: (scope, ctx, q) => {
    new TenantQueue(scope, `queue-${q.name}`, {
      env: ctx.env, name: q.name, kmsKeyAlias: ctx.kmsKeyAlias, consumerRoleArns: ctx.workloadRoleArns,
      topicArns: (ctx.extra.topicArnsOf as (queue: TenantAwsItem<'queues'>) => string[] | undefined)?.(q) ?? [],
      visibilityTimeoutSeconds: q.visibilityTimeoutSeconds, messageRetentionSeconds: q.messageRetentionSeconds,
      deliveryDelaySeconds: q.deliveryDelaySeconds, deadLetterQueue: q.deadLetterQueue, maxReceiveCount: q.maxReceiveCount,
      fifo: q.fifo, contentBasedDeduplication: q.contentBasedDeduplication,
    });
  },
};

