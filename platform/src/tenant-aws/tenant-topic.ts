import { Construct } from 'constructs';
import { SnsTopic, SnsTopicSubscription } from '../crossplane/sns/topic.js';
import { type TenantAwsEnv, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';
import type { FilterPolicyScope } from './sns-filter-policy.js';

const FIFO = '.fifo';
const TOPIC_NAME = { what: 'SNS topic name', max: 256 };
const FIFO_TOPIC_NAME = { what: 'SNS FIFO topic name', max: 256, reserve: FIFO };

/** What decides a topic's AWS name: its short name and whether it is FIFO. */
type TopicRef = { readonly name: string; readonly fifo?: boolean };

/** The AWS name of a topic: `<cluster>-<prefix>-<name>`, with `.fifo` for a FIFO topic (SNS requires it), within SNS's limit. */
export const topicName = (env: TenantAwsEnv, t: TopicRef) => (t.fifo ? `${fittedAwsName(env, FIFO_TOPIC_NAME, t.name)}${FIFO}` : fittedAwsName(env, TOPIC_NAME, t.name));
/** The ARN of a topic of the tenant of `env`. */
export const topicArn = (env: TenantAwsEnv, t: TopicRef) => `arn:aws:sns:${env.region}:${env.accountId}:${topicName(env, t)}`;
const PUBLISH = ['sns:Publish', 'sns:GetTopicAttributes'];

/** A queue subscribed to the topic: its owner (this or another tenant), its ARN and the subscription's filter. */
export interface TopicSubscriber {
  readonly tenant: string;
  readonly queue: string;
  readonly queueArn: string;
  /** The filter policy. @default - every message is delivered */
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  /** @default 'MessageAttributes' */
  readonly filterPolicyScope?: FilterPolicyScope;
}

export interface TenantTopicProps {
  readonly env: TenantAwsEnv;
  /** Short name; the topic is `<cluster>-<tenant>-<name>` (`.fifo` added for a FIFO topic). */
  readonly name: string;
  /** A FIFO topic: delivers in order, deduplicated, to FIFO queues only. @default false */
  readonly fifo?: boolean;
  /** FIFO only: deduplicate by a hash of the body. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** The tenant key's alias (SNS takes an alias for SSE). */
  readonly kmsKeyAlias: string;
  /**
   * Queues to deliver to. Another tenant's queue appears here only when this topic lists that tenant
   * as a subscriber and its queue subscribes (the fleet rules check both sides). @default []
   */
  readonly subscribers?: readonly TopicSubscriber[];
}

/**
 * An SNS topic for a tenant, encrypted with the tenant key, with one SQS subscription per
 * subscribing queue. Subscriptions live with the topic's owner, whose role may subscribe to its
 * own topics only; the subscriber's queue policy admits the topic.
 */
export class TenantTopic extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantTopicProps) {
    super(scope, id);
    const { env, name } = props;
    const mrName = `topic-${name}`;
    const fifo = props.fifo ?? false;
    this.arn = topicArn(env, { name, fifo });
    new SnsTopic(this, 'topic', {
      ...mrCommon(env, mrName),
      externalName: topicName(env, { name, fifo }),
      forProvider: {
        region: env.region, displayName: `${env.tenant} ${name}`, kmsMasterKeyId: props.kmsKeyAlias,
        ...(fifo ? { fifoTopic: true, ...(props.contentBasedDeduplication ? { contentBasedDeduplication: true } : {}) } : {}),
        tags: tenantTags(env),
      },
    });
    for (const s of props.subscribers ?? []) {
      const sub = s.tenant === env.tenant ? s.queue : `${s.tenant}-${s.queue}`;
      new SnsTopicSubscription(this, `to-${sub}`, {
        ...mrCommon(env, `${mrName}-to-${sub}`),
        forProvider: {
          region: env.region, topicArn: this.arn, protocol: 'sqs', endpoint: s.queueArn, rawMessageDelivery: true,
          ...(s.filterPolicy ? { filterPolicy: JSON.stringify(s.filterPolicy), filterPolicyScope: s.filterPolicyScope ?? 'MessageAttributes' } : {}),
        },
      });
    }
  }
}

/** The tenant AWS kind `aws.topics`. */
export const TOPICS: TenantAwsKind<TenantAwsItem<'topics'>> = {
  field: 'topics',
  title: 'SNS topic',
  mrPrefix: 'topic',
  names: [{ rule: TOPIC_NAME, ruleOf: (t) => (t.fifo ? FIFO_TOPIC_NAME : TOPIC_NAME), short: (t) => t.name }],
  arn: topicArn,
  workloadArns: (env, t) => [TOPICS.arn(env, t)],
  workloadActions: (arns) => [{ sid: 'Topics', actions: PUBLISH, resources: [...arns] }],
  dataPlane: (patterns) => [{ sid: 'OwnTopics', actions: PUBLISH, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'Topics', actions: ['sns:CreateTopic', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:TagResource', 'sns:UntagResource', 'sns:ListTagsForResource', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:GetSubscriptionAttributes', 'sns:SetSubscriptionAttributes'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:sns:${s.region}:${s.accountId}:${s.cluster}-${s.prefix}-*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [],
  providerPackages: ['sns'],
  summary: 'encrypted with the tenant key; own queues subscribe, other tenants\' queues when both files agree; FIFO (`.fifo`) on request',
  checks: (t) => (t.contentBasedDeduplication && !t.fifo ? [{ path: ['contentBasedDeduplication'], message: 'found true on a standard topic; allowed: true only with fifo: true (SNS deduplicates FIFO topics only)' }] : []),
  sharing: {
    accesses: { publish: { ownerField: 'publishers', statements: (arns) => [{ sid: 'PublishToTopics', actions: ['sns:Publish'], resources: [...arns] }], keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'] } },
    usedBy: 'workloads',
    service: 'sns',
    arns: (owner, t) => [TOPICS.arn(owner, t)],
    details: (owner, t) => ({ arn: TOPICS.arn(owner, t) }),
  },
  render: (scope, ctx, t) => {
    new TenantTopic(scope, `topic-${t.name}`, {
      env: ctx.env, name: t.name, fifo: t.fifo, contentBasedDeduplication: t.contentBasedDeduplication, kmsKeyAlias: ctx.kmsKeyAlias,
      subscribers: (ctx.extra.subscribersOf as (topic: string) => TopicSubscriber[] | undefined)?.(t.name) ?? [],
    });
  },
};

