import { Construct } from 'constructs';
import { SnsTopic, SnsTopicSubscription } from '../crossplane/sns/topic.js';
import { type TenantAwsEnv, arns, awsName, mrCommon, tenantTags } from './tenant-aws-env.js';

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
    this.arn = arns.topic(env, name);
    new SnsTopic(this, 'topic', {
      ...mrCommon(env, mrName),
      externalName: awsName(env, name),
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
