import { type AppliedRules, type CategoryBand, type ItemPoints, type LocalizedText, type ScaleDefinition, type ScoreOptions, ScoringError } from '../../index.js';
import { type CompiledScale, MISSING_POINT, compileScale } from '../scoring/compile.js';
import type { RowEvent } from '../streams/batch-options.js';
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

/**
 * The internal consistency of a score: Cronbach's alpha on its items, which for items scoring 0
 * or 1 (the De Jong Gierveld items) is KR-20 (Kuder & Richardson 1937), the name the field keeps.
 */
export interface Reliability {
  /** Number of items. */
  readonly items: number;
  /** Respondents with every item of the score answered (the coefficient is computed on complete cases). */
  readonly n: number;
  /**
   * Cronbach's alpha, k/(k−1) · (1 − Σ var(itemᵢ) / var(score)) with population variances: KR-20
   * when every item scores 0 or 1 (var(itemᵢ) = pᵢqᵢ). `null` when fewer than 2 complete cases,
   * fewer than 2 items, or no variance.
   */
  readonly kr20: number | null;
}

/**
 * A figure per score: always the total; a subscale's only when the scale has items on it (a
 * scale without subscales reports its total alone, not empty subscales).
 */
export interface PerScore<T> {
  /** The total's figure. */
  readonly total: T;
  /** The emotional subscale's figure; absent for a scale without emotional items. */
  readonly emotional?: T;
  /** The social subscale's figure; absent for a scale without social items. */
  readonly social?: T;
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
  /** The indicator's id; its definition (labels, score, range, source) is in `method.indicators`. */
  readonly id: string;
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
  /** Agreement level: 2 = `yes!`, 1 = `yes`, 0 = `more or less`, -1 = `no`, -2 = `no!` (labels in `method.answers`). */
  readonly level: number;
}

/** The answers given to one item, with the missing and invalid ones: the shares add up to 1. */
export interface ItemFrequencies {
  /** The item's key (number and text in `method.items`). */
  readonly key: string;
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
  /** Rows without each score (the scale's scores only, see {@link PerScore}). */
  readonly missing: PerScore<number>;
  /** Prevalence of each category of the total. */
  readonly categories: readonly CategoryPrevalence[];
  /** Prevalence of each category of each subscale the scale has (empty when no subscale convention is applied). */
  readonly subscaleCategories: Omit<PerScore<readonly CategoryPrevalence[]>, 'total'>;
  /** The headline indicators of the scale (see `indicatorsOf`), each among the respondents with its score. */
  readonly indicators: readonly IndicatorPrevalence[];
  /** The weights used, or `null`. */
  readonly weights: WeightsUsed | null;
  /** Mean and SD of each score. */
  readonly scores: PerScore<ScoreStatistics>;
  /** Reliability (KR-20; Cronbach's alpha for items scored otherwise) of the total and each subscale. */
  readonly reliability: PerScore<Reliability>;
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
  /**
   * The items, in the scale's order: the subscale of an item on one, and the points per answer
   * of an item whose definition gives them (De Jong Gierveld items score by their wording instead,
   * 0 or 1, MANUAL §3, and carry no `points`).
   */
  readonly items: readonly { readonly key: string; readonly number: number; readonly subscale?: 'emotional' | 'social' | undefined; readonly points?: ItemPoints; readonly text: LocalizedText }[];
  /** The scoring rules applied: coding, missing-answer tolerances, category conventions. */
  readonly rules: AppliedRules;
  /** Each score's highest value (the scale's scores only). */
  readonly range: PerScore<number>;
  /** The headline indicators reported (see `indicatorsOf`). */
  readonly indicators: readonly IndicatorDefinition[];
  /** The answer levels of the item frequencies, with their labels. */
  readonly answers: readonly { readonly level: number; readonly label: LocalizedText }[];
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
  /** Per score, per score value: the slot of its band, or -1. */
  readonly bandSlot: readonly Int32Array[];
  /** Per score, the slot of its first band. */
  readonly bandOffset: readonly number[];
  readonly indicators: readonly IndicatorDefinition[];
  /** Per score, per score value: the indicator slots it counts towards. */
  readonly indicatorsByValue: readonly (readonly number[])[][];
  readonly indicatorOffset: number;
  readonly itemOffset: number;
  /** Whether the scale has each score (total, emotional, social): a subscale without items is left out of the figures. */
  readonly present: readonly boolean[];
  /**
   * Per item set (the items of total, emotional, social): its items, and the slot of its first
   * item sum; each item has two slots, the sum of its points and of their squares (for alpha).
   */
  readonly itemSets: readonly (readonly number[])[];
  readonly setItemOffset: readonly number[];
  /**
   * Per item (by position), whether it scores only 0 or 1 (De Jong Gierveld items): its squares
   * are its sums, and a row adds to its sum only when it scores 1, a count as KR-20 takes it.
   */
  readonly dichotomous: readonly boolean[];
  /** Most values one row adds to value slots: a sum and a square per score and item set, and two per item of each set. */
  readonly valueSize: number;
  readonly size: number;
  /** Slots a weight is summed in: those before the item sets' item sums. */
  readonly weightSize: number;
  /** The most one row adds to a slot: a score's square. */
  readonly largestIncrement: number;
  readonly weighted: boolean;
}

