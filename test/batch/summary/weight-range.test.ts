import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { createBatchScorer, createSummary, renderSummaryMarkdown, renderSummaryText } from '../../../src/batch/index.js';
import { generateRows } from '../../helpers/dataset.js';

/** Summarises rows of lone3..lone10 codes, each with a weight in column w. */
function summarise(rows: readonly (readonly [string, readonly string[]])[]) {
  const summary = createSummary(djg6, { coding: 'manual' }, 'w');
  const scorer = createBatchScorer('csv', { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' }, output: null, weightColumn: 'w', onRow: summary.add }, () => undefined);
  const csv = `w,lone3,lone4,lone7,lone8,lone9,lone10\n${rows.map(([weight, codes]) => `${weight},${codes.join(',')}`).join('\n')}\n`;
  scorer.push(new TextEncoder().encode(csv));
  scorer.end();
  return summary.finish();
}

const djg6Numbers = [3, 4, 7, 8, 9, 10];
const rows = generateRows(400, 'manual', 23, 0).map((row, index) => [String(1 + (index % 7)), djg6Numbers.map((n) => row.cells[n - 1] ?? '')] as const);
const weighted = (summary: ReturnType<typeof summarise>) => summary.categories.map((category) => [category.weightedProportion, category.weightedInterval]);

describe('weighted prevalence over the whole range of weights', () => {
  it('issue 8 (minor): weights near the largest number (1e308) give shares and intervals, not NaN%', () => {
    // lone3, lone4, lone7, lone8, lone9, lone10: emotional items answered yes, social ones no → 6 points.
    const lonely = ['3', '1', '1', '1', '3', '3'];
    const notLonely = ['1', '3', '3', '3', '1', '1'];
    const summary = summarise([
      ['1e308', lonely],
      ['1e308', lonely],
      ['1e308', notLonely],
    ]);
    const severe = summary.categories.find((category) => category.band.id === 'severely_lonely');
    expect(severe?.weightedProportion).toBeCloseTo(2 / 3, 12);
    expect(severe?.weightedInterval).not.toBeNull();
    expect(summary.weights?.effectiveN).toBeCloseTo(3, 12);
    for (const text of [renderSummaryText(summary, 'en'), renderSummaryMarkdown(summary, 'en')]) expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('shares, intervals and effective n do not depend on the unit of the weights (1e-300 … 1e300)', () => {
    const reference = summarise(rows);
    for (const unit of [1e-300, 1e-150, 1e150, 1e300]) {
      const scaled = summarise(rows.map(([weight, codes]) => [String(Number(weight) * unit), codes] as const));
      expect(scaled.weights?.effectiveN).toBeCloseTo(reference.weights?.effectiveN ?? Number.NaN, 9);
      const [expected, actual] = [weighted(reference).flat(), weighted(scaled).flat()];
      expect(JSON.stringify(actual, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(10)) : value))).toBe(
        JSON.stringify(expected, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(10)) : value)),
      );
    }
  });
});
