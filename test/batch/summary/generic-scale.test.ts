import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, defineScale, djg6 } from '../../../src/index.js';
import {
  type BatchSummary,
  type SummaryOptions,
  categoryChartSvg,
  createBatchScorer,
  createSummary,
  indicatorsOf,
  renderSummaryHtml,
  renderSummaryJson,
  renderSummaryMarkdown,
  renderSummaryText,
} from '../../../src/batch/internal.js';
import { threePointJson, threePointReference, threePointStates } from '../../helpers/fixture-scale.js';

/**
 * Issue 9: a summary of an instrument unlike De Jong Gierveld (the fixture: 3 items scored
 * 1/2/3, one reversed, a total only, its own bands), driven by its definition alone.
 */
const fixture: ScaleDefinition = defineScale(threePointJson());
const keys = fixture.items.map((item) => item.key);

/** Every pattern of the fixture's answers and missing answers (4³ = 64), with a group column. */
const patterns: (string | null)[][] = [];
for (const first of threePointStates) for (const second of threePointStates) for (const third of threePointStates) patterns.push([first, second, third]);

function summarize(scale: ScaleDefinition, rows: readonly (readonly (string | null)[])[], options: SummaryOptions = {}, columns: readonly string[] = scale.items.map((item) => item.key)): BatchSummary {
  const accumulator = createSummary(scale, undefined, options);
  const scorer = createBatchScorer('csv', { scale, output: null, ...accumulator.batchOptions, onRow: accumulator.add }, () => undefined);
  const lines = [['group', ...columns].join(','), ...rows.map((row, index) => [index % 2 === 0 ? 'even' : 'odd', ...row.map((cell) => cell ?? '')].join(','))];
  scorer.push(new TextEncoder().encode(`${lines.join('\n')}\n`));
  scorer.end();
  return accumulator.finish();
}

const summary = summarize(fixture, patterns);
const reference = patterns.map((row) => threePointReference(Object.fromEntries(keys.map((key, index) => [key, row[index] ?? null]))));

describe('issue 9: a summary of the fixture instrument agrees with its definition', () => {
  it('counts, missing totals, category prevalence, mean and SD are those of the scores computed from the JSON', () => {
    const totals = reference.flatMap((entry) => (entry.total === null ? [] : [entry.total]));
    expect(summary.read).toBe(patterns.length);
    expect(summary.scored).toBe(totals.length);
    expect(summary.missing.total).toBe(patterns.length - totals.length);
    expect(summary.categories.map((category) => [category.band.id, category.count])).toEqual(
      ['low', 'middle', 'high'].map((id) => [id, reference.filter((entry) => entry.band === id).length]),
    );
    const mean = totals.reduce((sum, value) => sum + value, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (totals.length - 1));
    expect(summary.scores.total.n).toBe(totals.length);
    expect(summary.scores.total.mean).toBeCloseTo(mean, 12);
    expect(summary.scores.total.sd).toBeCloseTo(sd, 12);
  });

  it('reliability of items scored 1–3 is Cronbach’s alpha from item and total variances on the complete cases (not KR-20 of 0/1 answers)', () => {
    const json = threePointJson() as { items: { points: Record<string, number> }[] };
    // Unequal answers, so that the alpha is not 0 or 1 by construction.
    const rows = [
      ['yes', 'yes', 'no'],
      ['yes', 'more or less', 'no'],
      ['no', 'no', 'yes'],
      ['more or less', 'no', 'more or less'],
      ['yes', 'yes', 'more or less'],
      ['no', 'more or less', 'yes'],
      ['no', null, 'yes'],
    ];
    const result = summarize(fixture, rows);
    const complete = rows.filter((row) => row.every((cell) => cell !== null)).map((row) => row.map((cell, item) => (json.items[item] as { points: Record<string, number> }).points[cell as string] as number));
    const variance = (values: number[]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    };
    const k = 3;
    const itemVariances = [0, 1, 2].map((item) => variance(complete.map((row) => row[item] as number)));
    const alpha = (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / variance(complete.map((row) => row.reduce((a, b) => a + b, 0))));
    expect(result.reliability.total.n).toBe(complete.length);
    expect(result.reliability.total.items).toBe(3);
    expect(result.reliability.total.kr20).toBeCloseTo(alpha, 12);
  });

  it('item frequencies count each answer the items offer, the missing ones and an answer not offered (yes!) as invalid', () => {
    const result = summarize(fixture, [['yes', 'no', 'more or less'], ['yes!', 'yes', ''], ['no', 'yes', 'no']].map((row) => row.map((cell) => (cell === '' ? null : cell))));
    const first = result.items?.[0];
    expect(first?.answers.find((answer) => answer.level === 1)?.count).toBe(1);
    expect(first?.answers.find((answer) => answer.level === -1)?.count).toBe(1);
    expect(first?.invalid.count).toBe(1);
    expect(result.items?.[2]?.missing.count).toBe(1);
    expect(result.bad).toBe(1);
  });
});