// Fixed slots of a cell's arrays. Counted (1 per row): respondents with each score (0–2), rows
// read, bad, scored, scored without a weight, missing each score (10–12), complete cases of each
// item set (16–18). Summed values: each score (3–5), its square (13–15), each item set's score and
// its square (19–24). In the weight arrays the same slots hold Σ w, Σ w·x, and at 13–15 Σ w².
const VALUE_SUM = 3;
const ALL_ROWS = 6;
const BAD = 7;
const SCORED = 8;
const WEIGHT_MISSING = 9;
const MISSING = 10;
const SQUARES = 13;
const SET_N = 16;
const SET_SUM = 19;
const SET_SQUARES = 22;
const FIXED_SLOTS = 25;

function createLayout(scale: ScaleDefinition, scoring: ScoreOptions | undefined, weighted: boolean): Layout {
  const compiled = compileScale(scale, scoring);
  const resolved = [compiled.totalScore, compiled.emotionalScore, compiled.socialScore];
  const bands = resolved.map((score) => [...new Set(score.bands.filter((band): band is CategoryBand => band !== null))]);
  let offset = FIXED_SLOTS;
  const bandOffset = bands.map((list) => {
    const start = offset;
    offset += list.length;
    return start;
  });
  const bandSlot = resolved.map((score, index) =>
    Int32Array.from(score.bands, (band) => (band === null ? -1 : (bandOffset[index] as number) + (bands[index] as CategoryBand[]).indexOf(band))),
  );
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
  const weightSize = offset;
  // The items each score counts, as the rules list them: no item is taken to be on a subscale
  // because it is not on the other one.
  // Copied: the per-row loop read the rules' frozen arrays measurably slower (300,000 rows of djg11).
  const itemSets = compiled.rules.scores.map((score) => [...score.items]);
  const present = compiled.rules.scores.map((score) => compiled.rules.presentScores.includes(score));
  const setItemOffset = itemSets.map((items) => {
    const start = offset;
    offset += 2 * items.length;
    return start;
  });
  const dichotomous = compiled.rules.points.map((points) => points.every((point) => point < 0 || point === 0 || point === 1));
  const valueSize = 12 + 2 * itemSets.reduce((sum, items) => sum + items.length, 0);
  const largestIncrement = Math.max(1, compiled.keys.length, ...resolved.map((score) => score.maximum)) ** 2;
  return { compiled, bands, bandSlot, bandOffset, indicators, indicatorsByValue, indicatorOffset, itemOffset, present, itemSets, setItemOffset, dichotomous, valueSize, size: offset, weightSize, largestIncrement, weighted };
}

/**
 * A figure of each score the scale has (`present`, by score: total, emotional, social), in that
 * order; a subscale without items is left out rather than reported as empty.
 */
function perScore<T>(present: readonly boolean[], of: (score: number) => T, first = 0): PerScore<T> {
  const figures: Record<string, T> = {};
  for (let score = first; score < 3; score++) if (present[score] === true) figures[SCORE_NAMES[score] as string] = of(score);
  return figures as unknown as PerScore<T>;
}

/**
 * A count as a small integer when it is one (below 2³⁰): stored in an object without a number box
 * of its own, and written to JSON faster. The value is the same.
 */
const whole = (count: number): number => (count < 0x40000000 ? count | 0 : count);

/**
 * Cronbach's alpha = k/(k−1) · (1 − Σ var(itemᵢ) / σ²), with population variances, from each
 * item's sum of points and of their squares over the complete cases; for an item scoring 0 or 1,
 * var(itemᵢ) = pᵢqᵢ, which makes it KR-20 as in Kuder & Richardson (1937).
 */
