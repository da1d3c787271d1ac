import { type CategoryBand, type ScoringErrorCode, _aggregate as aggregate, _bandOf as bandOf, _tally as tally } from '../../index.js';
import { type CompiledScale, MISSING_POINT } from './compile.js';

/**
 * The scores of one row of a batch. Unlike the core's result it is flat, and a row that cannot be
 * scored is a value too: its scores are `null` and `reason` says why.
 */
export interface RowScores {
  /** Total score, or `null`. */
  total: number | null;
  /** Emotional loneliness score, or `null`. */
  emotional: number | null;
  /** Social loneliness score, or `null`. */
  social: number | null;
  /** The total's category band, or `null`. */
  category: CategoryBand | null;
  /** Number of the scale's items without a usable answer (`null` when the row has an invalid answer). */
  missingItems: number | null;
  /** Why the total could not be scored, or `null` when it was. */
  reason: string | null;
  /** The core's error code when an answer (or the row itself) is invalid, or `null`. */
  errorCode: ScoringErrorCode | 'malformed_row' | null;
}

/**
 * A fresh, empty {@link RowScores}.
 *
 * @example
 * ```ts
 * import { emptyRowScores } from 'loneliness-scales/batch/internal';
 * emptyRowScores().total; // null
 * ```
 */
export function emptyRowScores(): RowScores {
  return { total: null, emotional: null, social: null, category: null, missingItems: null, reason: null, errorCode: null };
}

/**
 * Scores one row from its item points (0, 1, `MISSING_POINT`, or `INVALID_POINT` with the error in `compiled.lastErrors`), writing into `out`.
 * The same rules as the core's engine: the first invalid answer in the scale's order makes the
 * row unscorable; a score is missing when more of its items are missing than its rule tolerates,
 * otherwise the plain count over the answered items (MANUAL §4).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { compileScale, emptyRowScores, scoreRowPoints } from 'loneliness-scales/batch/internal';
 * const compiled = compileScale(djg6);
 * const out = scoreRowPoints(compiled, Int8Array.of(1, 0, 0, 1, 1, 1), emptyRowScores());
 * out.total; // 4
 * ```
 */
export function scoreRowPoints(compiled: CompiledScale, points: ArrayLike<number>, out: RowScores): RowScores {
  const { memberships, totalScore, emotionalScore, socialScore } = compiled;
  const invalid = tally(memberships, points, MISSING_POINT, sums);
  if (invalid !== -1) return invalidRow(compiled, invalid, out);
  const totalMissing = sums[3] as number;
  out.missingItems = totalMissing;
  out.errorCode = null;
  out.emotional = aggregate(emotionalScore, sums[1] as number, sums[4] as number);
  out.social = aggregate(socialScore, sums[2] as number, sums[5] as number);
  const total = aggregate(totalScore, sums[0] as number, totalMissing);
  out.total = total;
  out.category = bandOf(totalScore, total);
  out.reason = total === null ? `${totalMissing} of ${memberships.length} items missing; the total allows ${totalScore.tolerance}` : null;
  return out;
}

/** The sums and missing counts of the three scores (total, emotional, social), reused row after row. */
const sums = new Int32Array(6);

function invalidRow(compiled: CompiledScale, item: number, out: RowScores): RowScores {
  const error = compiled.lastErrors[item];
  out.total = out.emotional = out.social = out.category = out.missingItems = null;
  out.errorCode = error?.code ?? 'invalid_answers';
  out.reason = error?.message ?? 'Invalid answer.';
  return out;
}

/**
 * Marks `out` as a row that could not be read (ragged, unterminated quote, bad JSON).
 *
 * @example
 * ```ts
 * import { emptyRowScores, malformedRow } from 'loneliness-scales/batch/internal';
 * malformedRow(emptyRowScores(), 'ragged row').errorCode; // 'malformed_row'
 * ```
 */
export function malformedRow(out: RowScores, reason: string): RowScores {
  out.total = out.emotional = out.social = out.category = out.missingItems = null;
  out.errorCode = 'malformed_row';
  out.reason = reason;
  return out;
}