describe('issue 9: a scale without subscales reports its total only', () => {
  it('the figures have no emotional or social entries, overall and per group (not empty ones, nor zeros)', () => {
    const grouped = summarize(fixture, patterns, { by: 'group', minN: 1 });
    for (const figures of [summary, grouped, ...grouped.groups]) {
      for (const perScore of [figures.missing, figures.scores, figures.reliability]) expect(Object.keys(perScore)).toEqual(['total']);
      expect(Object.keys(figures.subscaleCategories)).toEqual([]);
    }
    // The figures of all rows, summed from the groups, are those read row by row.
    expect([grouped.scores, grouped.reliability, grouped.categories]).toEqual([summary.scores, summary.reliability, summary.categories]);
    expect(Object.keys(summary.method.range)).toEqual(['total']);
    expect(summary.indicators).toEqual([]);
  });

  it('the text, Markdown and HTML reports show no subscale rows or tables, and name the coefficient Cronbach’s alpha', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const report of [renderSummaryText(summary, language), renderSummaryMarkdown(summary, language)]) {
        expect(report).not.toMatch(/emotional|social|emotione|sociaal|subscal|subschaal/i);
        expect(report).not.toContain('KR-20');
        expect(report).toMatch(/Cronbach/);
      }
      const page = renderSummaryHtml(summary, { language });
      expect(page).not.toMatch(/emotional|social\b|emotione|sociaal|subscal|subschaal/i);
      expect(page).not.toContain('undefined');
    }
  });

  it('the HTML method section lists each item’s points and does not describe the De Jong Gierveld 0/1 scoring', () => {
    const page = renderSummaryHtml(summary, { language: 'en' });
    expect(page).toContain('I often feel alone <span class="note">(yes 3, more or less 2, no 1)</span>');
    expect(page).toContain('I feel part of a group of friends <span class="note">(yes 1, more or less 2, no 3)</span>');
    expect(page).not.toContain('scores 0 or 1');
    expect(page).toContain('the total is the sum over the answered items');
    expect(renderSummaryHtml(summary, { language: 'nl' })).toContain('Ik voel me vaak alleen <span class="note">(ja 3, min of meer 2, nee 1)</span>');
    // The DJG report keeps its manual's text.
    expect(renderSummaryHtml(summarize(djg6, [['ja', 'ja', 'ja', 'nee', 'ja', 'ja']]))).toContain('Each item scores 0 or 1.');
  });

  it('the JSON validates against schemas/summary.schema.json, plain and grouped, and carries the items’ points', () => {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv');
    const validate = new Ajv({ allErrors: true }).compile(require('../../../schemas/summary.schema.json'));
    for (const figures of [summary, summarize(fixture, patterns, { by: 'group', minN: 1 })]) {
      const json = JSON.parse(renderSummaryJson(figures));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(json.method.items[2].points).toEqual({ yes: 1, 'more or less': 2, no: 3 });
    }
    expect(categoryChartSvg(summary)).toContain('middle');
  });
});

describe('issue 9: headline indicators follow the scale’s items, not its id', () => {
  const djg6Json = () => JSON.parse(JSON.stringify(djg6)) as { id: string; items: { key: string }[] };

  it('a definition with the De Jong Gierveld items gets their indicators whatever its id', () => {
    const copy = djg6Json();
    copy.id = 'my-djg6';
    expect(indicatorsOf(defineScale(copy)).map((indicator) => indicator.id)).toEqual(indicatorsOf(djg6).map((indicator) => indicator.id));
  });

  it('a definition that calls itself djg6 with other items, or the fixture named djg11, gets none', () => {
    const other = djg6Json();
    other.items = other.items.map((item) => ({ ...item, key: `${item.key}Other` }));
    expect(indicatorsOf(defineScale(other))).toEqual([]);
    const named = threePointJson() as { id: string };
    named.id = 'djg11';
    expect(indicatorsOf(defineScale(named))).toEqual([]);
  });
});