function reliability(n: number, itemSums: readonly number[], itemSquares: readonly number[], sum: number, sumSquares: number): Reliability {
  const items = itemSums.length;
  if (n < 2 || items < 2) return { items, n, kr20: null };
  const mean = sum / n;
  const variance = sumSquares / n - mean * mean;
  if (!(variance > 1e-12)) return { items, n, kr20: null };
  let itemVariances = 0;
  for (let index = 0; index < items; index++) {
    const itemSum = itemSums[index] as number;
    const squares = itemSquares[index] as number;
    const p = itemSum / n;
    // Answers of 0 and 1 only (their squares are themselves): pq, KR-20's own term, to the bit.
    itemVariances += squares === itemSum ? p * (1 - p) : squares / n - p * p;
  }
  return { items, n, kr20: (items / (items - 1)) * (1 - itemVariances / variance) };
}

// A row's flags: bad (malformed, or an invalid answer), scored, scored without a usable weight.
const ROW_BAD = 1;
const ROW_SCORED = 2;
const ROW_WEIGHT_MISSING = 4;

/**
 * What one row adds to every cell it belongs to, worked out once per row: the slots it counts
 * (each +1, and +w in the weight arrays), and the values it adds to value slots. Each group then
 * only replays it, so that grouping costs a short loop per row, not a second reading.
 */
class RowDigest {
  /** Slots counted and weighted: rows read, respondents with each score, bands, indicators, answers. */
  readonly slots: Int32Array;
  slotCount = 0;
  /** Slots only counted: missing scores, bad and scored rows, complete cases and item sums of KR-20. */
  readonly countSlots: Int32Array;
  countSlotCount = 0;
  readonly valueSlots: Int32Array;
  readonly values: Float64Array;
  valueCount = 0;
  readonly weightedSlots = new Int32Array(6);
  readonly weightedValues = new Float64Array(6);
  weightedCount = 0;
  /** The row's weight relative to the summary's weight scale; 0 without one. */
  weight = 0;

  constructor(readonly layout: Layout) {
    this.slots = new Int32Array(layout.size);
    this.countSlots = new Int32Array(layout.size);
    this.valueSlots = new Int32Array(layout.valueSize);
    this.values = new Float64Array(layout.valueSize);
  }

  /** Works out a row from its event. */
  read(row: RowEvent, weight: number): void {
    const { scores } = row;
    const flags =
      (scores.errorCode === null ? 0 : ROW_BAD) |
      (scores.total !== null && scores.category !== null ? ROW_SCORED : 0) |
      (this.layout.weighted && Number.isNaN(row.weight) ? ROW_WEIGHT_MISSING : 0);
    this.readValues(scores.total ?? -1, scores.emotional ?? -1, scores.social ?? -1, flags, row.points, 0, row.levels, 0, row.levels.length, weight);
  }

