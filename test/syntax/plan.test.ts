import { describe, expect, it } from 'vitest';
import { type Coding, ScoringError, defineCoding, djg11, djg6 } from '../../src/index.js';
import { scoringPlan, toR, toSpss, toSql } from '../../src/syntax/index.js';
import { sqlIdentifier } from '../../src/syntax/sql.js';

const lone = { by: 'number', pattern: 'lone{n}' } as const;

function errorOf(run: () => unknown): ScoringError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  return undefined;
}

describe('scoring plan: the library rules the generated code applies', () => {
  it('item points (MANUAL §3): the neutral code scores 1 on every item; agreeing on negatively, disagreeing on positively worded items', () => {
    const plan = scoringPlan(djg6, { coding: 'manual', columns: lone });
    const byKey = Object.fromEntries(plan.items.map((item) => [item.item.key, item.points]));
    expect(byKey.emptiness).toEqual([{ points: 1, codes: [2, 3] }, { points: 0, codes: [1] }]);
    expect(byKey.leanOn).toEqual([{ points: 1, codes: [1, 2] }, { points: 0, codes: [3] }]);
    const five = scoringPlan(djg6, { coding: 'rivm5' });
    expect(five.items[0]?.points[0]).toEqual({ points: 1, codes: [1, 2, 3] });
    expect(five.items[1]?.points[0]).toEqual({ points: 1, codes: [3, 4, 5] });
    expect(five.items.map((item) => item.notOfferedCodes)).toEqual(five.items.map(() => []));
  });

  it('missing rules come from the library: 6-item total tolerates one missing item, subscales none (MANUAL); 11-item none by default', () => {
    expect(scoringPlan(djg6, { coding: 'manual' }).scores.map((score) => score.tolerated)).toEqual([1, 0, 0]);
    expect(scoringPlan(djg11, { coding: 'manual' }).scores.map((score) => score.tolerated)).toEqual([0, 0, 0]);
    expect(scoringPlan(djg11, { coding: 'manual', missing: { total: 2 } }).scores.map((score) => score.tolerated)).toEqual([2, 0, 0]);
  });

  it('categories: the scale defaults (6-item MANUAL bands for total and subscales; 11-item total only), others by name', () => {
    expect(scoringPlan(djg6, { coding: 'manual' }).categories.map((category) => category.output)).toEqual(['category', 'emotional_category', 'social_category']);
    expect(scoringPlan(djg11, { coding: 'manual' }).categories.map((category) => category.convention.name)).toEqual(['van-tilburg-1999']);
    expect(scoringPlan(djg11, { coding: 'manual', categories: { subscale: 'ggd-3' } }).categories).toHaveLength(3);
    expect(scoringPlan(djg6, { coding: 'manual', categories: { subscale: null } }).categories).toHaveLength(1);
  });

  it('output names default to total, emotional, social, category, …; an undefined name keeps its default', () => {
    const plan = scoringPlan(djg6, { coding: 'manual', names: { total: undefined, social: 'sociaal' } });
    expect(plan.scores.map((score) => score.output)).toEqual(['total', 'emotional', 'sociaal']);
    expect(plan.invalidItems).toBe('invalid_items');
  });

  it('a custom coding keeps its missing codes and whether negative codes are answers', () => {
    const coding = defineCoding({ name: 'signed', codes: { [-1]: 'nee', 0: 'min of meer', 1: 'ja' }, missingCodes: [9], negativeCodesMissing: false });
    const plan = scoringPlan(djg6, { coding });
    expect(plan.answerCodes).toEqual([-1, 0, 1]);
    expect(plan.missingCodes).toEqual([9]);
    expect(toSql(djg6, { coding })).not.toMatch(/< 0/);
    expect(toSpss(djg6, { coding })).toMatch(/ELSE IF ANY\(VALUE\(emptiness\), 9\)\./);
  });

  it.each([
    ['no coding (codes are never guessed, reference §2)', () => scoringPlan(djg6, {} as never), 'coding_required'],
    ['an unknown coding preset', () => scoringPlan(djg6, { coding: 'lasa' as never }), 'invalid_option'],
    ['an unknown category convention', () => scoringPlan(djg6, { coding: 'manual', categories: { total: 'ggd' as never } }), 'invalid_option'],
    ['a tolerance beyond the scale', () => scoringPlan(djg6, { coding: 'manual', missing: { total: 7 } }), 'invalid_option'],
    ['an item without a column', () => scoringPlan(djg6, { coding: 'manual', columns: { by: 'map', map: { emptiness: 'q1' } } }), 'missing_column'],
    ['two items in one column', () => scoringPlan(djg6, { coding: 'manual', columns: { by: 'order', order: 'cbs', columns: ['a', 'a', 'b', 'c', 'd', 'e'] } }), 'duplicate_column'],
    ['an output name that is an item column', () => scoringPlan(djg6, { coding: 'manual', columns: lone, names: { total: 'lone3' } }), 'invalid_option'],
    ['two outputs with one name', () => scoringPlan(djg6, { coding: 'manual', names: { emotional: 'score', social: 'SCORE' } }), 'invalid_option'],
    ['an empty output name', () => scoringPlan(djg6, { coding: 'manual', names: { category: ' ' } }), 'invalid_option'],
    ['a column SPSS cannot name', () => toSpss(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'item {n}' } }), 'invalid_option'],
  ])('refuses %s with a ScoringError', (_name, run, code) => {
    expect(errorOf(run)?.code).toBe(code);
  });
});

describe('names in the generated code', () => {
  it('SQL writes plain words bare and quotes everything else, reserved words included', () => {
    expect(sqlIdentifier('lone3')).toBe('lone3');
    expect(sqlIdentifier('Q 3')).toBe('"Q 3"');
    expect(sqlIdentifier('order')).toBe('"order"');
    expect(sqlIdentifier('say "hi"')).toBe('"say ""hi"""');
  });

  it('R reads any column name as a string, escaped', () => {
    const code = toR(djg6, { coding: 'manual', columns: { by: 'map', map: { emptiness: 'Q "3"', leanOn: 'b\\c', trust: 'c', closeTo: 'd', missPeople: 'e', rejected: 'f' } } });
    expect(code).toContain('read_item("Q \\"3\\"", ');
    expect(code).toContain('read_item("b\\\\c", ');
  });

  it('comments never break a line: a coding name with a line break is refused before any code is generated (issue 8 #11)', () => {
    expect(() => defineCoding({ name: 'two\nlines', codes: { 1: 'no', 2: 'yes' } })).toThrow(expect.objectContaining({ code: 'invalid_coding' }));
    const raw = { name: 'two\nlines', codes: { 1: 'no', 2: 'yes' }, missingCodes: [], negativeCodesMissing: true } as unknown as Coding;
    for (const generate of [toSpss, toR, toSql]) expect(() => generate(djg6, { coding: raw })).toThrow(expect.objectContaining({ code: 'invalid_coding' }));
  });
});
