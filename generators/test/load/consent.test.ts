import { describe, expect, it } from 'vitest';
import type { Tenant } from '@platform/schemas';
import { type Claim, oneSided } from '../../src/load/consent.js';
import type { Loaded } from '../../src/model.js';

const t = { spec: { name: 't' } } as unknown as Loaded<Tenant>;
const claim = (key: string, item: string): Claim<string> => ({ tenant: t, at: ['x'], key, item });

describe('oneSided', () => {
  it('GIVEN claims on both sides WHEN matched by key THEN each side lists what the other lacks, and the agreed answers', () => {
    const found = oneSided([claim('a>b', 'ask-ab'), claim('a>c', 'ask-ac')], [claim('a>b', 'answer-ab'), claim('d>a', 'answer-da')]);
    expect(found.asks.map((c) => c.item)).toEqual(['ask-ac']);
    expect(found.answers.map((c) => c.item)).toEqual(['answer-da']);
    expect(found.agreed.map((c) => c.item)).toEqual(['answer-ab']);
  });

  it('GIVEN no claims WHEN matched THEN nothing is one-sided', () => {
    expect(oneSided([], [])).toEqual({ asks: [], answers: [], agreed: [] });
  });
});
