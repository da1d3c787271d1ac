import type { Coding } from '../answers/codings.js';
import { MISSING_LEVEL, readAnswer } from '../answers/read-answer.js';
import { ScoringError, describeValue } from '../errors.js';
import { deepFreeze } from '../freeze.js';
import type { CanonicalAnswer, CategoryBand, CategoryConvention, Item, ItemKey, MissingRules, ScaleDefinition } from '../types.js';
import { type CheckedOptions, checkOptions } from './options.js';

/** The rules a result was computed with, so that every result says how it was obtained. */
export interface AppliedRules {
  /** The coding numeric answers were read with, or `null` when none was given. */
  readonly coding: string | null;
  /** The missing-answer rules. */
  readonly missing: MissingRules;
  /** The total's category convention. */
  readonly totalCategories: string;
  /** The subscales' category convention, or `null` when none is applied. */
  readonly subscaleCategories: string | null;
}

/** The name of a score: the total, or a subscale. */
export type ScoreName = 'total' | 'emotional' | 'social';

/** One score of a resolved plan: which items it counts, what it tolerates, how it is banded. */
export interface ResolvedScore {
  /** The score's name. */
  readonly name: ScoreName;
  /** Positions (in the scale's item order) of the items the score counts. */
  readonly items: readonly number[];
  /** Most missing items with which the score is still computed (MANUAL §4); -1 for a score without items, which is always missing. */
  readonly tolerance: number;
  /** The highest possible score. */
  readonly maximum: number;
  /** The category convention applied, or `null` for none. */
  readonly convention: CategoryConvention | null;
  /** The band of each score value (index = score), `null` where no band applies. */
  readonly bands: readonly (CategoryBand | null)[];
}

/**
 * A scale and options resolved once into the rules every path reads: the engine, its compiled
 * fast path, batch rows, columnar scoring and the SPSS/R/SQL generators. Frozen.
 */
export interface ResolvedRules<S extends ScaleDefinition = ScaleDefinition> {
  /** The scale. */
  readonly scale: S;
  /** The item keys, in the scale's order. */
  readonly keys: readonly ItemKey<S>[];
  /**
   * Points of each item (by position) for each agreement level, indexed by level + 2:
   * `[no!, no, more or less, yes, yes!]`; -1 (`NOT_OFFERED`) for an answer the item does not
   * offer. De Jong Gierveld items (MANUAL §3): the neutral answer scores 1 on every item;
   * agreeing is lonely on negatively worded items, disagreeing on positively worded ones. Items
   * with `points` in their definition score those.
   */
  readonly points: readonly (readonly number[])[];
  /** The scores, in the order total, emotional, social. */
  readonly scores: readonly [ResolvedScore, ResolvedScore, ResolvedScore];
  /** The scores the scale has, in the same order: the total and each subscale with items. */
  readonly presentScores: readonly ResolvedScore[];
  /** Per item (by position), one bit per score that counts it (bit i: `scores[i]`). */
  readonly memberships: readonly number[];
  /** The coding numeric answers are read with, or `null` (numeric answers are then an error). */
  readonly coding: Coding | null;
  /** The rules as results report them. */
  readonly applied: AppliedRules;
}

/** The answers by agreement level, lowest first: `no!` (-2) … `yes!` (2). */
const ANSWERS_BY_LEVEL: readonly CanonicalAnswer[] = ['no!', 'no', 'more or less', 'yes', 'yes!'];

/**
 * Points in the rules' table for an answer the item does not offer (an item whose definition
 * lists its `points` without that answer): scoring it is an `unknown_answer` error.
 */
export const NOT_OFFERED = -1;

/**
 * The points of an answer at an agreement level (-2..2) on an item: from the item's `points`
 * where its definition gives them ({@link NOT_OFFERED} for an answer not listed); otherwise by
 * its wording (MANUAL §3): the neutral answer (level 0) scores 1 on every item; agreeing is
 * lonely on negatively worded items, disagreeing on positively worded ones.
 */
function pointsOf(item: Item, level: number): number {
  if (item.points !== undefined) return item.points[ANSWERS_BY_LEVEL[level + 2] as CanonicalAnswer] ?? NOT_OFFERED;
  return (item.wording === 'negative' ? level >= 0 : level <= 0) ? 1 : 0;
}

/**
 * The error for an answer the item does not offer (its points are {@link NOT_OFFERED}).
 * @internal
 */
export function notOffered(item: string, value: unknown): ScoringError {
  return new ScoringError('unknown_answer', `Item "${item}": ${describeValue(value)} is not an answer this item offers.`, { item, value });
}

/**
 * A score from the sum of its answered items' points and its number of missing items
 * (MANUAL §4): missing (`null`) when more items are missing than it tolerates, otherwise the
 * plain count over the answered items — never prorated. The one place this rule is written.
 * @internal
 */
export function aggregate(score: ResolvedScore, sum: number, missing: number): number | null {
  return missing <= score.tolerance ? sum : null;
}

/**
 * The one tally of item points into scores (MANUAL §4: a score counts its answered items' points
 * and its missing items). For each item (by position), its points are added to every score its
 * membership bits name (bit i: `scores[i]`, three scores), or, when they equal `missing`, it
 * counts as missing in each. Writes the sums to `out[0 … 2]` and the missing counts to
 * `out[3 … 5]`, and returns the position of the first item with negative points (an invalid
 * answer), or -1.
 *
 * @example
 * ```ts
 * import { _tally, djg6, resolveRules } from 'loneliness-scales';
 * const sums = new Int32Array(6);
 * // Points 1, 0, missing (9), 1, 1, 1 on the six items; -1: no item is invalid.
 * _tally(resolveRules(djg6).memberships, [1, 0, 9, 1, 1, 1], 9, sums); // -1
 * sums[0]; // 4
 * sums[3]; // 1
 * ```
 * @internal
 */
