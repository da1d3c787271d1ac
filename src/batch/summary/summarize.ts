import { type AppliedRules, type CategoryBand, type LocalizedText, type ScaleDefinition, type ScoreOptions, ScoringError } from '../../index.js';
import { type CompiledScale, compileScale } from '../scoring/compile.js';
import type { RowEvent } from '../streams/options.js';
import { DEFAULT_MAX_GROUPS, type GroupBy, type GroupKind, groupOf, readGroupings } from './group-by.js';
import { type IndicatorDefinition, indicatorsOf } from './indicators.js';
import { type Interval, wilsonInterval } from './wilson.js';

/** Mean and standard deviation of a score over the respondents who have it. */
export interface ScoreStatistics {
  /** Respondents with the score. */
  readonly n: number;
  /** Mean, or `null` when `n` is 0. */
  readonly mean: number | null;
  /** Sample standard deviation (n − 1), or `null` when `n` < 2. */
  readonly sd: number | null;
  /** Weighted mean (Σ w·x / Σ w over the respondents with the score and a usable weight), when a weight column is used. */
  readonly weightedMean?: number | null;
}

/** KR-20 of a (sub)scale: Cronbach's alpha for dichotomous items. */
export interface Reliability {
  /** Number of items. */
  readonly items: number;
  /** Respondents with every item of the (sub)scale answered (KR-20 is computed on complete cases). */
  readonly n: number;
  /** KR-20, or `null` when fewer than 2 complete cases or no variance. */
  readonly kr20: number | null;
}

/** A share of respondents with its 95% Wilson interval, unweighted and (with weights) weighted. */
export interface Prevalence {
  /** Respondents counted. */
  readonly count: number;
  /** Share of the respondents with the score, 0–1, or `null` when none has it. */
  readonly proportion: number | null;
  /** 95% Wilson interval of the share. */
  readonly interval: Interval | null;
  /** Weighted share, when a weight column is used. */
  readonly weightedProportion?: number | null;
  /** 95% Wilson interval of the weighted share, on the Kish effective sample size. */
  readonly weightedInterval?: Interval | null;
}

/** One category's prevalence among the respondents with the score. */
export interface CategoryPrevalence extends Prevalence {
  /** The band (id, code, min, max, labels). */
  readonly band: CategoryBand;
}

/** A headline indicator's prevalence among the respondents with the score it reads. */
export interface IndicatorPrevalence extends Prevalence {
  /** The indicator: id, labels, score, range and source. */
  readonly indicator: IndicatorDefinition;
  /** Respondents with the score the indicator reads (the denominator). */
  readonly n: number;
}

/** A count and its share of the rows read (weighted: of the weight of the rows with a usable weight). */
export interface Frequency {
  /** Rows counted. */
  readonly count: number;
  /** Share of the rows read, or `null` when none was read. */
  readonly proportion: number | null;
  /** Weighted share, when a weight column is used. */
  readonly weightedProportion?: number | null;
}

/** How often one answer was given to an item. */
export interface AnswerFrequency extends Frequency {
  /** Agreement level: 2 = `yes!`, 1 = `yes`, 0 = `more or less`, -1 = `no`, -2 = `no!`. */
  readonly level: number;
  /** The answer in Dutch and English. */
  readonly label: LocalizedText;
}

/** The answers given to one item, with the missing and invalid ones: the shares add up to 1. */
export interface ItemFrequencies {
  /** The item's key. */
  readonly key: string;
  /** The item's number in the 11-item scale. */
  readonly number: number;
  /** The item's text in Dutch and English. */
  readonly text: LocalizedText;
  /** Each answer level of the scale's answer formats, from `yes!` to `no!`. */
  readonly answers: readonly AnswerFrequency[];
  /** Rows without an answer to the item. */
  readonly missing: Frequency;
  /** Rows whose answer could not be read, or that were malformed. */
  readonly invalid: Frequency;
}

