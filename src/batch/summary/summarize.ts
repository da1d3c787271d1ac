import type { CategoryBand, ScaleDefinition, ScoreOptions } from '../../index.js';
import { compileScale } from '../scoring/compile.js';
import type { RowEvent } from '../streams/options.js';
import { type Interval, wilsonInterval } from './wilson.js';

/** Mean and standard deviation of a score over the respondents who have it. */
export interface ScoreStatistics {
  /** Respondents with the score. */
  readonly n: number;
  /** Mean, or `null` when `n` is 0. */
  readonly mean: number | null;
  /** Sample standard deviation (n − 1), or `null` when `n` < 2. */
  readonly sd: number | null;
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

/** One category's prevalence among the respondents with a total score. */
export interface CategoryPrevalence {
  /** The band (id, code, min, max, labels). */
  readonly band: CategoryBand;
  /** Respondents in the band. */
  readonly count: number;
  /** Share of the scored respondents, 0–1. */
  readonly proportion: number | null;
  /** 95% Wilson interval of the share. */
  readonly interval: Interval | null;
  /** Weighted share, when a weight column is used. */
  readonly weightedProportion?: number | null;
  /** 95% Wilson interval of the weighted share, on the Kish effective sample size. */
  readonly weightedInterval?: Interval | null;
}

/** A batch summary: counts that reconcile, prevalence, score statistics and reliability. */
export interface BatchSummary {
  /** The scale's id. */
  readonly scale: string;
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
  /** The weights used, or `null`. `sum` is `Infinity` when it exceeds the largest number; shares and `effectiveN` stay exact. */
  readonly weights: { readonly column: string; readonly sum: number; readonly effectiveN: number; readonly missing: number } | null;
  /** Mean and SD of each score. */
  readonly scores: { readonly total: ScoreStatistics; readonly emotional: ScoreStatistics; readonly social: ScoreStatistics };
  /** KR-20 of the total and each subscale. */
  readonly reliability: { readonly total: Reliability; readonly emotional: Reliability; readonly social: Reliability };
}

/** Accumulates a {@link BatchSummary} row by row, in constant memory. */
export interface SummaryAccumulator {
  /** Adds one scored row. */
  readonly add: (row: RowEvent) => void;
  /** The summary of the rows added so far. */
  readonly finish: () => BatchSummary;
}

interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

interface ItemSet {
  readonly items: readonly number[];
  n: number;
  readonly itemSums: Float64Array;
  sum: number;
  sumSquares: number;
}

function statistics({ n, sum, sumSquares }: Moments): ScoreStatistics {
  const mean = n > 0 ? sum / n : null;
  const sd = n > 1 && mean !== null ? Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1))) : null;
  return { n, mean, sd };
}

/** KR-20 = k/(k−1) · (1 − Σ pᵢqᵢ / σ²), with population variances as in Kuder & Richardson (1937). */
function reliability(set: ItemSet): Reliability {
  const k = set.items.length;
  const { n } = set;
  if (n < 2 || k < 2) return { items: k, n, kr20: null };
  const mean = set.sum / n;
  const variance = set.sumSquares / n - mean * mean;
  if (!(variance > 1e-12)) return { items: k, n, kr20: null };
  let pq = 0;
  for (const total of set.itemSums) {
    const p = total / n;
    pq += p * (1 - p);
  }
  return { items: k, n, kr20: (k / (k - 1)) * (1 - pq / variance) };
}

/**
 * Creates a summary accumulator for a scale and its scoring options; feed it each row's event
 * (the `onRow` of a batch scorer) and read the summary at the end. Category prevalence comes with
 * 95% Wilson intervals; with a weight column, weighted shares with intervals on the Kish effective
 * sample size; reliability is KR-20 on the respondents who answered every item of the (sub)scale.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary } from 'loneliness-scales/batch';
 * const summary = createSummary(djg6);
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, onRow: summary.add }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\nnee,ja,ja,ja,nee,nee\n'));
 * scorer.end();
 * summary.finish().categories.map((category) => category.count); // [1, 1, 0]
 * ```
 */