export function tally(memberships: ArrayLike<number>, points: ArrayLike<number>, missing: number, out: Int32Array): number {
  // Local sums: this runs once per respondent in batch scoring.
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let missing0 = 0;
  let missing1 = 0;
  let missing2 = 0;
  for (let item = 0; item < memberships.length; item++) {
    const point = points[item] as number;
    const member = memberships[item] as number;
    if (point === missing) {
      missing0 += member & 1;
      missing1 += (member >> 1) & 1;
      missing2 += (member >> 2) & 1;
    } else {
      if (point < 0) return item;
      if (member & 1) sum0 += point;
      if (member & 2) sum1 += point;
      if (member & 4) sum2 += point;
    }
  }
  out[0] = sum0;
  out[1] = sum1;
  out[2] = sum2;
  out[3] = missing0;
  out[4] = missing1;
  out[5] = missing2;
  return -1;
}

/**
 * The band of a score value, or `null` (missing score, or no band).
 * @internal
 */
export function bandOf(score: ResolvedScore, value: number | null): CategoryBand | null {
  return value === null ? null : (score.bands[value] ?? null);
}

function bandsByScore(convention: CategoryConvention | null, maximum: number): readonly (CategoryBand | null)[] {
  const table: (CategoryBand | null)[] = [];
  for (let value = 0; value <= maximum; value++) {
    table.push(convention?.bands.find((band) => band.min <= value && value <= band.max) ?? null);
  }
  return table;
}

/**
 * Resolves a scale and scoring options into the rules every scoring path reads (see
 * {@link ResolvedRules}). Checks the options first and throws a `ScoringError`
 * (`invalid_option` or `invalid_coding`, with the option's `path`) for anything not as documented.
 *
 * @example
 * ```ts
 * import { djg6, resolveRules } from 'loneliness-scales';
 * const rules = resolveRules(djg6, { coding: 'manual' });
 * rules.scores[0].tolerance;          // 1 — the 6-item total tolerates one missing item (MANUAL)
 * rules.points[0];                    // [0, 0, 1, 1, 1] — emptiness: no!, no, more or less, yes, yes!
 * rules.scores[1].items.map((i) => rules.keys[i]); // ['emptiness', 'missPeople', 'rejected']
 * ```
 */
export function resolveRules<S extends ScaleDefinition>(scale: S, options?: unknown): ResolvedRules<S> {
  return rulesOf(scale, checkOptions(scale, options));
}

/** Resolves a scale and options already checked by `checkOptions`. */
export function rulesOf<S extends ScaleDefinition>(scale: S, checked: CheckedOptions): ResolvedRules<S> {
  const { items, range } = scale;
  const positions = (subscale: 'emotional' | 'social') =>
    items.flatMap((item, index) => (item.subscale === subscale ? [index] : []));
  const score = (name: ScoreName, members: number[], tolerance: number, maximum: number, convention: CategoryConvention | null): ResolvedScore => ({
    name,
    items: members,
    // A score without items (a scale without that subscale) is always missing.
    tolerance: members.length === 0 ? -1 : tolerance,
    maximum,
    convention,
    bands: bandsByScore(convention, maximum),
  });
  const scores = [
    score('total', items.map((_, index) => index), checked.missing.total, range.total, checked.totalConvention),
    score('emotional', positions('emotional'), checked.missing.subscale, range.emotional, checked.subscaleConvention),
    score('social', positions('social'), checked.missing.subscale, range.social, checked.subscaleConvention),
  ] as const;
  return deepFreeze({
    scale,
    keys: items.map((item) => item.key as ItemKey<S>),
    points: items.map((item) => [-2, -1, 0, 1, 2].map((level) => pointsOf(item, level))),
    scores: [...scores],
    presentScores: scores.filter((entry) => entry.items.length > 0),
    memberships: items.map((_, index) => scores.reduce((bits, { items: members }, bit) => (members.includes(index) ? bits | (1 << bit) : bits), 0)),
    coding: checked.coding,
    applied: {
      coding: checked.coding?.name ?? null,
      missing: checked.missing,
      totalCategories: checked.totalConvention?.name ?? '',
      subscaleCategories: checked.subscaleConvention?.name ?? null,
    },
  }) as ResolvedRules<S>;
}

/**
 * The points of one answer on the item at `position` under the rules (0 or 1 on De Jong Gierveld
 * items), `null` for a missing answer, or the error that makes it unreadable or not offered. For
 * adapters that judge one answer at a time (form validation, FHIR answer weights, batch code
 * tables).
 * @internal
 */
export function itemPoints(rules: ResolvedRules, position: number, value: unknown): number | null | ScoringError {
  const key = rules.keys[position] as string;
  const level = readAnswer(value, key, rules.coding);
  if (typeof level !== 'number') return level;
  if (level === MISSING_LEVEL) return null;
  const points = (rules.points[position] as readonly number[])[level + 2] as number;
  return points === NOT_OFFERED ? notOffered(key, value) : points;
}
