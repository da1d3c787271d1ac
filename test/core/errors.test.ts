import { describe, expect, it } from 'vitest';
import { ScoringError, asAnswer, djg6, safeScore, score } from '../../src/index.js';

describe('errors are values with stable codes', () => {
  it('unknown items are unknown_item, including __proto__, constructor and prototype', () => {
    for (const json of ['{"__proto__": "yes"}', '{"constructor": "yes"}', '{"prototype": "ja"}', '{"emptyness": "yes"}', '{"toString": 1}']) {
      const outcome = safeScore(djg6, JSON.parse(json));
      expect(outcome.success).toBe(false);
      if (!outcome.success) expect(outcome.error.code).toBe('unknown_item');
    }
    expect(Object.prototype).not.toHaveProperty('emptiness');
  });

  it('issue 8 #8: answers inheriting from another object are invalid_answers, never read as missing', () => {
    const inherited = Object.create({ emptiness: 'yes' }) as Record<string, unknown>;
    expect(safeScore(djg6, inherited)).toMatchObject({ success: false, error: { code: 'invalid_answers' } });
  });

  it('wrong types are invalid_type: booleans, objects, arrays, functions, symbols, bigints', () => {
    const hostile = { toString: [], valueOf: null, [Symbol.toPrimitive]: 1 };
    for (const value of [true, {}, [], () => 'yes', Symbol('yes'), 3n, hostile, Object.create(null)]) {
      const outcome = safeScore(djg6, { rejected: value });
      expect(outcome.success).toBe(false);
      if (!outcome.success) {
        expect(outcome.error.code).toBe('invalid_type');
        expect(outcome.error.item).toBe('rejected');
        expect(outcome.error.value).toBe(value);
      }
    }
  });

  it('answers that are not an object are invalid_answers', () => {
    for (const answers of [null, undefined, 'yes', 42, ['yes']]) {
      const outcome = safeScore(djg6, answers);
      expect(outcome.success).toBe(false);
      if (!outcome.success) expect(outcome.error.code).toBe('invalid_answers');
    }
  });

  it('score throws the same ScoringError safeScore returns', () => {
    const outcome = safeScore(djg6, { emptiness: 'perhaps' });
    expect(outcome.success).toBe(false);
    let thrown: unknown;
    try {
      score(djg6, { emptiness: asAnswer('perhaps') });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScoringError);
    expect(thrown).toBeInstanceOf(Error);
    if (!outcome.success) {
      expect((thrown as ScoringError).code).toBe(outcome.error.code);
      expect((thrown as ScoringError).message).toBe(outcome.error.message);
    }
    expect((thrown as ScoringError).name).toBe('ScoringError');
    expect((thrown as ScoringError).message).toMatch(/emptiness.*perhaps/);
  });

  it('scale definitions are frozen throughout', () => {
    expect(Object.isFrozen(djg6)).toBe(true);
    expect(Object.isFrozen(djg6.items[0])).toBe(true);
    expect(Object.isFrozen(djg6.items[0]?.text)).toBe(true);
    expect(Object.isFrozen(djg6.categories.total.conventions[0]?.bands[0])).toBe(true);
  });
});
