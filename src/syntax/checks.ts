import { type ScaleDefinition, ScoringError, type ScoringErrorCode } from '../index.js';
import { type ScoringPlan, type SyntaxOptions, scoringPlan } from './plan.js';

// Generated code is a program: every value that reaches it is checked here first (numbers are
// safe integers, text has no character that could end a line or a comment), and each target
// then quotes names and strings by its own rules. These checks do not rely on the core having
// validated every value: a scale definition or option may arrive straight from a JSON file.

/**
 * Characters no string may carry into generated code: control characters (line breaks among
 * them, which would end a comment and start a command), Unicode line and paragraph separators,
 * lone surrogates (not encodable), and bidirectional overrides (which make code read otherwise
 * than it runs).
 */
const unsafeCharacters = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The same characters, every run of them in a text, for {@link commentSafe}. */
const unsafeCharactersGlobal = new RegExp(`${unsafeCharacters.source}+`, 'gu');

/** A text with every character that could end a line or mislead a reader replaced by a space. */
export function commentSafe(text: string): string {
  return text.replace(unsafeCharactersGlobal, ' ');
}

function refuse(code: ScoringErrorCode, message: string, value: unknown): never {
  throw new ScoringError(code, message, { value });
}

/** A value shown in a message, without calling into it. */
const shown = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? 'an object' : String(value);

/** A non-empty text without unsafe characters (see {@link unsafeCharacters}); `what` names it in the error. */
export function checkedText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '' || unsafeCharacters.test(value)) {
    refuse('invalid_option', `${what} must be a non-empty text without line breaks or control characters; got ${shown(value)}.`, value);
  }
  return value;
}

/** A safe integer (a JavaScript number, not a numeric string); `what` names it in the error. */
function checkedInteger(value: unknown, what: string, code: ScoringErrorCode = 'invalid_option'): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) refuse(code, `${what} must be an integer; got ${shown(value)}.`, value);
}

/**
 * Every value of a plan that reaches generated code, checked: codes and numbers are safe
 * integers; names and labels carry no line break or other control character; item keys are
 * plain identifiers. Texts written only into comments (the coding name, item texts) are not
 * refused: comments replace such characters by spaces.
 */
function checkPlan(plan: ScoringPlan): void {
  const itemCodes = plan.items.flatMap((item) => [...item.points.flatMap(({ codes }) => codes), ...item.answerCodes, ...item.notOfferedCodes]);
  for (const code of [...plan.answerCodes, ...plan.missingCodes, ...itemCodes]) {
    checkedInteger(code, 'A code', 'invalid_coding');
  }
  const numbers: unknown[] = plan.items.flatMap((item) => item.points.map(({ points }) => points));
  for (const { item, column } of plan.items) {
    if (typeof item.key !== 'string' || !/^[A-Za-z]\w{0,62}$/.test(item.key)) refuse('invalid_option', `Item key ${shown(item.key)} is not a plain identifier.`, item.key);
    checkedText(column, `Item "${item.key}": the column name`);
    numbers.push(item.number);
  }
  for (const score of plan.scores) {
    checkedText(score.output, `The ${score.score} score's name`);
    numbers.push(score.tolerated, score.maximum);
  }
  for (const { output, convention } of plan.categories) {
    checkedText(output, 'A category name');
    for (const band of convention.bands) {
      numbers.push(band.min, band.max, band.code);
      checkedText(band.label[plan.language], `Convention "${convention.name}": a band label`);
    }
  }
  for (const number of numbers) checkedInteger(number, 'A number of the scale or the missing-answer rules');
  checkedText(plan.invalidItems, 'The invalid-items name');
}

/**
 * The plan a generator writes from: resolved by {@link scoringPlan} (the core checks the coding
 * as `defineCoding` does), then every value that reaches code checked. Throws
 * a `ScoringError`: `invalid_coding` for a coding object that is not a valid coding (codes not
 * integers, answers not canonical, missing codes not integers, …), `invalid_option` for options
 * that cannot be used, including any that made the resolution fail in another way. Internal to
 * the generators.
 */
export function checkedPlan<S extends ScaleDefinition>(scale: S, options: SyntaxOptions<S>): ScoringPlan {
  if (typeof options !== 'object' || options === null) refuse('invalid_option', 'Options must be an object with a coding.', options);
  let plan: ScoringPlan;
  try {
    // The core checks the coding (a copy, each field read once) exactly as defineCoding does.
    plan = scoringPlan(scale, options);
  } catch (error) {
    if (error instanceof ScoringError) throw error;
    // A value of an unexpected type (a column name that is a number, …) made resolution fail.
    return refuse('invalid_option', `The options cannot be used: ${error instanceof Error ? error.message : shown(error)}.`, options);
  }
  checkPlan(plan);
  return plan;
}
