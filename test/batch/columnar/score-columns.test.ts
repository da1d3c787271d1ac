import { describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../../src/index.js';
import { scoreColumns } from '../../../src/batch/index.js';

const byNumber = { scoring: { coding: 'manual' as const }, columns: { by: 'number' as const, pattern: 'lone{n}' } };

describe('columnar scoring', () => {
  it('scores the SEED worked example from typed arrays: total 4, emotional 3, social 1 (SEED; MANUAL)', () => {
    const data = { lone3: Int8Array.of(3), lone4: Int8Array.of(3), lone7: Int8Array.of(3), lone8: Int8Array.of(2), lone9: Int8Array.of(3), lone10: Int8Array.of(3) };
    const scores = scoreColumns(djg6, data, byNumber);
    expect([scores.total[0], scores.emotional[0], scores.social[0], scores.category[0]]).toEqual([4, 3, 1, 1]);
  });

  it('reads Arrow-style columns with a validity test: a null is a missing answer (MANUAL §4: one missing item tolerated)', () => {
    const arrow = (values: number[], nulls: number[] = []) => ({
      length: values.length,
      nullCount: nulls.length,
      toArray: () => Int16Array.from(values),
      isValid: (index: number) => !nulls.includes(index),
    });
    const data = { lone3: arrow([3, 3], [1]), lone4: arrow([1, 1]), lone7: arrow([1, 1]), lone8: arrow([1, 1], [1]), lone9: arrow([3, 3]), lone10: arrow([3, 3]) };
    const scores = scoreColumns(djg6, data, byNumber);
    expect(Array.from(scores.total)).toEqual([6, -1]);
    expect(Array.from(scores.missingItems)).toEqual([0, 2]);
  });

  it('a code outside the coding makes that respondent invalid with the core’s error; others are scored', () => {
    const data = { lone3: [3, 7], lone4: [1, 1], lone7: [1, 1], lone8: [1, 1], lone9: [3, 3], lone10: [3, 3] };
    const scores = scoreColumns(djg6, data, byNumber);
    expect(scores.total[0]).toBe(6);
    expect(scores.total[1]).toBe(-1);
    expect(scores.invalid.get(1)?.code).toBe('unknown_code');
  });

  it('a missing column is a ScoringError naming the item and the column', () => {
    expect(() => scoreColumns(djg6, { lone3: [1] }, byNumber)).toThrow(ScoringError);
    try {
      scoreColumns(djg6, { lone3: [1] }, byNumber);
    } catch (error) {
      expect((error as ScoringError).code).toBe('missing_column');
      expect((error as ScoringError).message).toContain('lone4');
    }
  });
});