  /**
   * Works out a row from its figures: scores (-1 for none), flags (`ROW_…`), the item points at
   * `pointsAt` and the answer levels at `levelsAt`, and its weight relative to the weight scale.
   */
  readValues(total: number, emotional: number, social: number, flags: number, points: Int8Array, pointsAt: number, levels: Int8Array, levelsAt: number, levelCount: number, weight: number): void {
    const { layout, slots, countSlots } = this;
    let count = 0;
    let countOnly = 0;
    let valueCount = 0;
    let weightedCount = 0;
    this.weight = weight;
    slots[count++] = ALL_ROWS;
    if ((flags & ROW_BAD) !== 0) countSlots[countOnly++] = BAD;
    for (let score = 0; score < 3; score++) {
      const value = score === 0 ? total : score === 1 ? emotional : social;
      if (value < 0) {
        countSlots[countOnly++] = MISSING + score;
        continue;
      }
      slots[count++] = score;
      this.valueSlots[valueCount] = VALUE_SUM + score;
      this.values[valueCount++] = value;
      this.valueSlots[valueCount] = SQUARES + score;
      this.values[valueCount++] = value * value;
      const band = (layout.bandSlot[score] as Int32Array)[value] ?? -1;
      if (band !== -1) slots[count++] = band;
      const indicators = (layout.indicatorsByValue[score] as number[][])[value];
      if (indicators !== undefined) for (const slot of indicators) slots[count++] = slot;
      if (weight > 0) {
        this.weightedSlots[weightedCount] = VALUE_SUM + score;
        this.weightedValues[weightedCount++] = weight * value;
        this.weightedSlots[weightedCount] = SQUARES + score;
        this.weightedValues[weightedCount++] = weight * weight;
      }
    }
    if ((flags & ROW_SCORED) !== 0) {
      countSlots[countOnly++] = SCORED;
      if ((flags & ROW_WEIGHT_MISSING) !== 0) countSlots[countOnly++] = WEIGHT_MISSING;
    }
    if ((flags & ROW_BAD) === 0) {
      const { dichotomous } = layout;
      for (let set = 0; set < 3; set++) {
        const items = layout.itemSets[set] as readonly number[];
        // A score without items has no reliability: no complete cases are counted for it.
        if (items.length === 0) continue;
        let sum = 0;
        let complete = true;
        for (const item of items) {
          const point = points[pointsAt + item] as number;
          // Missing (MISSING_POINT) or invalid (negative): not a complete case.
          if (point < 0 || point === MISSING_POINT) {
            complete = false;
            break;
          }
          sum += point;
        }
        if (!complete) continue;
        countSlots[countOnly++] = SET_N + set;
        const offset = layout.setItemOffset[set] as number;
        for (let index = 0; index < items.length; index++) {
          const item = items[index] as number;
          const point = points[pointsAt + item] as number;
          if (dichotomous[item] === true) {
            // A 0/1 item: a count of its 1s, as KR-20 takes it; its squares are its sums (read so in `finish`).
            if (point === 1) countSlots[countOnly++] = offset + 2 * index;
          } else if (point !== 0) {
            this.valueSlots[valueCount] = offset + 2 * index;
            this.values[valueCount++] = point;
            this.valueSlots[valueCount] = offset + 2 * index + 1;
            this.values[valueCount++] = point * point;
          }
        }
        this.valueSlots[valueCount] = SET_SUM + set;
        this.values[valueCount++] = sum;
        this.valueSlots[valueCount] = SET_SQUARES + set;
        this.values[valueCount++] = sum * sum;
      }
    }
    let slot = layout.itemOffset;
    for (let item = 0; item < levelCount; item++, slot += ITEM_SLOTS) {
      const level = levels[levelsAt + item] as number;
      slots[count++] = slot + (level === 9 ? 5 : level < -2 ? 6 : 2 - level);
    }
    this.slotCount = count;
    this.countSlotCount = countOnly;
    this.valueCount = valueCount;
    this.weightedCount = weightedCount;
  }
}

/**
 * The running figures of every cell (all rows, or one group) in flat arrays, a stride per cell,
 * so that a row's group is an offset and the cells of many groups stay small in the CPU's cache:
 * with 500 groups, each row lands in a cell that is rarely cached, and every cache line a cell
 * spans costs. A row's whole-number increments (counts, scores, squares: scores are sums of 0/1
 * points) go to `pending`, 32-bit, half the bytes of a double, and are added into the exact
 * `totals` before they could overflow; weighted sums go to `weights`, which holds only the slots
 * a weight is summed in.
 */
class CellTable {
  count = 0;
  pending = new Int32Array(0);
  /** Exact sums of what was pending: counts stay exact past 2³¹. */
  totals = new Float64Array(0);
  /** Weights relative to the summary's weight scale (see `relative` in `createSummary`). */
  weights = new Float64Array(0);
  levelsSeen = new Uint8Array(0);
  readonly stride: number;
  readonly weightStride: number;
  /** Rows a cell may take before its pending sums are added into its totals (no slot can reach 2³¹). */
  readonly flushAt: number;

  constructor(readonly layout: Layout) {
    this.stride = layout.size;
    this.weightStride = layout.weighted ? layout.weightSize : 0;
    this.flushAt = Math.floor(0x7fffffff / Math.max(1, layout.largestIncrement));
  }

