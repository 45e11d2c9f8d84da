import { describe, expect, it } from 'vitest';
import { filterPolicyProblems, queueSubscription, subscribeToProblems } from '../../src/tenant-aws/sns-filter-policy.js';

const messages = (policy: unknown, scope: 'MessageAttributes' | 'MessageBody' = 'MessageAttributes') => filterPolicyProblems(policy, scope).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('filterPolicyProblems', () => {
  it('GIVEN policies SNS documents WHEN checked THEN there is no problem', () => {
    expect(messages({ eventType: ['order.placed', { prefix: 'order.' }], amount: [{ numeric: ['>', 0, '<=', 100] }], region: [{ 'anything-but': ['eu-west-1'] }] })).toEqual([]);
    expect(messages({ store: [{ exists: true }], ip: [{ cidr: '10.0.0.0/24' }], name: [{ 'equals-ignore-case': 'x' }], flag: [true, null] })).toEqual([]);
    expect(messages({ order: { total: [{ numeric: ['>=', 10] }], lines: { sku: ['a', 'b'] } } }, 'MessageBody')).toEqual([]);
    expect(messages({ $or: [{ a: ['x'] }, { b: ['y'] }] })).toEqual([]);
  });

  it('GIVEN a shape SNS rejects WHEN checked THEN each problem names its path, what was found and what is allowed', () => {
    expect(messages([])).toEqual([': found []; allowed: an object of at least one key whose values are arrays of accepted values']);
    expect(messages({ eventType: 'order.placed' })).toEqual(['eventType: found "order.placed"; allowed: an array of accepted values (nested objects need filterPolicyScope: MessageBody)']);
    expect(messages({ order: { total: [1] } })).toEqual(['order: found {"total":[1]}; allowed: an array of accepted values (nested objects need filterPolicyScope: MessageBody)']);
    expect(messages({ a: [] })).toEqual(['a: found an empty array; allowed: at least one accepted value']);
    expect(messages({ a: [{ numeric: ['>', 'x'] }] })).toEqual(['a.0.numeric: found [">","x"]; allowed: comparisons and numbers within ±1000000000, e.g. ["=", 5] or [">", 0, "<=", 100]']);
    expect(messages({ a: [{ regex: 'x' }] })).toEqual(['a.0: found {"regex":"x"}; allowed: a string, number, boolean, null or one operator object (prefix, suffix, anything-but, numeric, exists, equals-ignore-case, cidr)']);
    expect(messages({ $or: [{ a: ['x'] }] })).toEqual(['$or: found [{"a":["x"]}]; allowed: an array of at least two filter policy objects']);
    expect(messages({ a: { b: { c: { d: { e: { f: ['x'] } } } } } }, 'MessageBody')).toEqual(['a.b.c.d.e: found an object nested 6 levels deep; allowed: at most 5 levels']);
  });

  it('GIVEN more keys or combinations than SNS allows WHEN checked THEN the limit is reported with the count', () => {
    expect(messages({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] })).toEqual([': found 6 keys in one alternative; allowed: at most 5 (SNS\'s limit on a filter policy)']);
    // 10 × 4 × 4 = 160 combinations
    const ten = Array.from({ length: 10 }, (_, i) => `v${i}`);
    expect(messages({ a: ten, b: ['1', '2', '3', '4'], c: ['1', '2', '3', '4'] })).toEqual([
      ': found 160 value combinations; allowed: at most 150 (SNS multiplies the lengths of the value arrays, and adds up the $or alternatives)',
    ]);
    // 10 × 3 × 5 = 150 is the limit itself
    expect(messages({ a: ten, b: ['1', '2', '3'], c: ['1', '2', '3', '4', '5'] })).toEqual([]);
    // $or adds its alternatives: 100 + 100
    const hundred = Array.from({ length: 100 }, (_, i) => `v${i}`);
    expect(messages({ $or: [{ a: hundred }, { b: hundred }] })).toEqual([
      ': found 200 value combinations; allowed: at most 150 (SNS multiplies the lengths of the value arrays, and adds up the $or alternatives)',
    ]);
  });
});

describe('subscribeToProblems', () => {
  it('GIVEN the string and object forms WHEN read THEN both name the topic, the object with its filter', () => {
    expect(queueSubscription('shop/events')).toEqual({ topic: 'shop/events', filterPolicyScope: 'MessageAttributes' });
    expect(queueSubscription({ topic: 'shop/events', filterPolicy: { a: ['x'] }, filterPolicyScope: 'MessageBody' })).toEqual({ topic: 'shop/events', filterPolicy: { a: ['x'] }, filterPolicyScope: 'MessageBody' });
  });

  it('GIVEN a topic twice and a bad filter WHEN checked THEN the problems sit at the entry and inside its filterPolicy', () => {
    const problems = subscribeToProblems(['shop/events', { topic: 'shop/events', filterPolicy: { a: 'x' }, filterPolicyScope: 'MessageAttributes' }]);
    expect(problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '1: topic "shop/events" is subscribed twice; allowed: each topic once (SNS keeps one subscription per topic and queue)',
      '1.filterPolicy.a: found "x"; allowed: an array of accepted values (nested objects need filterPolicyScope: MessageBody)',
    ]);
  });
});
