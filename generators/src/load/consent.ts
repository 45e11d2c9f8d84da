import type { Tenant } from '@platform/schemas';
import type { Loaded } from '../model.js';

/**
 * One side of an agreement that needs two tenant files (a cross-tenant SNS subscription, a network allowance):
 * the file that says it, where, and the key both sides spell the same way (e.g. `caller>target`).
 */
export interface Claim<T> {
  readonly tenant: Loaded<Tenant>;
  readonly at: (string | number)[];
  readonly key: string;
  readonly item: T;
}

/**
 * Matches the claims of both sides of an agreement by key. A claim without its counterpart on the other side is one
 * team deciding for another; the rules report it against the file that says it, naming the file that does not.
 */
export function oneSided<A, B>(asks: readonly Claim<A>[], answers: readonly Claim<B>[]): { readonly asks: Claim<A>[]; readonly answers: Claim<B>[]; readonly agreed: Claim<B>[] } {
  const askKeys = new Set(asks.map((c) => c.key));
  const answerKeys = new Set(answers.map((c) => c.key));
  return {
    asks: asks.filter((c) => !answerKeys.has(c.key)),
    answers: answers.filter((c) => !askKeys.has(c.key)),
    agreed: answers.filter((c) => askKeys.has(c.key)),
  };
}
