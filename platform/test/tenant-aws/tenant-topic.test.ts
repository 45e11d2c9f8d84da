import { describe, expect, it } from 'vitest';
import { TOPICS, TenantTopic, topicName } from '../../src/tenant-aws/tenant-topic.js';
import { ENV, newChart, objectsOf, one } from './_env.js';

describe('TenantTopic', () => {
  it('GIVEN fifo WHEN rendered THEN the topic is FIFO, named .fifo, and deduplicates by content only when asked', () => {
    const chart = newChart();
    new TenantTopic(chart, 't', { env: ENV, name: 'orders', kmsKeyAlias: 'alias/stage-shop-key', fifo: true, contentBasedDeduplication: true });
    const topic = one(objectsOf(chart), 'Topic');
    expect(topic.metadata).toMatchObject({ annotations: { 'crossplane.io/external-name': 'stage-shop-orders.fifo' } });
    expect(topic.spec.forProvider).toMatchObject({ fifoTopic: true, contentBasedDeduplication: true });
    expect(TOPICS.arn(ENV, { name: 'orders', fifo: true } as never)).toBe('arn:aws:sns:eu-west-2:123456789012:stage-shop-orders.fifo');
  });

  it('GIVEN a standard topic WHEN rendered THEN neither FIFO field is set and its name keeps no suffix', () => {
    const chart = newChart();
    new TenantTopic(chart, 't', { env: ENV, name: 'events', kmsKeyAlias: 'alias/stage-shop-key' });
    const forProvider = one(objectsOf(chart), 'Topic').spec.forProvider!;
    expect([forProvider.fifoTopic, forProvider.contentBasedDeduplication]).toEqual([undefined, undefined]);
    expect(topicName(ENV, { name: 'events' })).toBe('stage-shop-events');
  });

  it('GIVEN a name longer than SNS allows WHEN FIFO THEN it is shortened so that ".fifo" fits 256', () => {
    const name = topicName(ENV, { name: 'x'.repeat(300), fifo: true });
    expect(name.length).toBe(256);
    expect(name.endsWith('.fifo')).toBe(true);
  });

  it('GIVEN subscribers with and without a filter WHEN rendered THEN only the filtered subscription carries a policy and its scope', () => {
    const chart = newChart();
    new TenantTopic(chart, 't', {
      env: ENV, name: 'events', kmsKeyAlias: 'alias/stage-shop-key',
      subscribers: [
        { tenant: 'shop', queue: 'all', queueArn: 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-all' },
        { tenant: 'billing', queue: 'paid', queueArn: 'arn:aws:sqs:eu-west-2:123456789012:stage-billing-paid', filterPolicy: { eventType: ['paid'] }, filterPolicyScope: 'MessageAttributes' },
      ],
    });
    const subs = objectsOf(chart).filter((o) => o.kind === 'TopicSubscription').map((o) => [o.metadata.name, o.spec.forProvider!.filterPolicy, o.spec.forProvider!.filterPolicyScope]);
    expect(subs).toEqual([['topic-events-to-all', undefined, undefined], ['topic-events-to-billing-paid', '{"eventType":["paid"]}', 'MessageAttributes']]);
  });
});
