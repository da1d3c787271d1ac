import type { ScoringError } from '../errors.js';
import type { CategoryBand, ItemKey, ScaleDefinition } from '../types.js';
import { type AppliedRules, type ResolvedRules, aggregate, bandOf } from './rules.js';

/** The points an item of scale `S` scores: 0 or 1, unless an item of `S` lists its own `points`. */
export type PointsOf<S extends ScaleDefinition> = [S['items'][number]['points']] extends [undefined] ? 0 | 1 : number;

/** The scores of one respondent. */
export interface ScoreResult<S extends ScaleDefinition = ScaleDefinition> {
  /** The scale scored (`djg6` or `djg11`). */
  readonly scale: S['id'];
  /**
   * Points per item, `null` when missing: on the De Jong Gierveld scales 1 for a lonely answer, 0
   * otherwise (MANUAL); on a scale whose items list their `points`, those.
   */
  readonly points: { readonly [P in ItemKey<S>]: PointsOf<S> | null };
  /** Total score, or `null` when more items are missing than the total tolerates. */
  readonly total: number | null;
  /** Emotional loneliness score, or `null` when more of its items are missing than tolerated. */
  readonly emotional: number | null;
  /** Social loneliness score, or `null` when more of its items are missing than tolerated. */
  readonly social: number | null;
  /** The total's category band, or `null` when the total is missing. */
  readonly category: CategoryBand | null;
  /** The emotional score's band, or `null` (missing score, or no subscale convention applied). */
  readonly emotionalCategory: CategoryBand | null;
  /** The social score's band, or `null` (missing score, or no subscale convention applied). */
  readonly socialCategory: CategoryBand | null;
  /** The items without a usable answer, in the scale's order. */
  readonly missingItems: readonly ItemKey<S>[];
  /** The rules applied. */
  readonly rules: AppliedRules;
}

/** The outcome of `safeScore`: the result, or the error `score` would throw. */
export type SafeScoreResult<S extends ScaleDefinition = ScaleDefinition> =
  | { readonly success: true; readonly data: ScoreResult<S> }
  | { readonly success: false; readonly error: ScoringError };

/** Builds a result; see {@link resultBuilder}. */
export type ResultBuilder<S extends ScaleDefinition> = (
  points: ScoreResult<S>['points'],
  missingItems: readonly ItemKey<S>[],
  totalSum: number,
  emotionalSum: number,
  socialSum: number,
  totalMissing: number,
  emotionalMissing: number,
  socialMissing: number,
) => ScoreResult<S>;

/**
 * The function that builds a result from item points and, per score (total, emotional, social),
 * the sum of the answered items' points and the number of missing items. Shared by the general
 * engine and the compiled fast path, so that both return the same shape, checked by the type
 * checker; the scores come from the rules' one aggregation rule.
 */
export function resultBuilder<S extends ScaleDefinition>(rules: ResolvedRules<S>): ResultBuilder<S> {
  const totalScore = rules.scores[0];
  const emotionalScore = rules.scores[1];
  const socialScore = rules.scores[2];
  const scale = rules.scale.id as S['id'];
  const applied = rules.applied;
  return (points, missingItems, totalSum, emotionalSum, socialSum, totalMissing, emotionalMissing, socialMissing) => {
    const total = aggregate(totalScore, totalSum, totalMissing);
    const emotional = aggregate(emotionalScore, emotionalSum, emotionalMissing);
    const social = aggregate(socialScore, socialSum, socialMissing);
    return {
      scale,
      points,
      total,
      emotional,
      social,
      category: bandOf(totalScore, total),
      emotionalCategory: bandOf(emotionalScore, emotional),
      socialCategory: bandOf(socialScore, social),
      missingItems,
      rules: applied,
    };
  };
}
