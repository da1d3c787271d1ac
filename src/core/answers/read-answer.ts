import { ScoringError, type ScoringErrorCode, describeValue } from '../errors.js';
import type { Coding } from './codings.js';
import { didYouMean } from '../text/nearest.js';
import { agreement, answerLabels, readAnswerLabel } from './labels.js';

/**
 * Marks a missing answer where an agreement level (-2..2) is expected.
 * @internal
 */
export const MISSING_LEVEL = 9;

const NUMERIC = /^\s*[-+]?\d+(\.\d+)?\s*$/;

function fail(code: ScoringErrorCode, item: string, value: unknown, message: string): ScoringError {
  return new ScoringError(code, `Item "${item}": ${describeValue(value)} ${message}.`, { item, value });
}

/** Why a string is no answer: the nearest label for a likely typo, and every label read. */
function unknownLabel(value: string): string {
  const labels = Object.keys(answerLabels);
  return `is not an answer label${didYouMean(value, labels)}; labels, in any case: ${labels.join(', ')}`;
}

/**
 * The agreement level of one answer (2 = `yes!` … -2 = `no!`), {@link MISSING_LEVEL}, or why it
 * cannot be read — the one reader of answers, used by every scoring path.
 *
 * Labels are read without a coding; numbers, and numeric strings as CSV files hold them, only
 * through one (reference §2: codings are never guessed). `null`, `undefined`, `NaN` (how data
 * frames hold a missing value) and the empty or blank string are missing answers; a code the
 * coding declares missing, and any negative code where it says so (MANUAL §4), too. A number
 * that is not an integer is never a code: it is an error, as is anything that is neither a
 * string nor a number.
 * @internal
 */
export function readAnswer(value: unknown, item: string, coding: Coding | null): number | ScoringError {
  if (value === undefined || value === null) return MISSING_LEVEL;
  let code: number;
  if (typeof value === 'string') {
    const answer = readAnswerLabel(value);
    if (answer !== undefined) return agreement[answer];
    if (value.trim() === '') return MISSING_LEVEL;
    if (!NUMERIC.test(value)) return fail('unknown_answer', item, value, unknownLabel(value));
    code = Number(value);
  } else if (typeof value === 'number') {
    code = value;
  } else {
    return fail('invalid_type', item, value, 'is not an answer');
  }
  if (Number.isNaN(code)) return MISSING_LEVEL;
  if (coding === null) return fail('coding_required', item, value, 'is numeric: pass a coding');
  if (!Number.isInteger(code)) return fail('unknown_code', item, value, 'is not a whole-number code');
  const answer = Object.hasOwn(coding.codes, code) ? coding.codes[code] : undefined;
  if (answer !== undefined) return agreement[answer];
  if (coding.missingCodes.includes(code) || (coding.negativeCodesMissing && code < 0)) return MISSING_LEVEL;
  return fail('unknown_code', item, value, `is not in coding ${coding.name}`);
}