/** The weights used. */
export interface WeightsUsed {
  /** The weight column. */
  readonly column: string;
  /** Sum of the weights of the scored rows; `Infinity` when it exceeds the largest number (shares and `effectiveN` stay exact). */
  readonly sum: number;
  /** Kish effective sample size of the scored rows: (Σ w)² / Σ w². */
  readonly effectiveN: number;
  /** Scored rows without a usable weight (blank, text, negative). */
  readonly missing: number;
}

/** The figures of a summary, computed alike for all rows and for each group. */
export interface SummaryFigures {
  /** Rows read. */
  readonly read: number;
  /** Rows with a total score. */
  readonly scored: number;
  /** Rows without a total score (`read = scored + notScored`). */
  readonly notScored: number;
  /** Rows that were malformed or held an invalid answer (part of `notScored`). */
  readonly bad: number;
  /** Rows without each score. */
  readonly missing: { readonly total: number; readonly emotional: number; readonly social: number };
  /** Prevalence of each category of the total. */
  readonly categories: readonly CategoryPrevalence[];
  /** Prevalence of each category of each subscale (empty when no subscale convention is applied). */
  readonly subscaleCategories: { readonly emotional: readonly CategoryPrevalence[]; readonly social: readonly CategoryPrevalence[] };
  /** The headline indicators of the scale (see `indicatorsOf`), each among the respondents with its score. */
  readonly indicators: readonly IndicatorPrevalence[];
  /** The weights used, or `null`. */
  readonly weights: WeightsUsed | null;
  /** Mean and SD of each score. */
  readonly scores: { readonly total: ScoreStatistics; readonly emotional: ScoreStatistics; readonly social: ScoreStatistics };
  /** KR-20 of the total and each subscale. */
  readonly reliability: { readonly total: Reliability; readonly emotional: Reliability; readonly social: Reliability };
  /** Per item, the share of each answer, of missing and of invalid answers; `null` when the scorer did not report answer levels. */
  readonly items: readonly ItemFrequencies[] | null;
}

/** The figures of one group: the rows whose grouping column holds one value (or falls in one band). */
export interface GroupSummary extends SummaryFigures {
  /** The grouping column and the group's value (a band's label, `other`, or `missing`). */
  readonly by: Readonly<Record<string, string>>;
  /** `value` (a value of the column), `band` (a numeric band), `other` (outside every band), or `missing` (blank). */
  readonly kind: GroupKind;
  /** Whether the group has fewer scored respondents than `minN`: its counts are kept, reports print no percentages. */
  readonly suppressed: boolean;
}

/** What a summary says about the scale and the rules applied, for a report's method section. */
export interface SummaryMethod {
  /** The scale's name in Dutch and English. */
  readonly scaleName: LocalizedText;
  /** How the scale is to be cited. */
  readonly citation: string;
  /** The items, in the scale's order. */
  readonly items: readonly { readonly key: string; readonly number: number; readonly subscale: 'emotional' | 'social'; readonly text: LocalizedText }[];
  /** The scoring rules applied: coding, missing-answer tolerances, category conventions. */
  readonly rules: AppliedRules;
  /** Each score's highest value. */
  readonly range: { readonly total: number; readonly emotional: number; readonly social: number };
}

/** A batch summary: counts that reconcile, prevalence, indicators, score statistics, reliability, item frequencies — overall and per group. */
export interface BatchSummary extends SummaryFigures {
  /** The scale's id. */
  readonly scale: string;
  /** The scale, its items and the rules applied. */
  readonly method: SummaryMethod;
  /** The groupings (columns, with bands or not). */
  readonly groupings: readonly GroupBy[];
  /** Groups with fewer scored respondents than this are marked `suppressed`. */
  readonly minN: number;
  /** The groups of each grouping, in order: groupings in the order given; within one, bands in order or values sorted, then `other`, then `missing`. */
  readonly groups: readonly GroupSummary[];
}

