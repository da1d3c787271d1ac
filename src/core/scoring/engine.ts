import { type Coding, resolveCoding } from '../answers/codings.js';
import { agreement, answerLabels, readAnswerLabel } from '../answers/labels.js';
import { ScoringError, type ScoringErrorCode, describeValue } from '../errors.js';
import { itemBank } from '../scales/items.js';
import type { CategoryBand, ItemKey, MissingRules, ScaleDefinition } from '../types.js';
import { bandsByScore, resolveConvention } from './categories.js';
import { compileFastPath } from './compiled.js';
import { resolveMissingRules } from './missing-rules.js';
import type { ScoreOptions } from './options.js';

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

/** The scores of one respondent. */
export interface ScoreResult<S extends ScaleDefinition = ScaleDefinition> {
  /** The scale scored (`djg6` or `djg11`). */
  readonly scale: S['id'];
  /** Points per item: 1 for a lonely answer, 0 otherwise, `null` when missing (MANUAL). */
  readonly points: { readonly [P in ItemKey<S>]: 0 | 1 | null };
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

/** Scores one answer object; returns the error instead of throwing it. */
export type Engine<S extends ScaleDefinition> = (answers: unknown) => ScoreResult<S> | ScoringError;

const hasOwn = Object.prototype.hasOwnProperty;
const bankKeys = new Set<string>(itemBank.map((item) => item.key));
/** Agreement level of each label exactly as listed in `answerLabels`. */
const exactLabels = new Map<string, number>(Object.entries(answerLabels).map(([label, answer]) => [label, agreement[answer]]));
const NUMERIC = /^\s*[-+]?\d+(\.\d+)?\s*$/;
/** Marks a missing answer where an agreement level (-2..2) is expected. */
const MISSING = 9;

function fail(code: ScoringErrorCode, item: string, value: unknown, message: string): ScoringError {
  return new ScoringError(code, `Item "${item}": ${describeValue(value)} ${message}.`, item, value);
}

/**
 * Agreement level of one answer (2 = `yes!` … -2 = `no!`), `MISSING`, or why it cannot be read.
 * Labels are read without a coding; numbers, and numeric strings as CSV files hold them, only
 * through one (reference §2: codings are never guessed).
 */
function readAnswer(value: unknown, item: string, coding: Coding | undefined): number | ScoringError {
  if (value === undefined || value === null) return MISSING;
  let code: number;
  if (typeof value === 'string') {
    const answer = readAnswerLabel(value);
    if (answer !== undefined) return agreement[answer];
    if (value.trim() === '') return MISSING;
    if (!NUMERIC.test(value)) return fail('unknown_answer', item, value, 'is not an answer label');
    code = Number(value);
  } else if (typeof value === 'number') {
    code = value;
  } else {
    return fail('invalid_type', item, value, 'is not an answer');
  }
  // NaN is how data frames hold a missing value.
  if (Number.isNaN(code)) return MISSING;
  if (coding === undefined) return fail('coding_required', item, value, 'is numeric: pass a coding');
  const answer = coding.codes[code];
  if (answer !== undefined) return agreement[answer];
  // MANUAL §4: any negative code is a missing answer (where the coding says so).
  if (coding.missingCodes.includes(code) || (coding.negativeCodesMissing && code < 0)) return MISSING;
  return fail('unknown_code', item, value, `is not in coding ${coding.name}`);
}

/**
 * Builds the scoring function for a scale and options: everything that does not depend on the
 * answers (keys, wording, rules, category tables) is resolved once, here.
 */
export function createEngine<S extends ScaleDefinition>(scale: S, options?: ScoreOptions<S>): Engine<S> {
  const { items, range } = scale;
  const coding = options?.coding === undefined ? undefined : resolveCoding(options.coding);
  const missing = resolveMissingRules(scale, options);
  const totalConvention = resolveConvention(scale.categories.total, options?.categories?.total);
  const subscaleConvention = resolveConvention(scale.categories.subscale, options?.categories?.subscale);
  const totalBands = bandsByScore(totalConvention, range.total);
  const subscaleBands = bandsByScore(subscaleConvention, Math.max(range.emotional, range.social));
  const rules: AppliedRules = Object.freeze({
    coding: coding?.name ?? null,
    missing,
    totalCategories: totalConvention?.name ?? '',
    subscaleCategories: subscaleConvention?.name ?? null,
  });

  const keys = items.map((item) => item.key as string);
  const count = keys.length;
  const negative = items.map((item) => item.wording === 'negative');
  const emotional = items.map((item) => item.subscale === 'emotional');
  // Results share one shape: a points object cloned from this template keeps its hidden class.
  const template: Record<string, 0 | 1 | null> = {};
  for (const key of keys) template[key] = null;

  const fast = compileFastPath({ scale: scale.id, keys, negative, emotional, labels: exactLabels, totalBands, subscaleBands, rules });

  return (answers) => {
    if (fast !== undefined && typeof answers === 'object' && answers !== null) {
      const result = fast(answers);
      if (result !== undefined) return result as ScoreResult<S>;
    }
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
      return new ScoringError('invalid_answers', `Answers must be an object, not ${describeValue(answers)}.`, undefined, answers);
    }
    const record = answers as Record<string, unknown>;
    // Plain objects inherit no item keys, so their values are read directly; for any other
    // prototype only own properties are read.
    const plain = Object.getPrototypeOf(record) === Object.prototype;
    const points = { ...template };
    const missingItems: string[] = [];
    let known = 0;
    let emotionalSum = 0;
    let socialSum = 0;
    let emotionalMissing = 0;
    let socialMissing = 0;
    for (let index = 0; index < count; index++) {
      const key = keys[index] as string;
      let value = record[key];
      if (plain ? value !== undefined || hasOwn.call(record, key) : hasOwn.call(record, key)) known++;
      else value = undefined;
      // Fast path: a label exactly as listed; everything else goes through readAnswer.
      let level = typeof value === 'string' ? exactLabels.get(value) : undefined;
      if (level === undefined) {
        const read = readAnswer(value, key, coding);
        if (typeof read !== 'number') return read;
        level = read;
      }
      if (level === MISSING) {
        missingItems.push(key);
        if (emotional[index]) emotionalMissing++;
        else socialMissing++;
      } else {
        // MANUAL §3: the neutral answer scores 1 on every item; agreeing is lonely on negatively
        // worded (emotional) items, disagreeing on positively worded ones (social).
        const point = (negative[index] ? level >= 0 : level <= 0) ? 1 : 0;
        points[key] = point;
        if (emotional[index]) emotionalSum += point;
        else socialSum += point;
      }
    }
    // Every own key must be an item of the bank: `__proto__`, `constructor` and the like are
    // unknown items. Keys beyond the scale's own are checked only when there are any.
    const ownKeys = Object.keys(record);
    if (ownKeys.length !== known) {
      for (const key of ownKeys) if (!bankKeys.has(key)) return fail('unknown_item', key, key, 'is not an item');
    }
    // MANUAL §4: a score is missing when more of its items are missing than its rule tolerates;
    // otherwise it is the plain count over the answered items (no prorating).
    const total = missingItems.length <= missing.total ? emotionalSum + socialSum : null;
    const emotionalScore = emotionalMissing <= missing.subscale ? emotionalSum : null;
    const socialScore = socialMissing <= missing.subscale ? socialSum : null;
    return {
      scale: scale.id,
      points: points as ScoreResult<S>['points'],
      total,
      emotional: emotionalScore,
      social: socialScore,
      category: bandOf(totalBands, total),
      emotionalCategory: bandOf(subscaleBands, emotionalScore),
      socialCategory: bandOf(subscaleBands, socialScore),
      missingItems: missingItems as ItemKey<S>[],
      rules,
    };
  };
}

function bandOf(bands: readonly (CategoryBand | null)[], value: number | null): CategoryBand | null {
  return value === null ? null : (bands[value] ?? null);
}