  /** A new empty cell's number. */
  add(): number {
    if (this.count === this.levelsSeen.length) {
      const capacity = Math.max(4, this.count * 2);
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, size: number, create: (length: number) => T): T => {
        const array = create(capacity * size);
        array.set(old);
        return array;
      };
      this.pending = grow(this.pending, this.stride, (length) => new Int32Array(length));
      this.totals = grow(this.totals, this.stride, (length) => new Float64Array(length));
      this.weights = grow(this.weights, this.weightStride, (length) => new Float64Array(length));
      this.levelsSeen = grow(this.levelsSeen, 1, (length) => new Uint8Array(length));
    }
    return this.count++;
  }

  apply(cell: number, digest: RowDigest, levels: boolean): void {
    const { pending, weights } = this;
    const base = cell * this.stride;
    const { slots, slotCount, countSlots, countSlotCount, valueSlots, values, valueCount, weight } = digest;
    if (levels) this.levelsSeen[cell] = 1;
    for (let index = 0; index < countSlotCount; index++) {
      const slot = base + (countSlots[index] as number);
      pending[slot] = (pending[slot] as number) + 1;
    }
    for (let index = 0; index < valueCount; index++) {
      const slot = base + (valueSlots[index] as number);
      pending[slot] = (pending[slot] as number) + (values[index] as number);
    }
    for (let index = 0; index < slotCount; index++) {
      const slot = base + (slots[index] as number);
      pending[slot] = (pending[slot] as number) + 1;
    }
    if (weight > 0) {
      const weightBase = cell * this.weightStride;
      for (let index = 0; index < slotCount; index++) {
        const slot = weightBase + (slots[index] as number);
        weights[slot] = (weights[slot] as number) + weight;
      }
      const { weightedSlots, weightedValues, weightedCount } = digest;
      for (let index = 0; index < weightedCount; index++) {
        const slot = weightBase + (weightedSlots[index] as number);
        weights[slot] = (weights[slot] as number) + (weightedValues[index] as number);
      }
    }
    if ((pending[base + ALL_ROWS] as number) >= this.flushAt) this.flush(cell);
  }

  /** Adds a cell's pending sums into its totals. */
  flush(cell: number): void {
    const { pending, totals } = this;
    const end = (cell + 1) * this.stride;
    for (let index = cell * this.stride; index < end; index++) {
      totals[index] = (totals[index] as number) + (pending[index] as number);
      pending[index] = 0;
    }
  }

  /** Adds another table's cell to one of this table's (every figure is a sum, so the figures of all rows are the sums of a grouping's groups). */
  merge(cell: number, table: CellTable, other: number): void {
    table.flush(other);
    this.flush(cell);
    const { stride, weightStride, totals, weights } = this;
    for (let index = 0; index < stride; index++) totals[cell * stride + index] = (totals[cell * stride + index] as number) + (table.totals[other * stride + index] as number);
    for (let index = 0; index < weightStride; index++) {
      weights[cell * weightStride + index] = (weights[cell * weightStride + index] as number) + (table.weights[other * weightStride + index] as number);
    }
    if (table.levelsSeen[other] === 1) this.levelsSeen[cell] = 1;
  }

  /** Rescales the weight sums when the summary's weight scale grows (by a power of two: exact). */
  rescale(factor: number): void {
    const { weights, weightStride } = this;
    for (let index = 0; index < this.count * weightStride; index++) {
      const slot = index % weightStride;
      const squares = slot >= SQUARES && slot < SQUARES + 3;
      weights[index] = (weights[index] as number) * (squares ? factor * factor : factor);
    }
  }

  finish(cell: number, weightColumn: string | undefined, weightScale: number): SummaryFigures {
    this.flush(cell);
    const { layout, totals: counts, weights } = this;
    // A cell's slots are read at its offsets (no views: this runs once per group, before the code is warm).
    const base = cell * this.stride;
    const weightBase = cell * this.weightStride;
    const weighted = weightColumn !== undefined;
    const effectiveN = (score: number) => {
      const squares = weights[weightBase + SQUARES + score] as number;
      return squares > 0 ? (weights[weightBase + score] as number) ** 2 / squares : 0;
    };
    // Objects are built as literals of one shape each (no spreads): a summary of many groups builds many.
    const prevalence = (slot: number, score: number): Prevalence => {
      const count = whole(counts[base + slot] as number);
      const n = whole(counts[base + score] as number);
      const proportion = n > 0 ? count / n : null;
      const interval = wilsonInterval(count, n);
      if (!weighted) return { count, proportion, interval };
      const total = weights[weightBase + score] as number;
      const share = total > 0 ? (weights[weightBase + slot] as number) / total : null;
      const nEffective = effectiveN(score);
      return { count, proportion, interval, weightedProportion: share, weightedInterval: share === null ? null : wilsonInterval(share * nEffective, nEffective) };
    };
    const categoryList = (score: number) =>
      (layout.bands[score] as CategoryBand[]).map((band, index): CategoryPrevalence => {
        const { count, proportion, interval, weightedProportion, weightedInterval } = prevalence((layout.bandOffset[score] as number) + index, score);
        return weighted ? { band, count, proportion, interval, weightedProportion, weightedInterval } : { band, count, proportion, interval };
      });
    const statistics = (score: number): ScoreStatistics => {
      const n = whole(counts[base + score] as number);
      const mean = n > 0 ? (counts[base + VALUE_SUM + score] as number) / n : null;
      const sd = n > 1 && mean !== null ? Math.sqrt(Math.max(0, ((counts[base + SQUARES + score] as number) - n * mean * mean) / (n - 1))) : null;
      if (!weighted) return { n, mean, sd };
      const total = weights[weightBase + score] as number;
      return { n, mean, sd, weightedMean: total > 0 ? (weights[weightBase + VALUE_SUM + score] as number) / total : null };
    };
    const read = whole(counts[base + ALL_ROWS] as number);
    const weightTotal = weighted ? (weights[weightBase + ALL_ROWS] as number) : 0;
    const frequency = (slot: number): Frequency => {
      const count = whole(counts[base + slot] as number);
      const proportion = read > 0 ? count / read : null;
      if (!weighted) return { count, proportion };
      return { count, proportion, weightedProportion: weightTotal > 0 ? (weights[weightBase + slot] as number) / weightTotal : null };
    };
    let items: ItemFrequencies[] | null = null;
    if (this.levelsSeen[cell] === 1) {
      items = [];
      for (let item = 0; item < layout.compiled.keys.length; item++) {
        const slot = layout.itemOffset + item * ITEM_SLOTS;
        const answers: AnswerFrequency[] = [];
        for (let level = 2; level >= -2; level--) {
          const count = whole(counts[base + slot + 2 - level] as number);
          const proportion = read > 0 ? count / read : null;
          answers.push(
            weighted
              ? { level, count, proportion, weightedProportion: weightTotal > 0 ? (weights[weightBase + slot + 2 - level] as number) / weightTotal : null }
              : { level, count, proportion },
          );
        }
        items.push({ key: layout.compiled.keys[item] as string, answers, missing: frequency(slot + 5), invalid: frequency(slot + 6) });
      }
    }
    const set = (index: number) => {
      const items = layout.itemSets[index] as readonly number[];
      const offset = base + (layout.setItemOffset[index] as number);
      const sums = items.map((_, position) => counts[offset + 2 * position] as number);
      const squares = items.map((item, position) => (layout.dichotomous[item] === true ? sums[position] : counts[offset + 2 * position + 1]) as number);
      return reliability(whole(counts[base + SET_N + index] as number), sums, squares, counts[base + SET_SUM + index] as number, counts[base + SET_SQUARES + index] as number);
    };
    const scored = whole(counts[base + SCORED] as number);
    return {
      read,
      scored,
      notScored: whole(read - scored),
      bad: whole(counts[base + BAD] as number),
      missing: perScore(layout.present, (score) => whole(counts[base + MISSING + score] as number)),
      categories: categoryList(0),
      subscaleCategories: perScore(layout.present, categoryList, 1),
      indicators: layout.indicators.map((indicator, index) => {
        const score = SCORE_NAMES.indexOf(indicator.score);
        const { id } = indicator;
        const n = whole(counts[base + score] as number);
        const { count, proportion, interval, weightedProportion, weightedInterval } = prevalence(layout.indicatorOffset + index, score);
        return weighted ? { id, n, count, proportion, interval, weightedProportion, weightedInterval } : { id, n, count, proportion, interval };
      }),
      weights: weightColumn === undefined ? null : { column: weightColumn, sum: (weights[weightBase] as number) * weightScale, effectiveN: effectiveN(0), missing: whole(counts[base + WEIGHT_MISSING] as number) },
      scores: perScore(layout.present, statistics),
      reliability: perScore(layout.present, set),
      items,
    };
  }

}