/** Options of {@link createSummary}. */
export interface SummaryOptions {
  /** A column of survey weights: weighted shares and means, intervals on the Kish effective sample size. */
  readonly weights?: string | undefined;
  /** Groupings: a `--by` string (`'gemeente,age:18-24,25-49,50-64,65-74,75+'`, see `parseGroupBy`) or their objects. */
  readonly by?: string | readonly GroupBy[] | undefined;
  /** Groups with fewer scored respondents are marked `suppressed` (default 30, {@link DEFAULT_MIN_N}). */
  readonly minN?: number | undefined;
  /** Most distinct values one grouping column may hold before the summary stops with an error (default 10 000). */
  readonly maxGroups?: number | undefined;
}

/**
 * The default smallest group whose percentages are reported: 30 scored respondents. Dutch
 * statistics practice (GGD health monitor, CBS) does not publish percentages of small cells.
 */
export const DEFAULT_MIN_N = 30;

/** Accumulates a {@link BatchSummary} row by row; memory grows with the number of groups, not of rows. */
export interface SummaryAccumulator {
  /** Adds one scored row. */
  readonly add: (row: RowEvent) => void;
  /** The summary of the rows added so far. */
  readonly finish: () => BatchSummary;
  /** What the batch scorer must report for this summary: spread into its options (`weightColumn`, `groupColumns`, `answerLevels`). */
  readonly batchOptions: { readonly weightColumn?: string; readonly groupColumns: readonly string[]; readonly answerLevels: true };
}

/** Agreement levels from `yes!` down to `no!`, with their labels. */
const answerLevels: readonly { level: number; label: LocalizedText }[] = [
  { level: 2, label: { nl: 'ja!', en: 'yes!' } },
  { level: 1, label: { nl: 'ja', en: 'yes' } },
  { level: 0, label: { nl: 'min of meer', en: 'more or less' } },
  { level: -1, label: { nl: 'nee', en: 'no' } },
  { level: -2, label: { nl: 'nee!', en: 'no!' } },
];
/** Per item: five answer levels, missing, invalid. */
const ITEM_SLOTS = 7;
const SCORE_NAMES = ['total', 'emotional', 'social'] as const;

/** Where each figure lives in a cell's count and weight arrays; shared by all cells of a summary. */
interface Layout {
  readonly compiled: CompiledScale;
  readonly bands: readonly (readonly CategoryBand[])[];
  /** Per score, per score value: the index of its band in `bands[score]`, or -1. */
  readonly bandIndex: readonly Int32Array[];
  /** Per score, the offset of its bands in the arrays. */
  readonly bandOffset: readonly number[];
  readonly indicators: readonly IndicatorDefinition[];
  /** Per score, per score value: the indicator offsets it counts towards. */
  readonly indicatorsByValue: readonly (readonly number[])[][];
  readonly indicatorOffset: number;
  readonly itemOffset: number;
  readonly size: number;
  readonly itemSets: readonly (readonly number[])[];
  readonly weighted: boolean;
}

// Array slots: 0–2 respondents with each score, 3–5 sum of each score, 6 rows read.
const VALUE_SUM = 3;
const ALL_ROWS = 6;

function createLayout(scale: ScaleDefinition, scoring: ScoreOptions | undefined, weighted: boolean): Layout {
  const compiled = compileScale(scale, scoring);
  const resolved = [compiled.totalScore, compiled.emotionalScore, compiled.socialScore];
  const bands = resolved.map((score) => [...new Set(score.bands.filter((band): band is CategoryBand => band !== null))]);
  let offset = 7;
  const bandOffset = bands.map((list) => {
    const start = offset;
    offset += list.length;
    return start;
  });
  const bandIndex = resolved.map((score, index) => Int32Array.from(score.bands, (band) => (band === null ? -1 : (bands[index] as CategoryBand[]).indexOf(band))));
  const indicators = indicatorsOf(scale);
  const indicatorOffset = offset;
  offset += indicators.length;
  const indicatorsByValue = resolved.map((score, scoreIndex) =>
    Array.from({ length: score.maximum + 1 }, (_, value) =>
      indicators.flatMap((indicator, index) => (indicator.score === SCORE_NAMES[scoreIndex] && value >= indicator.min && value <= indicator.max ? [indicatorOffset + index] : [])),
    ),
  );
  const itemOffset = offset;
  offset += compiled.keys.length * ITEM_SLOTS;
  const all = compiled.keys.map((_, item) => item);
  const itemSets = [all, all.filter((item) => compiled.emotional[item] === 1), all.filter((item) => compiled.emotional[item] === 0)];
  return { compiled, bands, bandIndex, bandOffset, indicators, indicatorsByValue, indicatorOffset, itemOffset, size: offset, itemSets, weighted };
}

