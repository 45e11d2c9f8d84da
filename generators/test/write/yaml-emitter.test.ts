import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitYaml } from '../../src/write/yaml-emitter.js';

/** Strings that a careless emitter writes plain and a YAML 1.1 or 1.2 parser then reads as something else. */
const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', 'a: b', 'a:', 'a #b', '#x', '- x', '? x',
  '1', '1.0', '0x1F', '010', '1e3', '.5', '.inf', '.NaN', '1:20', '2001-12-14', '12:30:45', '@at', '`tick', '*star',
  '&anchor', '!tag', '|pipe', '>fold', '%dir', '"dq"', "'sq'", '[a]', '{a}', 'a,b', '=', '<<', '---', '...',
  'line1\nline2', 'trailing\n', 'two\n\n', ' leading', 'tab\there', 'trailing ', 'unicode é ✓', 'arn:aws:iam::123:role/x',
  './out/prod/addons', 'ghcr.io/acme/api', 'cpu', '100Mi', 'x'.repeat(2000), 'back\\slash', 'ctl\u0001char',
];

describe('emitYaml', () => {
  it.each(TRICKY)('round-trips %j through YAML 1.2 and 1.1 parsers', (s) => {
    // GIVEN a value in a map and in a list WHEN emitted and parsed back THEN it is the same string
    const doc = { key: s, list: [s, { k: s }], [s.length > 1000 || s === '' ? 'other' : s]: 1 };
    const text = emitYaml(doc);
    expect(parse(text)).toEqual(doc);
    expect(parse(text, { version: '1.1' })).toEqual(doc);
  });

  it('writes a Kubernetes object in block style with readable scalars', () => {
    const text = emitYaml({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'x' } },
      data: { 'policy.json': '{\n  "a": 1\n}\n', empty: '', n: 3, on: true, nothing: null },
      list: [[1, 2], [], {}, { a: 1, b: [{ c: 'd' }] }],
    });
    expect(text).toBe(`apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  labels:
    app.kubernetes.io/name: x
data:
  policy.json: |
    {
      "a": 1
    }
  empty: ""
  "n": 3
  "on": true
  nothing: null
list:
  -
    - 1
    - 2
  - []
  - {}
  - a: 1
    b:
      - c: d
`);
  });

  it('rejects values YAML cannot carry faithfully', () => {
    expect(() => emitYaml({ n: Number.NaN })).toThrow('cannot write the number NaN as YAML');
    expect(() => emitYaml({ f: () => 1 })).toThrow('cannot write a function as YAML');
    expect(() => emitYaml({ ['k'.repeat(1001)]: 1 })).toThrow('map key of 1001 characters');
  });
});