/** Rows a {@link RowBuffer} holds before they are added to their groups. */
const BUFFER_ROWS = 8192;
/** A row's flag in a {@link RowBuffer}: it carries answer levels. */
const ROW_LEVELS = 8;

/**
 * Grouped rows, held a while and then added to their groups group by group: with hundreds of
 * groups, adding each row as it comes touches a cell the CPU's cache no longer holds (some 15
 * cache lines a row); added in order of their group, a cell's rows come one after another. The
 * rows of one group are added in the order they came, so every sum is the same, to the bit.
 * A row is kept in a record of `stride` bytes: its relative weight, flags, three scores (-1
 * for none), item points and answer levels.
 */
class RowBuffer {
  length = 0;
  readonly stride: number;
  readonly bytes: Int8Array;
  readonly weights: Float64Array;
  /** Per row, its cell in each grouping. */
  readonly cells: Int32Array;
  readonly order = new Int32Array(BUFFER_ROWS);

  constructor(
    readonly items: number,
    readonly groupings: number,
  ) {
    this.stride = Math.ceil((12 + 2 * items) / 8) * 8;
    const buffer = new ArrayBuffer(BUFFER_ROWS * this.stride);
    this.bytes = new Int8Array(buffer);
    this.weights = new Float64Array(buffer);
    this.cells = new Int32Array(BUFFER_ROWS * groupings);
  }