/** KR-20 = k/(k−1) · (1 − Σ pᵢqᵢ / σ²), with population variances as in Kuder & Richardson (1937). */
function reliability(items: number, n: number, itemSums: Float64Array, sum: number, sumSquares: number): Reliability {
  if (n < 2 || items < 2) return { items, n, kr20: null };
  const mean = sum / n;
  const variance = sumSquares / n - mean * mean;
  if (!(variance > 1e-12)) return { items, n, kr20: null };
  let pq = 0;
  for (const total of itemSums) {
    const p = total / n;
    pq += p * (1 - p);
  }
  return { items, n, kr20: (items / (items - 1)) * (1 - pq / variance) };
}

/** The running figures of one set of rows (all rows, or one group). */
class Cell {
  read = 0;
  scored = 0;
  bad = 0;
  weightMissing = 0;
  levelsSeen = false;
  readonly missing = [0, 0, 0];
  readonly counts: Float64Array;
  readonly sumSquares = new Float64Array(3);
  /** Weights relative to `weightScale` (a power of two near the largest weight seen), so that huge weights do not overflow nor tiny ones underflow their squares; shares are ratios, the scale cancels. */
  readonly weights: Float64Array;
  readonly weightSquares = new Float64Array(3);
  weightScale = 0;
  /** Per item set (total, emotional, social): complete cases, item sums, sum and sum of squares of the set's score. */
  readonly setN = [0, 0, 0];
  readonly setItemSums: Float64Array[];
  readonly setSum = [0, 0, 0];
  readonly setSquares = [0, 0, 0];

  constructor(readonly layout: Layout) {
    this.counts = new Float64Array(layout.size);
    this.weights = new Float64Array(layout.weighted ? layout.size : 0);
    this.setItemSums = layout.itemSets.map((items) => new Float64Array(items.length));
  }

  /** The row's weight relative to this cell's scale, or 0 when it has none (or NaN when the column is not used). */
  relative(weight: number): number {
    if (!(weight > 0) || weight === Infinity) return 0;
    const scale = 2 ** Math.floor(Math.log2(weight));
    if (scale > this.weightScale) {
      // Powers of two: rescaling is exact.
      const factor = this.weightScale / scale;
      const { weights, weightSquares } = this;
      for (let index = 0; index < weights.length; index++) weights[index] = (weights[index] as number) * factor;
      for (let index = 0; index < 3; index++) weightSquares[index] = (weightSquares[index] as number) * factor * factor;
      this.weightScale = scale;
    }
    return weight / this.weightScale;
  }

