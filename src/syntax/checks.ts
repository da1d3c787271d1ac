import { type Coding, type ScaleDefinition, ScoringError, type ScoringErrorCode, agreement } from '../index.js';
import { type ScoringPlan, type SyntaxOptions, scoringPlan } from './plan.js';

// Generated code is a program: every value that reaches it is checked here first (numbers are
// safe integers, text has no character that could end a line or a comment), and each target
// then quotes names and strings by its own rules. These checks do not rely on the core having
// validated a coding: a coding object may arrive straight from a JSON file.

/**
 * Characters no string may carry into generated code: control characters (line breaks among
 * them, which would end a comment and start a command), Unicode line and paragraph separators,
 * lone surrogates (not encodable), and bidirectional overrides (which make code read otherwise
 * than it runs).
 */
const unsafeCharacters = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The same characters, everywhere in a text, for {@link commentSafe}. */
const unsafeCharactersGlobal = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu;

/** A text with every character that could end a line or mislead a reader replaced by a space. */
export function commentSafe(text: string): string {
  return text.replace(unsafeCharactersGlobal, ' ');
}

function refuse(code: ScoringErrorCode, message: string, value: unknown): never {
  throw new ScoringError(code, message, undefined, value);
}

/** A value shown in a message without its unsafe characters and without calling into it. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

/** A non-empty text without unsafe characters (see {@link unsafeCharacters}); `what` names it in the error. */
export function checkedText(value: unknown, what: string, code: ScoringErrorCode = 'invalid_option'): string {
  if (typeof value !== 'string' || value === '') refuse(code, `${what} must be a non-empty text; got ${shown(value)}.`, value);
  if (unsafeCharacters.test(value)) {
    refuse(code, `${what} ${shown(value)} holds a line break or another control character, which cannot be written into generated code.`, value);
  }
  return value;
}

/** A safe integer (a JavaScript number, not a numeric string); `what` names it in the error. */
export function checkedInteger(value: unknown, what: string, code: ScoringErrorCode = 'invalid_option'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) refuse(code, `${what} must be an integer; got ${shown(value)}.`, value);
  return value;
}

/**
 * A frozen copy of a coding object, each field read once and checked: a name, codes
 * written as decimal integers mapped to canonical answers, missing codes as integers (none also
 * an answer), `negativeCodesMissing` a boolean. Reading each field once means a getter cannot
 * show one value to the check and another to the generator. Preset names are returned as they
 * are: the core resolves them to its own frozen codings.
 */
function checkedCoding(coding: unknown): SyntaxOptions['coding'] {
  if (typeof coding === 'string' || coding === undefined) return coding as SyntaxOptions['coding'];
  const bad = (message: string, value: unknown): never => refuse('invalid_coding', message, value);
  if (typeof coding !== 'object' || coding === null || Array.isArray(coding)) bad(`A coding must be a preset name or a coding object; got ${shown(coding)}.`, coding);
  const { name, codes, missingCodes, negativeCodesMissing } = coding as Record<string, unknown>;
  // The name is written only into comments, which replace control characters by spaces.
  if (typeof name !== 'string' || name.trim() === '') bad(`A coding needs a name; got ${shown(name)}.`, name);
  const codingName = name as string;
  if (typeof codes !== 'object' || codes === null || Array.isArray(codes)) bad(`Coding ${shown(codingName)}: codes must be an object of code: answer.`, codes);
  const answers: Record<number, Coding['codes'][number]> = {};
  const entries = Object.entries(codes as object);
  if (entries.length === 0) bad(`Coding ${shown(codingName)} defines no codes.`, codes);
  for (const [key, answer] of entries) {
    const code = Number(key);
    if (!Number.isSafeInteger(code) || String(code) !== key) bad(`Coding ${shown(codingName)}: code ${shown(key)} is not an integer.`, key);
    if (typeof answer !== 'string' || !Object.hasOwn(agreement, answer)) {
      bad(`Coding ${shown(codingName)}: code ${code} maps to ${shown(answer)}, which is not a canonical answer (${Object.keys(agreement).join(', ')}).`, answer);
    }
    answers[code] = answer as Coding['codes'][number];
  }
  if (!Array.isArray(missingCodes)) bad(`Coding ${shown(codingName)}: missingCodes must be an array of integers.`, missingCodes);
  const missing = (missingCodes as unknown[]).map((code) => checkedInteger(code, `Coding ${shown(codingName)}: missing code`, 'invalid_coding'));
  for (const code of missing) if (Object.hasOwn(answers, code)) bad(`Coding ${shown(codingName)}: code ${code} is both an answer and missing.`, code);
  if (typeof negativeCodesMissing !== 'boolean') bad(`Coding ${shown(codingName)}: negativeCodesMissing must be true or false.`, negativeCodesMissing);
  if (negativeCodesMissing) {
    for (const key of Object.keys(answers)) if (Number(key) < 0) bad(`Coding ${shown(codingName)}: code ${key} is an answer, but negative codes are missing.`, key);
  }
  return Object.freeze({ name: codingName, codes: Object.freeze(answers), missingCodes: Object.freeze(missing), negativeCodesMissing: negativeCodesMissing as boolean });
}

