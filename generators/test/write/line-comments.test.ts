import { describe, expect, it } from 'vitest';
import { emitWithLineComments } from '../../src/write/line-comments.js';

describe('emitWithLineComments', () => {
  it('GIVEN the line-comments annotation WHEN emitted THEN the annotation is gone and the matching lines carry the comment', () => {
    const yaml = emitWithLineComments({
      kind: 'Deployment',
      metadata: { name: 'a', annotations: { keep: 'yes', 'platform.example.com/line-comments': JSON.stringify({ 'r/a:1.0.0': 'marker' }) } },
      spec: { image: 'r/a:1.0.0', other: 'r/a:1.0.0x', list: ['r/a:1.0.0'] },
    });
    expect(yaml).toBe(`kind: Deployment
metadata:
  name: a
  annotations:
    keep: "yes"
spec:
  image: r/a:1.0.0 # marker
  other: r/a:1.0.0x
  list:
    - r/a:1.0.0 # marker
`);
  });

  it('GIVEN the annotation is the only one WHEN emitted THEN no empty annotations map is left', () => {
    const yaml = emitWithLineComments({ metadata: { name: 'a', annotations: { 'platform.example.com/line-comments': '{"v":"c"}' } }, data: 'v' });
    expect(yaml).toBe('metadata:\n  name: a\ndata: v # c\n');
  });

  it('GIVEN no annotation WHEN emitted THEN the output is plain YAML', () => {
    expect(emitWithLineComments({ a: 'b' })).toBe('a: b\n');
  });
});