  add(row: RowEvent): void {
    const { layout, counts } = this;
    const { scores, points, levels } = row;
    const weighted = layout.weighted;
    const w = weighted ? this.relative(row.weight) : 0;
    const weights = this.weights;
    this.read++;
    counts[ALL_ROWS] = (counts[ALL_ROWS] as number) + 1;
    if (w > 0) weights[ALL_ROWS] = (weights[ALL_ROWS] as number) + w;
    if (scores.errorCode !== null) this.bad++;
    for (let score = 0; score < 3; score++) {
      const value = score === 0 ? scores.total : score === 1 ? scores.emotional : scores.social;
      if (value === null) {
        this.missing[score] = (this.missing[score] as number) + 1;
        continue;
      }
      counts[score] = (counts[score] as number) + 1;
      counts[VALUE_SUM + score] = (counts[VALUE_SUM + score] as number) + value;
      this.sumSquares[score] = (this.sumSquares[score] as number) + value * value;
      const band = (layout.bandIndex[score] as Int32Array)[value] ?? -1;
      const bandSlot = band === -1 ? -1 : (layout.bandOffset[score] as number) + band;
      if (bandSlot !== -1) counts[bandSlot] = (counts[bandSlot] as number) + 1;
      const indicators = (layout.indicatorsByValue[score] as number[][])[value] ?? [];
      for (const slot of indicators) counts[slot] = (counts[slot] as number) + 1;
      if (w > 0) {
        weights[score] = (weights[score] as number) + w;
        weights[VALUE_SUM + score] = (weights[VALUE_SUM + score] as number) + w * value;
        this.weightSquares[score] = (this.weightSquares[score] as number) + w * w;
        if (bandSlot !== -1) weights[bandSlot] = (weights[bandSlot] as number) + w;
        for (const slot of indicators) weights[slot] = (weights[slot] as number) + w;
      }
    }
    if (scores.total !== null && scores.category !== null) {
      this.scored++;
      if (weighted && Number.isNaN(row.weight)) this.weightMissing++;
    }
    if (scores.errorCode === null) {
      for (let set = 0; set < 3; set++) this.addItems(set, points);
    }
    if (levels.length > 0) {
      this.levelsSeen = true;
      let slot = layout.itemOffset;
      for (let item = 0; item < levels.length; item++, slot += ITEM_SLOTS) {
        const level = levels[item] as number;
        const index = slot + (level === 9 ? 5 : level < -2 ? 6 : 2 - level);
        counts[index] = (counts[index] as number) + 1;
        if (w > 0) weights[index] = (weights[index] as number) + w;
      }
    }
  }

  addItems(set: number, points: Int8Array): void {
    const items = this.layout.itemSets[set] as readonly number[];
    let sum = 0;
    for (const item of items) {
      const point = points[item] as number;
      if (point !== 0 && point !== 1) return;
      sum += point;
    }
    this.setN[set] = (this.setN[set] as number) + 1;
    const sums = this.setItemSums[set] as Float64Array;
    for (let index = 0; index < items.length; index++) sums[index] = (sums[index] as number) + (points[items[index] as number] as number);
    this.setSum[set] = (this.setSum[set] as number) + sum;
    this.setSquares[set] = (this.setSquares[set] as number) + sum * sum;
  }

