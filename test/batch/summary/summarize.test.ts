import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { categoryChartSvg, createBatchScorer, createSummary, renderSummaryMarkdown, renderSummaryText, wilsonInterval } from '../../../src/batch/internal.js';
import { generateRows, toCsv } from '../../helpers/dataset.js';

function summarise(csv: string, weightColumn?: string) {
  const summary = createSummary(djg6, { coding: 'manual' }, weightColumn);
  const scorer = createBatchScorer('csv', { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' }, output: null, weightColumn, onRow: summary.add }, () => undefined);
  scorer.push(new TextEncoder().encode(csv));
  scorer.end();
  return summary.finish();
}

describe('Wilson score interval (Wilson 1927)', () => {
  it('matches the published examples of Newcombe (1998), method 3: 81/263 → 0.2553–0.3662, 0/20 → 0–0.1611', () => {
    const interval = wilsonInterval(81, 263);
    expect(interval?.lower).toBeCloseTo(0.2553, 4);
    expect(interval?.upper).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 20)?.upper).toBeCloseTo(0.1611, 4);
  });

  it('stays within 0–1 at the extremes and is null without observations', () => {
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    expect(wilsonInterval(10, 10)?.upper).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('batch summary', () => {
  const csv = toCsv(generateRows(3000, 'manual', 11, 0.1));
  const summary = summarise(csv);

  it('reconciles: read = scored + not scored, and category counts add up to scored', () => {
    expect(summary.read).toBe(3000);
    expect(summary.scored + summary.notScored).toBe(summary.read);
    expect(summary.categories.reduce((sum, category) => sum + category.count, 0)).toBe(summary.scored);
    expect(summary.missing.total).toBe(summary.notScored);
  });

  it('KR-20 equals Cronbach’s alpha computed from item and total variances (Kuder & Richardson 1937)', () => {
    const rows = [
      [1, 1, 1, 0, 1, 1],
      [0, 0, 0, 0, 0, 1],
      [1, 1, 0, 1, 1, 1],
      [0, 1, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 0],
      [0, 0, 1, 0, 0, 0],
    ];
    // Points to codes: emotional items (emptiness, missPeople, rejected) 1 → yes(3); social items 1 → no(1).
    const emotional = [true, false, false, false, true, true];
    const header = 'lone3,lone4,lone7,lone8,lone9,lone10';
    const body = rows.map((row) => row.map((point, index) => (emotional[index] ? (point ? 3 : 1) : point ? 1 : 3)).join(',')).join('\n');
    const result = summarise(`${header}\n${body}\n`);
    const k = 6;
    const n = rows.length;
    const variance = (values: number[]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    };
    const itemVariances = Array.from({ length: k }, (_, item) => variance(rows.map((row) => row[item] as number)));
    const totals = rows.map((row) => row.reduce((a, b) => a + b, 0));
    const alpha = (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / variance(totals));
    expect(result.reliability.total.n).toBe(n);
    expect(result.reliability.total.kr20).toBeCloseTo(alpha, 10);
  });

  it('weighted prevalence: weights of 2 on one category shift its share; effective n is Kish’s', () => {
    const lonely = '3,1,1,1,3,3';
    const notLonely = '1,3,3,3,1,1';
    const weighted = summarise(`w,lone3,lone4,lone7,lone8,lone9,lone10\n2,${lonely}\n1,${notLonely}\n1,${notLonely}\n`, 'w');
    const severe = weighted.categories.find((category) => category.band.id === 'severely_lonely');
    expect(severe?.proportion).toBeCloseTo(1 / 3, 10);
    expect(severe?.weightedProportion).toBeCloseTo(0.5, 10);
    expect(weighted.weights?.effectiveN).toBeCloseTo(16 / 6, 10);
  });

  it('renders a table, Markdown and an SVG chart with one bar and interval per category', () => {
    expect(renderSummaryText(summary, 'nl')).toContain('matig eenzaam');
    expect(renderSummaryMarkdown(summary)).toMatch(/\| moderately lonely \| 2–4 \|/);
    const svg = categoryChartSvg(summary);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg.match(/<path d=/g)).toHaveLength(3);
  });
});