/**
 * Every value of a plan that reaches generated code, checked: codes and numbers are safe
 * integers; names and labels carry no line break or other control character; item keys are
 * plain identifiers. Texts written only into comments (the coding name, item texts) are not
 * refused: comments replace such characters by spaces.
 */
function checkPlan(plan: ScoringPlan): void {
  const codes = (list: readonly unknown[], what: string): void => {
    for (const code of list) checkedInteger(code, what, 'invalid_coding');
  };
  codes(plan.answerCodes, 'An answer code');
  codes(plan.missingCodes, 'A missing code');
  if (typeof plan.coding.name !== 'string') refuse('invalid_coding', 'A coding needs a name.', plan.coding.name);
  if (typeof plan.coding.negativeCodesMissing !== 'boolean') refuse('invalid_coding', 'negativeCodesMissing must be true or false.', plan.coding.negativeCodesMissing);
  for (const { item, column, lonelyCodes, notLonelyCodes } of plan.items) {
    if (typeof item.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(item.key)) refuse('invalid_option', `Item key ${shown(item.key)} is not a plain identifier.`, item.key);
    checkedInteger(item.number, `Item "${item.key}": its number`);
    checkedText(column, `Item "${item.key}": the column name`);
    codes(lonelyCodes, `Item "${item.key}": a code`);
    codes(notLonelyCodes, `Item "${item.key}": a code`);
  }
  for (const score of plan.scores) {
    checkedText(score.output, `The ${score.score} score's name`);
    checkedInteger(score.tolerated, `The ${score.score} score's tolerated missing items`);
    checkedInteger(score.maximum, `The ${score.score} score's maximum`);
  }
  for (const category of plan.categories) {
    checkedText(category.output, 'A category name');
    checkedText(category.convention.name, 'A category convention name');
    for (const band of category.convention.bands) {
      for (const value of [band.min, band.max, band.code]) checkedInteger(value, `Convention "${category.convention.name}": a band's bound or code`);
      checkedText(band.label[plan.language], `Convention "${category.convention.name}": a band label`);
    }
  }
  checkedText(plan.invalidItems, 'The invalid-items name');
}

/**
 * The plan a generator writes from: the coding copied and checked before the library sees it,
 * the plan resolved by {@link scoringPlan}, then every value that reaches code checked. Throws
 * a `ScoringError`: `invalid_coding` for a coding object that is not a valid coding (codes not
 * integers, answers not canonical, missing codes not integers, …), `invalid_option` for options
 * that cannot be used, including any that made the resolution fail in another way. Internal to
 * the generators.
 */
export function checkedPlan<S extends ScaleDefinition>(scale: S, options: SyntaxOptions<S>): ScoringPlan {
  if (typeof options !== 'object' || options === null) refuse('invalid_option', 'Options must be an object with a coding.', options);
  const coding = checkedCoding(options.coding);
  let plan: ScoringPlan;
  try {
    plan = scoringPlan(scale, { ...options, coding } as SyntaxOptions<S>);
  } catch (error) {
    if (error instanceof ScoringError) throw error;
    // A value of an unexpected type (a column name that is a number, …) made resolution fail.
    return refuse('invalid_option', `The options cannot be used: ${error instanceof Error ? error.message : shown(error)}.`, options);
  }
  checkPlan(plan);
  return plan;
}