  finish(weightColumn: string | undefined): SummaryFigures {
    const { layout, counts, weights, weightSquares } = this;
    const weighted = weightColumn !== undefined;
    const effectiveN = (score: number) => {
      const squares = weightSquares[score] as number;
      return squares > 0 ? (weights[score] as number) ** 2 / squares : 0;
    };
    const prevalence = (slot: number, score: number): Prevalence => {
      const count = counts[slot] as number;
      const n = counts[score] as number;
      const base = { count, proportion: n > 0 ? count / n : null, interval: wilsonInterval(count, n) };
      if (!weighted) return base;
      const total = weights[score] as number;
      const share = total > 0 ? (weights[slot] as number) / total : null;
      const nEffective = effectiveN(score);
      return { ...base, weightedProportion: share, weightedInterval: share === null ? null : wilsonInterval(share * nEffective, nEffective) };
    };
    const categoryList = (score: number) => (layout.bands[score] as CategoryBand[]).map((band, index) => ({ band, ...prevalence((layout.bandOffset[score] as number) + index, score) }));
    const statistics = (score: number): ScoreStatistics => {
      const n = counts[score] as number;
      const mean = n > 0 ? (counts[VALUE_SUM + score] as number) / n : null;
      const sd = n > 1 && mean !== null ? Math.sqrt(Math.max(0, ((this.sumSquares[score] as number) - n * mean * mean) / (n - 1))) : null;
      if (!weighted) return { n, mean, sd };
      const total = weights[score] as number;
      return { n, mean, sd, weightedMean: total > 0 ? (weights[VALUE_SUM + score] as number) / total : null };
    };
    const frequency = (slot: number): Frequency => {
      const count = counts[slot] as number;
      const base = { count, proportion: this.read > 0 ? count / this.read : null };
      if (!weighted) return base;
      const total = weights[ALL_ROWS] as number;
      return { ...base, weightedProportion: total > 0 ? (weights[slot] as number) / total : null };
    };
    const { scale } = layout.compiled;
    const items = this.levelsSeen
      ? layout.compiled.keys.map((key, item): ItemFrequencies => {
          const slot = layout.itemOffset + item * ITEM_SLOTS;
          const definition = scale.items[item] as ScaleDefinition['items'][number];
          return {
            key,
            number: definition.number,
            text: definition.text,
            answers: answerLevels.map(({ level, label }) => ({ level, label, ...frequency(slot + 2 - level) })),
            missing: frequency(slot + 5),
            invalid: frequency(slot + 6),
          };
        })
      : null;
    const set = (index: number) => reliability((layout.itemSets[index] as number[]).length, this.setN[index] as number, this.setItemSums[index] as Float64Array, this.setSum[index] as number, this.setSquares[index] as number);
    return {
      read: this.read,
      scored: this.scored,
      notScored: this.read - this.scored,
      bad: this.bad,
      missing: { total: this.missing[0] as number, emotional: this.missing[1] as number, social: this.missing[2] as number },
      categories: categoryList(0),
      subscaleCategories: { emotional: categoryList(1), social: categoryList(2) },
      indicators: layout.indicators.map((indicator, index) => {
        const score = SCORE_NAMES.indexOf(indicator.score);
        return { indicator, n: counts[score] as number, ...prevalence(layout.indicatorOffset + index, score) };
      }),
      weights: weightColumn === undefined ? null : { column: weightColumn, sum: (weights[0] as number) * this.weightScale, effectiveN: effectiveN(0), missing: this.weightMissing },
      scores: { total: statistics(0), emotional: statistics(1), social: statistics(2) },
      reliability: { total: set(0), emotional: set(1), social: set(2) },
      items,
    };
  }
}

/** The groups of one grouping as rows arrive: a cell per value, found by the cell's text. */
class Grouping {
  readonly cells = new Map<string, { kind: GroupKind; label: string; cell: Cell }>();
  readonly byText = new Map<string, { kind: GroupKind; label: string; cell: Cell }>();

  constructor(
    readonly grouping: GroupBy,
    readonly layout: Layout,
    readonly maxGroups: number,
  ) {}

  cellOf(text: string): Cell {
    let entry = this.byText.get(text);
    if (entry === undefined) {
      const [kind, label] = groupOf(this.grouping, text);
      const key = `${kind}\u0000${label}`;
      entry = this.cells.get(key);
      if (entry === undefined) {
        if (this.cells.size >= this.maxGroups) {
          throw new ScoringError(
            'invalid_option',
            `The grouping column "${this.grouping.column}" holds more than ${this.maxGroups} distinct values: group by a column with fewer values, or band it (column:18-24,25-49,…).`,
            { path: 'by', value: this.grouping.column },
          );
        }
        entry = { kind, label, cell: new Cell(this.layout) };
        this.cells.set(key, entry);
      }
      // Distinct spellings of one value (" Gent", "Gent") are remembered up to a bound; junk must not grow memory.
      if (this.byText.size < 4 * this.maxGroups) this.byText.set(text, entry);
    }
    return entry.cell;
  }

  ordered(): { kind: GroupKind; label: string; cell: Cell }[] {
    const entries = [...this.cells.values()];
    const rank = { value: 0, band: 0, other: 1, missing: 2 } as const;
    const bands = this.grouping.bands?.map((band) => band.label) ?? [];
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
    return entries.sort((a, b) => rank[a.kind] - rank[b.kind] || (a.kind === 'band' ? bands.indexOf(a.label) - bands.indexOf(b.label) : collator.compare(a.label, b.label) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)));
  }
}

function readCount(value: number | undefined, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ScoringError('invalid_option', `Option ${path}: ${String(value)} is not a whole number of 0 or more.`, { path, value });
  }
  return value;
}

