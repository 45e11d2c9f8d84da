import { Construct } from 'constructs';
import { SqsQueue, SqsQueuePolicy, SqsQueueRedrivePolicy } from '../crossplane/sqs/queue.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, arns, awsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import { connectionSecretName } from './tenant-connection-secrets.js';

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
  /** @default true */
  readonly deadLetterQueue?: boolean;
  /** @default 5 */
  readonly maxReceiveCount?: number;
}

const USE = ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];

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
    const arn = arns.queue(env, name);
    const dlq = props.deadLetterQueue ?? true;
    const dlqArn = arns.queue(env, `${name}-dlq`);
    this.connectionSecret = connectionSecretName('queue', name);
    const queue = (id2: string, metaName: string, awsQueue: string, retention: number, redriveAllow?: string) =>
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
          ...(redriveAllow ? { redriveAllowPolicy: redriveAllow } : {}),
          tags: tenantTags(env),
        },
      });
    queue('queue', mrName, awsName(env, name), props.messageRetentionSeconds ?? 345600);
    this.arns = [arn];
    if (dlq) {
      this.arns.push(dlqArn);
      // Dead letters are kept for the longest time SQS allows, so nothing is lost before someone looks.
      queue('dlq', `${mrName}-dlq`, awsName(env, `${name}-dlq`), 1209600, JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [arn] }));
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
