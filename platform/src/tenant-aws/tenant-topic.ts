import { Construct } from 'constructs';
import { SnsTopic, SnsTopicSubscription } from '../crossplane/sns/topic.js';
import { type TenantAwsEnv, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';

const TOPIC_NAME = { what: 'SNS topic name', max: 256 };
const PUBLISH = ['sns:Publish', 'sns:GetTopicAttributes'];

/** A queue subscribed to the topic: its owner (this or another tenant) and its ARN. */
export interface TopicSubscriber {
  readonly tenant: string;
  readonly queue: string;
  readonly queueArn: string;
}

export interface TenantTopicProps {
  readonly env: TenantAwsEnv;
  /** Short name; the topic is `<cluster>-<tenant>-<name>`. */
  readonly name: string;
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
    this.arn = TOPICS.arn(env, name);
    new SnsTopic(this, 'topic', {
      ...mrCommon(env, mrName),
      externalName: fittedAwsName(env, TOPIC_NAME, name),
      forProvider: { region: env.region, displayName: `${env.tenant} ${name}`, kmsMasterKeyId: props.kmsKeyAlias, tags: tenantTags(env) },
    });
    for (const s of props.subscribers ?? []) {
      const sub = s.tenant === env.tenant ? s.queue : `${s.tenant}-${s.queue}`;
      new SnsTopicSubscription(this, `to-${sub}`, {
        ...mrCommon(env, `${mrName}-to-${sub}`),
        forProvider: { region: env.region, topicArn: this.arn, protocol: 'sqs', endpoint: s.queueArn, rawMessageDelivery: true },
      });
    }
  }
}

/** The tenant AWS kind `aws.topics`. */
export const TOPICS: TenantAwsKind<TenantAwsItem<'topics'>> = {
  field: 'topics',
  title: 'SNS topic',
  mrPrefix: 'topic',
  names: [{ rule: TOPIC_NAME, short: (t) => t.name }],
  arn: (env, name) => `arn:aws:sns:${env.region}:${env.accountId}:${fittedAwsName(env, TOPIC_NAME, name)}`,
  workloadArns: (env, t) => [TOPICS.arn(env, t.name)],
  workloadActions: (arns) => [{ sid: 'Topics', actions: PUBLISH, resources: [...arns] }],
  dataPlane: (patterns) => [{ sid: 'OwnTopics', actions: PUBLISH, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'Topics', actions: ['sns:CreateTopic', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:TagResource', 'sns:UntagResource', 'sns:ListTagsForResource', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:GetSubscriptionAttributes', 'sns:SetSubscriptionAttributes'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:sns:${s.region}:${s.accountId}:${s.cluster}-${s.prefix}-*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [],
  providerPackages: ['sns'],
  summary: 'encrypted with the tenant key; own queues subscribe, other tenants\' queues when both files agree',
  sharing: {
    accesses: { publish: { ownerField: 'publishers', statements: (arns) => [{ sid: 'PublishToTopics', actions: ['sns:Publish'], resources: [...arns] }], keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'] } },
    usedBy: 'workloads',
    service: 'sns',
    arns: (owner, name) => [TOPICS.arn(owner, name)],
    details: (owner, name) => ({ arn: TOPICS.arn(owner, name) }),
  },
  render: (scope, ctx, t) => {
    new TenantTopic(scope, `topic-${t.name}`, { env: ctx.env, name: t.name, kmsKeyAlias: ctx.kmsKeyAlias, subscribers: (ctx.extra.subscribersOf as (topic: string) => TopicSubscriber[] | undefined)?.(t.name) ?? [] });
  },
};