/**
 * Creates a summary accumulator for a scale and its scoring options; feed it each row's event
 * (the `onRow` of a batch scorer, with the accumulator's `batchOptions` spread into the scorer's
 * options) and read the summary at the end. Category prevalence and headline indicators come
 * with 95% Wilson intervals; with a weight column, weighted shares and means, with intervals on
 * the Kish effective sample size; reliability is KR-20 on the respondents who answered every
 * item of the (sub)scale. With `by`, every figure is computed for each group too; groups with
 * fewer than `minN` scored respondents are marked `suppressed`.
 *
 * The third argument is the options, or (as before) the weight column's name.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary } from 'loneliness-scales/batch';
 * const summary = createSummary(djg6, undefined, { by: 'gemeente', minN: 1 });
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, ...summary.batchOptions, onRow: summary.add }, () => {});
 * scorer.push(new TextEncoder().encode('gemeente,emptiness,leanOn,trust,closeTo,missPeople,rejected\nGent,ja,ja,ja,nee,ja,ja\nGent,nee,ja,ja,ja,nee,nee\n'));
 * scorer.end();
 * const result = summary.finish();
 * result.categories.map((category) => category.count); // [1, 1, 0]
 * result.groups[0]?.by; // { gemeente: 'Gent' }
 * ```
 */
export function createSummary(scale: ScaleDefinition, scoring?: ScoreOptions, options?: string | SummaryOptions): SummaryAccumulator {
  const settings: SummaryOptions = typeof options === 'string' ? { weights: options } : (options ?? {});
  if (settings === null || typeof settings !== 'object') throw new ScoringError('invalid_option', 'Summary options: expected an object or a weight column name.', { value: settings });
  const weightColumn = settings.weights;
  if (weightColumn !== undefined && (typeof weightColumn !== 'string' || weightColumn === '')) {
    throw new ScoringError('invalid_option', 'Option weights: expected a column name.', { path: 'weights', value: weightColumn });
  }
  const minN = readCount(settings.minN, 'minN', DEFAULT_MIN_N);
  const maxGroups = readCount(settings.maxGroups, 'maxGroups', DEFAULT_MAX_GROUPS);
  const groupings = readGroupings(settings.by);
  const layout = createLayout(scale, scoring, weightColumn !== undefined);
  const overall = new Cell(layout);
  const groups = groupings.map((grouping) => new Grouping(grouping, layout, Math.max(1, maxGroups)));

  function add(row: RowEvent): void {
    overall.add(row);
    if (groups.length === 0) return;
    const texts = row.groups;
    if (texts === undefined || texts.length < groups.length) {
      throw new ScoringError('invalid_option', 'The rows carry no grouping columns: spread the summary\'s batchOptions into the batch scorer\'s options.', { path: 'by' });
    }
    for (let index = 0; index < groups.length; index++) (groups[index] as Grouping).cellOf(texts[index] as string).add(row);
  }

  function finish(): BatchSummary {
    const { rules } = layout.compiled;
    const method: SummaryMethod = {
      scaleName: scale.name,
      citation: scale.citation,
      items: scale.items.map((item) => ({ key: item.key, number: item.number, subscale: item.subscale, text: item.text })),
      rules: rules.applied,
      range: { total: scale.range.total, emotional: scale.range.emotional, social: scale.range.social },
    };
    return {
      scale: scale.id,
      method,
      groupings,
      minN,
      ...overall.finish(weightColumn),
      groups: groups.flatMap((grouping) =>
        grouping.ordered().map(({ kind, label, cell }): GroupSummary => {
          const figures = cell.finish(weightColumn);
          return { by: { [grouping.grouping.column]: label }, kind, suppressed: figures.scored < minN, ...figures };
        }),
      ),
    };
  }

  return {
    add,
    finish,
    batchOptions: { ...(weightColumn === undefined ? {} : { weightColumn }), groupColumns: groupings.map((grouping) => grouping.column), answerLevels: true },
  };
}