  /** Keeps a row (its cells are written by the caller); whether the buffer is full. */
  put(row: RowEvent, weight: number, layout: Layout): boolean {
    const { bytes, items } = this;
    const at = this.length * this.stride;
    const { scores, points, levels } = row;
    this.weights[at / 8] = weight;
    bytes[at + 8] =
      (scores.errorCode === null ? 0 : ROW_BAD) |
      (scores.total !== null && scores.category !== null ? ROW_SCORED : 0) |
      (layout.weighted && Number.isNaN(row.weight) ? ROW_WEIGHT_MISSING : 0) |
      (levels.length > 0 ? ROW_LEVELS : 0);
    bytes[at + 9] = scores.total ?? -1;
    bytes[at + 10] = scores.emotional ?? -1;
    bytes[at + 11] = scores.social ?? -1;
    for (let item = 0; item < items; item++) bytes[at + 12 + item] = points[item] as number;
    for (let item = 0; item < levels.length; item++) bytes[at + 12 + items + item] = levels[item] as number;
    return ++this.length === BUFFER_ROWS;
  }

  /** Adds the rows held to their cells, grouping by grouping, each cell's rows in the order they came; empties the buffer. */
  drain(table: CellTable, digest: RowDigest): void {
    const { length, bytes, weights, cells, order, stride, items, groupings } = this;
    if (length === 0) return;
    for (let grouping = 0; grouping < groupings; grouping++) {
      // A counting sort by cell: stable.
      const starts = new Int32Array(table.count + 1);
      for (let row = 0; row < length; row++) {
        const next = (cells[row * groupings + grouping] as number) + 1;
        starts[next] = (starts[next] as number) + 1;
      }
      for (let cell = 1; cell <= table.count; cell++) starts[cell] = (starts[cell] as number) + (starts[cell - 1] as number);
      for (let row = 0; row < length; row++) {
        const cell = cells[row * groupings + grouping] as number;
        order[starts[cell] as number] = row;
        starts[cell] = (starts[cell] as number) + 1;
      }
      for (let index = 0; index < length; index++) {
        const row = order[index] as number;
        const at = row * stride;
        const flags = bytes[at + 8] as number;
        digest.readValues(bytes[at + 9] as number, bytes[at + 10] as number, bytes[at + 11] as number, flags, bytes, at + 12, bytes, at + 12 + items, (flags & ROW_LEVELS) === 0 ? 0 : items, weights[at / 8] as number);
        table.apply(cells[row * groupings + grouping] as number, digest, false);
      }
    }
    this.length = 0;
  }
}

/** A group: its kind, its label, and its cell in the summary's {@link CellTable}. */
interface GroupEntry {
  readonly kind: GroupKind;
  readonly label: string;
  readonly cell: number;
}

/** Most group ids (see {@link RowEvent.groupIds}) a grouping remembers. */
const GROUP_ID_LIMIT = 1 << 16;

/** The groups of one grouping as rows arrive: a cell per value, found by the row's group id, or else by the cell's text. */
class Grouping {
  readonly cells = new Map<string, GroupEntry>();
  readonly byText = new Map<string, GroupEntry>();
  /** Per group id of the scorer, the text it stood for and its cell: a row's cell is found by an array index. */
  readonly byId: ({ readonly text: string; readonly cell: number } | undefined)[] = [];

  constructor(
    readonly grouping: GroupBy,
    readonly newCell: () => number,
    readonly maxGroups: number,
  ) {}

  /** The cell of a row with group id `id` (or -1) and text `text`. */
  cellAt(id: number, text: string): number {
    if (id < 0 || id >= GROUP_ID_LIMIT) return this.cellOf(text);
    const known = this.byId[id];
    // The text is compared too: rows of another scorer may number their values otherwise.
    if (known !== undefined && known.text === text) return known.cell;
    const cell = this.cellOf(text);
    this.byId[id] = { text, cell };
    return cell;
  }

