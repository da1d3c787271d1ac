import type { Answers, RuntimeAnswer } from '../types.js';

/**
 * Marks a string known only at run time — read from a file, a form field, a database — as an
 * answer, for `score`'s typed answers. Nothing is checked here and nothing is changed: `score`
 * reads the value as it reads every answer (a label in any case, a numeric code with a coding)
 * and throws a `ScoringError` naming the item and the value if it is no answer. Literals in code
 * need no marking (`'yes'`, `'min of meer'`) and are checked by the compiler.
 *
 * @example
 * ```ts
 * import { asAnswer, djg6, score } from 'loneliness-scales';
 * const fromForm: string = 'Ja';
 * score(djg6, { emptiness: asAnswer(fromForm), leanOn: 'nee', trust: 'nee', closeTo: 'nee', missPeople: 'nee', rejected: 'nee' }).total; // 4
 * ```
 */
export function asAnswer(value: string): RuntimeAnswer {
  return value as RuntimeAnswer;
}

/**
 * Marks a record whose values are known only at run time (a database row, parsed JSON, a CSV
 * record) as answers, for `score`. Nothing is checked here: `score` checks every key and value
 * and throws a `ScoringError` naming what it cannot read (use `unknownKeys: 'ignore'` for a row
 * that holds other columns too). `safeScore` takes `unknown` and needs no marking.
 *
 * @example
 * ```ts
 * import { asAnswers, djg6, score } from 'loneliness-scales';
 * const row: Record<string, unknown> = { id: 7, emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 };
 * score(djg6, asAnswers(row), { coding: 'manual', unknownKeys: 'ignore' }).total; // 4
 * ```
 */
export function asAnswers(record: Readonly<Record<string, unknown>>): Answers {
  return record as Answers;
}