export function createSummary(
  scale: ScaleDefinition,
  scoring?: ScoreOptions,
  weightColumn?: string,
): SummaryAccumulator {
  const compiled = compileScale(scale, scoring);
  const bands = [...new Set(compiled.totalScore.bands.filter((band): band is CategoryBand => band !== null))];
  const bandIndex = new Map(bands.map((band, index) => [band, index]));
  const counts = new Float64Array(bands.length);
  const weightSums = new Float64Array(bands.length);
  // Weights are summed relative to `weightScale`, a power of two near the largest weight seen, so
  // that huge weights (1e308) do not overflow the sums (Infinity / Infinity printed "NaN%") nor
  // tiny ones underflow their squares. Shares and the effective n are ratios: the scale cancels.
  let weightScale = 0;
  let weightSum = 0;
  let weightSquares = 0;
  let weightMissing = 0;
  let read = 0;
  let scored = 0;
  let bad = 0;
  const missing = { total: 0, emotional: 0, social: 0 };
  const moments = { total: { n: 0, sum: 0, sumSquares: 0 }, emotional: { n: 0, sum: 0, sumSquares: 0 }, social: { n: 0, sum: 0, sumSquares: 0 } };
  const all = compiled.keys.map((_, item) => item);
  const set = (items: number[]): ItemSet => ({ items, n: 0, itemSums: new Float64Array(items.length), sum: 0, sumSquares: 0 });
  const sets = {
    total: set(all),
    emotional: set(all.filter((item) => compiled.emotional[item] === 1)),
    social: set(all.filter((item) => compiled.emotional[item] === 0)),
  };

  function addMoments(target: Moments, value: number | null, key: 'total' | 'emotional' | 'social'): void {
    if (value === null) {
      missing[key]++;
      return;
    }
    target.n++;
    target.sum += value;
    target.sumSquares += value * value;
  }

  function addItems(target: ItemSet, points: Int8Array): void {
    let sum = 0;
    for (const item of target.items) {
      const point = points[item] as number;
      if (point !== 0 && point !== 1) return;
      sum += point;
    }
    target.n++;
    target.items.forEach((item, index) => (target.itemSums[index] = (target.itemSums[index] as number) + (points[item] as number)));
    target.sum += sum;
    target.sumSquares += sum * sum;
  }

  function add(row: RowEvent): void {
    const { scores, points } = row;
    read++;
    if (scores.errorCode !== null) bad++;
    addMoments(moments.total, scores.total, 'total');
    addMoments(moments.emotional, scores.emotional, 'emotional');
    addMoments(moments.social, scores.social, 'social');
    if (scores.errorCode === null) {
      addItems(sets.total, points);
      addItems(sets.emotional, points);
      addItems(sets.social, points);
    }
    if (scores.total === null || scores.category === null) return;
    scored++;
    const index = bandIndex.get(scores.category);
    if (index === undefined) return;
    counts[index] = (counts[index] as number) + 1;
    if (weightColumn !== undefined) {
      const { weight } = row;
      if (Number.isNaN(weight)) {
        weightMissing++;
      } else if (weight > 0) {
        const scale = 2 ** Math.floor(Math.log2(weight));
        if (scale > weightScale) {
          // Powers of two: rescaling is exact.
          const factor = weightScale / scale;
          for (let band = 0; band < weightSums.length; band++) weightSums[band] = (weightSums[band] as number) * factor;
          weightSum *= factor;
          weightSquares *= factor * factor;
          weightScale = scale;
        }
        const relative = weight / weightScale;
        weightSums[index] = (weightSums[index] as number) + relative;
        weightSum += relative;
        weightSquares += relative * relative;
      }
    }
  }

  function finish(): BatchSummary {
    const effectiveN = weightSquares > 0 ? (weightSum * weightSum) / weightSquares : 0;
    const categories = bands.map((band, index): CategoryPrevalence => {
      const count = counts[index] as number;
      const base = { band, count, proportion: scored > 0 ? count / scored : null, interval: wilsonInterval(count, scored) };
      if (weightColumn === undefined) return base;
      const share = weightSum > 0 ? (weightSums[index] as number) / weightSum : null;
      return { ...base, weightedProportion: share, weightedInterval: share === null ? null : wilsonInterval(share * effectiveN, effectiveN) };
    });
    return {
      scale: scale.id,
      read,
      scored,
      notScored: read - scored,
      bad,
      missing: { ...missing },
      categories,
      weights: weightColumn === undefined ? null : { column: weightColumn, sum: weightSum * weightScale, effectiveN, missing: weightMissing },
      scores: { total: statistics(moments.total), emotional: statistics(moments.emotional), social: statistics(moments.social) },
      reliability: { total: reliability(sets.total), emotional: reliability(sets.emotional), social: reliability(sets.social) },
    };
  }

  return { add, finish };
}
