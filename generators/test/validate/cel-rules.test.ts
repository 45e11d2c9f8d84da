import { beforeAll, describe, expect, test } from 'vitest';
import type { CelStats } from '../../src/validate/cel-rules.js';
import { compileExpression, evaluateRules, newCelStats, toCel } from '../../src/validate/cel-rules.js';
import type { Problem } from '../../src/validate/problem.js';
import type { JSONSchemaProps, ValidationRule } from '../../src/validate/structural-schema.js';
import { compileSchema } from '../../src/validate/structural-schema.js';
import { HAS_REAL_CRDS, REAL_CRDS_NOTE, realCrds } from './real-crds.js';

function run(schema: JSONSchemaProps, value: unknown, path = 'spec'): { problems: Problem[]; stats: CelStats } {
  const problems: Problem[] = [];
  const stats = newCelStats();
  evaluateRules(compileSchema(schema), value, path, problems, stats);
  return { problems, stats };
}

const withRules = (rules: ValidationRule[], extra: Partial<JSONSchemaProps> = {}): JSONSchemaProps => ({
  type: 'object',
  properties: { a: { type: 'string' }, b: { type: 'string' }, n: { type: 'integer' }, r: { type: 'number' } },
  'x-kubernetes-validations': rules,
  ...extra,
});

describe('evaluateRules', () => {
  test('a rule that holds adds nothing and counts as evaluated', () => {
    const { problems, stats } = run(withRules([{ rule: 'has(self.a) != has(self.b)' }]), { a: 'x' });
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ evaluated: 1, notEvaluated: 0 });
  });

  test('a rule that evaluates to false is a problem with the rule message', () => {
    // GIVEN the Crossplane-style mutual-exclusion rule
    const schema = withRules([{ rule: 'has(self.a) != has(self.b)', message: 'exactly one of a and b must be set' }]);
    // WHEN both are set
    const { problems } = run(schema, { a: 'x', b: 'y' });
    // THEN the message is reported at the node
    expect(problems).toEqual([{ path: 'spec', message: 'Invalid value: "object": exactly one of a and b must be set' }]);
  });

  test('without a message the rule itself is quoted; fieldPath and reason shape the problem', () => {
    const { problems } = run(
      withRules([
        { rule: 'self.n > 0' },
        { rule: "self.a != 'root'", message: 'a must not be root', fieldPath: '.a', reason: 'FieldValueForbidden' },
      ]),
      { n: 0, a: 'root' },
    );
    expect(problems).toEqual([
      { path: 'spec', message: 'Invalid value: "object": failed rule: self.n > 0' },
      { path: 'spec.a', message: 'Forbidden: a must not be root' },
    ]);
  });

  test('messageExpression is used when it evaluates to a string', () => {
    const { problems } = run(withRules([{ rule: 'self.n <= 3', message: 'too many', messageExpression: "'n is ' + string(self.n) + ', at most 3'" }]), { n: 5 });
    expect(problems).toEqual([{ path: 'spec', message: 'Invalid value: "object": n is 5, at most 3' }]);
  });

  test('integers are bound as int and numbers as double, so arithmetic type-checks as in Kubernetes', () => {
    const { problems, stats } = run(withRules([{ rule: 'self.n + 1 == 3 && self.r > 0.5' }]), { n: 2, r: 1 });
    expect(problems).toEqual([]);
    expect(stats.evaluated).toBe(1);
  });

  test('a rule using a function the evaluator lacks is counted as not evaluated, never as a pass or failure', () => {
    // GIVEN a rule using the Kubernetes `format` string function, which is not provided
    const schema: JSONSchemaProps = { type: 'string', 'x-kubernetes-validations': [{ rule: "self.format([]) == 'x'", message: 'never' }] };
    // WHEN it is evaluated
    const { problems, stats } = run(schema, 'y', 'spec.label');
    // THEN no problem is reported and it is counted, with the reason
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ evaluated: 0, notEvaluated: 1 });
    expect(stats.unsupported.get("self.format([]) == 'x'")).toMatch(/format/);
  });

  test('transition rules (oldSelf) are skipped: there is no old object', () => {
    const { problems, stats } = run({ type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'immutable' }] }, 'a');
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ evaluated: 0, notEvaluated: 0, transitionRules: 1 });
  });

  test('a runtime error is reported the way the API server reports it', () => {
    const { problems } = run(withRules([{ rule: "self.a == 'x'" }]), {});
    expect(problems).toEqual([{ path: 'spec', message: `Invalid value: "object": No such key: a evaluating rule: self.a == 'x'` }]);
  });

  test('Kubernetes library functions work in rules (quantity, isURL, cidr)', () => {
    const schema = withRules([
      { rule: "quantity(self.a).isLessThan(quantity('1Gi'))", message: 'a below 1Gi' },
      { rule: 'isURL(self.b)', message: 'b is a URL' },
    ]);
    expect(run(schema, { a: '512Mi', b: 'https://example.com' }).problems).toEqual([]);
    expect(run(schema, { a: '2Gi', b: 'not a url' }).problems.map((p) => p.message)).toEqual([
      'Invalid value: "object": a below 1Gi',
      'Invalid value: "object": b is a URL',
    ]);
  });
});

describe('compileExpression', () => {
  test('caches by expression text', () => {
    expect(compileExpression('self.x > 1')).toBe(compileExpression('self.x > 1'));
  });

  test('a syntax error is a compile error, not an exception', () => {
    expect(compileExpression('self.x >')).toMatchObject({ error: expect.any(String) });
  });
});

describe('toCel', () => {
  test('converts integers to bigint by schema and leaves doubles alone', () => {
    const node = compileSchema({ type: 'object', properties: { i: { type: 'integer' }, d: { type: 'number' } } });
    expect(toCel({ i: 2, d: 2, other: [1, 1.5] }, node)).toEqual({ i: 2n, d: 2, other: [1n, 1.5] });
  });
});

describe.skipIf(!HAS_REAL_CRDS)(`coverage of the real CRDs' rules${REAL_CRDS_NOTE}`, () => {
  beforeAll(() => void realCrds().servedCount, 60_000);

  test('every served rule compiles, or is a transition rule', () => {
    // GIVEN every x-kubernetes-validations rule of every served version
    const rules = new Set<string>();
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        for (const r of (n as JSONSchemaProps)['x-kubernetes-validations'] ?? []) rules.add(r.rule);
        Object.values(n).forEach(walk);
      }
    };
    for (const v of realCrds().servedVersions()) walk(v.schema);
    // WHEN each is compiled
    const failed = [...rules].filter((r) => 'error' in compileExpression(r));
    // THEN none fails
    expect(rules.size).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  });
});

describe('escapeFieldName', () => {
  test('escapes field names the way Kubernetes CEL does', async () => {
    const { escapeFieldName } = await import('../../src/validate/cel-rules.js');
    expect(escapeFieldName('namespace')).toBe('__namespace__');
    expect(escapeFieldName('in')).toBe('__in__');
    expect(escapeFieldName('cidrBlock')).toBe('cidrBlock');
    expect(escapeFieldName('a.b-c/d__e')).toBe('a__dot__b__dash__c__slash__d__underscores__e');
  });
});