  cellOf(text: string): number {
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
        entry = { kind, label, cell: this.newCell() };
        this.cells.set(key, entry);
      }
      // Distinct spellings of one value (" Gent", "Gent") are remembered up to a bound; junk must not grow memory.
      if (this.byText.size < 4 * this.maxGroups) this.byText.set(text, entry);
    }
    return entry.cell;
  }

  ordered(): GroupEntry[] {
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
  const table = new CellTable(layout);
  const newCell = () => table.add();
  const overall = newCell();
  const groups = groupings.map((grouping) => new Grouping(grouping, newCell, Math.max(1, maxGroups)));
  const digest = new RowDigest(layout);
  const items = layout.compiled.keys.length;
  // Scores are kept in a byte in the buffer: a scale with a score above 127 adds each row at once.
  const buffer = groups.length > 0 && layout.largestIncrement <= 127 * 127 ? new RowBuffer(items, groups.length) : null;
  // Weights are summed relative to `weightScale`, a power of two near the largest weight seen, so
  // that huge weights (1e308) do not overflow the sums nor tiny ones underflow their squares.
  // Shares and the effective n are ratios: the scale cancels. One scale for every cell.
  let weightScale = 0;

  function relative(weight: number): number {
    if (!(weight > 0) || weight === Infinity) return 0;
    if (weight >= 2 * weightScale) {
      // Rows held were weighted on the old scale.
      buffer?.drain(table, digest);
      const scale = 2 ** Math.floor(Math.log2(weight));
      const factor = weightScale / scale;
      table.rescale(factor);
      weightScale = scale;
    }
    return weight / weightScale;
  }

  function add(row: RowEvent): void {
    const weight = layout.weighted ? relative(row.weight) : 0;
    const levels = row.levels.length > 0;
    // With groupings, the figures of all rows are summed from the first grouping's groups when
    // they are read (each row is in exactly one group of it): one replay per row and grouping.
    if (groups.length === 0) {
      digest.read(row, weight);
      table.apply(overall, digest, levels);
      return;
    }
    const texts = row.groups;
    if (texts === undefined || texts.length < groups.length) {
      throw new ScoringError('invalid_option', 'The rows carry no grouping columns: spread the summary\'s batchOptions into the batch scorer\'s options.', { path: 'by' });
    }
    const ids = row.groupIds;
    // A row of another scale's length is added at once, after the rows held.
    const held = buffer !== null && row.points.length === items && (row.levels.length === 0 || row.levels.length === items) ? buffer : null;
    if (held === null) {
      buffer?.drain(table, digest);
      digest.read(row, weight);
    }
    for (let index = 0; index < groups.length; index++) {
      const grouping = groups[index] as Grouping;
      const text = texts[index] as string;
      const cell = ids === undefined ? grouping.cellOf(text) : grouping.cellAt(ids[index] ?? -1, text);
      if (held === null) table.apply(cell, digest, levels);
      else {
        held.cells[held.length * groups.length + index] = cell;
        if (levels) table.levelsSeen[cell] = 1;
      }
    }
    if (held?.put(row, weight, layout) === true) held.drain(table, digest);
  }

  /** The figures of all rows: the overall cell, or the sum of the first grouping's groups. */
  function allRows(): SummaryFigures {
    if (groups.length === 0) return table.finish(overall, weightColumn, weightScale);
    const sum = new CellTable(layout);
    const cell = sum.add();
    for (const entry of (groups[0] as Grouping).cells.values()) sum.merge(cell, table, entry.cell);
    return sum.finish(cell, weightColumn, weightScale);
  }

  function finish(): BatchSummary {
    buffer?.drain(table, digest);
    const { rules } = layout.compiled;
    const method: SummaryMethod = {
      scaleName: scale.name,
      citation: scale.citation,
      items: scale.items.map((item) => ({ key: item.key, number: item.number, subscale: item.subscale, ...(item.points === undefined ? {} : { points: item.points }), text: item.text })),
      rules: rules.applied,
      range: perScore(layout.present, (score) => rules.scores[score]?.maximum as number),
      indicators: layout.indicators,
      answers: answerLevels,
    };
    return {
      scale: scale.id,
      method,
      groupings,
      minN,
      ...allRows(),
      groups: groups.flatMap((grouping) =>
        grouping.ordered().map(({ kind, label, cell }): GroupSummary => {
          const figures = table.finish(cell, weightColumn, weightScale);
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
