import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../src/crossplane/iam/policy-document.js';
import { QUEUES, TenantQueue, queueNames } from '../../src/tenant-aws/tenant-queue.js';
import { type Context, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf } from './_env.js';

const ROLE = 'arn:aws:iam::123456789012:role/stage-shop-sa-api';
const TOPIC = 'arn:aws:sns:eu-west-2:123456789012:stage-shop-orders.fifo';

function render(props: Partial<ConstructorParameters<typeof TenantQueue>[2]> = {}) {
  const chart = newChart();
  new TenantQueue(chart, 'q', { env: ENV, name: 'fulfilment', kmsKeyAlias: 'alias/stage-shop-key', consumerRoleArns: [ROLE], topicArns: [TOPIC], fifo: true, ...props });
  return objectsOf(chart);
}

/** The queue policy's statements in the evaluator's shape. */
function policyOf(objs: ReturnType<typeof render>): PolicyStatement[] {
  const doc = JSON.parse(objs.find((o) => o.kind === 'QueuePolicy')!.spec.forProvider!.policy as string) as { Statement: Record<string, unknown>[] };
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]) as string[];
  return doc.Statement.map((s) => ({
    sid: s.Sid as string, effect: s.Effect as 'Allow' | 'Deny', actions: list(s.Action), resources: list(s.Resource),
    principal: s.Principal as PolicyStatement['principal'], condition: s.Condition as PolicyStatement['condition'],
  }));
}

/** Whether the queue policy admits `principal` (a role ARN or the SNS service) for one request. */
function admits(statements: readonly PolicyStatement[], principal: string, action: string, resource: string, context: Context): boolean {
  const who = (s: PolicyStatement) => {
    const p = s.principal;
    if (p === '*') return true;
    const ids = [...(typeof p === 'object' && p && 'AWS' in p ? [p.AWS].flat() : []), ...(typeof p === 'object' && p && 'Service' in p ? [p.Service].flat() : [])];
    return ids.includes(principal);
  };
  return isAllowed(statements.filter(who), { action, resource, context });
}

describe('TenantQueue (FIFO)', () => {
  it('GIVEN fifo WHEN rendered THEN the queue and its dead-letter queue are FIFO, named .fifo and -dlq.fifo', () => {
    const objs = render({ contentBasedDeduplication: true });
    const queues = objs.filter((o) => o.kind === 'Queue').map((o) => o.spec.forProvider!);
    expect(queues.map((q) => [q.name, q.fifoQueue, q.contentBasedDeduplication])).toEqual([
      ['stage-shop-fulfilment.fifo', true, true],
      ['stage-shop-fulfilment-dlq.fifo', true, undefined],
    ]);
    const redrive = JSON.parse(objs.find((o) => o.kind === 'QueueRedrivePolicy')!.spec.forProvider!.redrivePolicy as string);
    expect(redrive.deadLetterTargetArn).toBe('arn:aws:sqs:eu-west-2:123456789012:stage-shop-fulfilment-dlq.fifo');
  });

  it('GIVEN a name too long for SQS WHEN FIFO THEN the base is shortened so that "-dlq.fifo" still fits 80', () => {
    const names = queueNames(ENV, { name: 'x'.repeat(63), fifo: true });
    expect(names.dlq.length).toBeLessThanOrEqual(80);
    expect(names.dlq).toBe(names.queue.replace(/\.fifo$/, '-dlq.fifo'));
    // a standard queue of the same name keeps its name: FIFO reserves more only for FIFO queues
    expect(queueNames(ENV, { name: 'x'.repeat(63) }).queue).not.toBe(names.queue.replace(/\.fifo$/, ''));
    expect(QUEUES.names[0]!.ruleOf!({ name: 'x', fifo: true } as never)).toMatchObject({ max: 80, reserve: '-dlq.fifo' });
  });

  it('GIVEN a FIFO queue\'s policy WHEN principals try it THEN only the tenant\'s roles and its FIFO topic get in', () => {
    const policy = policyOf(render());
    const queue = 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-fulfilment.fifo';
    const tls = { 'aws:SecureTransport': 'true' };
    expect(admits(policy, ROLE, 'sqs:ReceiveMessage', queue, tls)).toBe(true);
    expect(admits(policy, 'sns.amazonaws.com', 'sqs:SendMessage', queue, { ...tls, 'aws:SourceArn': TOPIC })).toBe(true);
    // the standard topic of the same name, another tenant's topic, another role, another action
    expect(admits(policy, 'sns.amazonaws.com', 'sqs:SendMessage', queue, { ...tls, 'aws:SourceArn': TOPIC.replace(/\.fifo$/, '') })).toBe(false);
    expect(admits(policy, 'sns.amazonaws.com', 'sqs:SendMessage', queue, { ...tls, 'aws:SourceArn': 'arn:aws:sns:eu-west-2:123456789012:stage-billing-orders.fifo' })).toBe(false);
    expect(admits(policy, 'arn:aws:iam::123456789012:role/stage-billing-sa-api', 'sqs:ReceiveMessage', queue, tls)).toBe(false);
    expect(admits(policy, 'sns.amazonaws.com', 'sqs:ReceiveMessage', queue, { ...tls, 'aws:SourceArn': TOPIC })).toBe(false);
    expect(admits(policy, ROLE, 'sqs:ReceiveMessage', queue, { 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('GIVEN the descriptor WHEN a FIFO queue is granted THEN the workload ARNs are the .fifo queue and dead-letter queue', () => {
    expect(QUEUES.workloadArns(ENV, { name: 'fulfilment', fifo: true } as never)).toEqual([
      'arn:aws:sqs:eu-west-2:123456789012:stage-shop-fulfilment.fifo', 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-fulfilment-dlq.fifo',
    ]);
    expect(QUEUES.checks!({ name: 'q', fifo: false, contentBasedDeduplication: true, subscribeTo: [] } as never).map((p) => p.message)).toEqual([
      'found true on a standard queue; allowed: true only with fifo: true (SQS deduplicates FIFO queues only)',
    ]);
  });
});
