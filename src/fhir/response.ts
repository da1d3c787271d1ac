import type { QuestionnaireResponse } from 'fhir/r4.js';
import { ScoringError, agreement, safeScore } from '../index.js';
import type { AnswerValue, Answers, SafeScoreResult, ScaleDefinition, ScoreOptions, ScoreResult } from '../index.js';
import { fhirUrls } from './canonical.js';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as an error message shows it: briefly, and never by calling into it. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value === 'function' ? 'a function' : String(value);
}

const malformed = (message: string, item?: string, value?: unknown): ScoringError => new ScoringError('invalid_answers', message, { item, value });

/** The codes of {@link fhirUrls.answers}, exactly as written: the code system is case-sensitive. */
const answerCodes = Object.keys(agreement);

/**
 * What one answer holds for the core scorer, or why it cannot be read.
 *
 * - A `valueCoding` in {@link fhirUrls.answers}, or without a system, is read by its code alone,
 *   which must be one of the system's codes exactly (`yes`, not `YES` or `ja`): the code system
 *   is case-sensitive, and a display never overrides a code. A coding with no code is an error,
 *   not a missing answer (a missing answer is an item without `answer`).
 * - A `valueCoding` of another system is read by its display text (a label such as
 *   `"min of meer"`), or its code when it has none; either must be text.
 * - A `valueString` (text), `valueInteger` (an integer) or `valueDecimal` (a finite number) is
 *   passed on as it is, or refused when it is not of its type; any other answer is passed on for
 *   the core to reject (`invalid_type`).
 */
function answerValue(answer: Node, linkId: string): unknown {
  const values = Object.keys(answer).filter((key) => key.startsWith('value'));
  if (values.length > 1) return malformed(`Item "${linkId}": an answer holds more than one value (${values.join(', ')}).`, linkId, values);
  if (!('valueCoding' in answer)) {
    // Each value[x] must have its FHIR type: a number in valueString would otherwise be read as a code.
    const typed: [string, (value: unknown) => boolean][] = [
      ['valueString', (value) => typeof value === 'string'],
      ['valueInteger', Number.isInteger],
      ['valueDecimal', Number.isFinite],
    ];
    for (const [key, test] of typed) {
      if (key in answer) return test(answer[key]) ? answer[key] : malformed(`Item "${linkId}": ${key} is ${shown(answer[key])}.`, linkId, answer[key]);
    }
    return answer;
  }
  const coding = answer.valueCoding;
  if (!isNode(coding)) return malformed(`Item "${linkId}": valueCoding is ${shown(coding)}, not a Coding.`, linkId, coding);
  const { system, code, display } = coding;
  if (system !== undefined && typeof system !== 'string') return malformed(`Item "${linkId}": the coding's system is ${shown(system)}, not a URI.`, linkId, system);
  if (system === undefined || system === fhirUrls.answers) {
    if (code === undefined) return malformed(`Item "${linkId}": the coding has no code (an unanswered item has no answer).`, linkId, coding);
    if (typeof code !== 'string' || !answerCodes.includes(code)) {
      return new ScoringError('unknown_answer', `Item "${linkId}": ${shown(code)} is not a code of ${fhirUrls.answers} (case-sensitive: ${answerCodes.join(', ')}).`, { item: linkId, value: code });
    }
    return code;
  }
  const text = display ?? code;
  if (typeof text !== 'string') return malformed(`Item "${linkId}": a coding of ${system} needs a display text.`, linkId, coding);
  return text;
}

/**
 * Reads a QuestionnaireResponse into the answers `score` takes: items are matched by `linkId`
 * (the item key), at any depth; items of other linkIds (calculated scores, display items) are
 * ignored, but every item must be well formed. Returns a {@link ScoringError} instead of
 * throwing: `invalid_answers` for a resource that is not a QuestionnaireResponse, an `item` or
 * `answer` that is not an array of objects, an item without a string `linkId`, an item object
 * met twice (a cycle), an item given twice, an item with more than one answer, an answer with
 * more than one value, or a coding without a code; `unknown_answer` for a code that is not one of
 * {@link fhirUrls.answers} (read exactly, as the code system is case-sensitive).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { readQuestionnaireResponse } from 'loneliness-scales/fhir';
 * readQuestionnaireResponse(djg6, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'emptiness', answer: [{ valueString: 'ja' }] }] });
 * // { emptiness: 'ja' }
 * ```
 */
export function readQuestionnaireResponse(scale: ScaleDefinition, response: QuestionnaireResponse): Answers | ScoringError {
  try {
    return readResponse(scale, response);
  } catch (error) {
    // A getter or Proxy trap of the caller's object threw: the response cannot be read.
    if (error instanceof ScoringError) return error;
    return malformed(`The QuestionnaireResponse cannot be read: ${error instanceof Error ? error.message : shown(error)}.`, undefined, error);
  }
}

function readResponse(scale: ScaleDefinition, response: unknown): Answers | ScoringError {
  if (!isNode(response) || response.resourceType !== 'QuestionnaireResponse') {
    return malformed('Expected a QuestionnaireResponse.', undefined, isNode(response) ? response.resourceType : response);
  }
  const keys = new Set<string>(scale.items.map((item) => item.key));
  const answers: Record<string, unknown> = {};
  // Every item object is visited once: one met again means a cycle (or a shared item), which
  // JSON cannot hold and which would otherwise be read forever.
  const seen = new Set<Node>();
  const pending: Node[] = [];
  const enqueue = (items: unknown, where: string): ScoringError | undefined => {
    if (items === undefined) return undefined;
    if (!Array.isArray(items)) return malformed(`${where}: "item" is ${shown(items)}, not an array of items.`, undefined, items);
    for (const item of items as unknown[]) {
      if (!isNode(item)) return malformed(`${where}: an item is ${shown(item)}, not an object.`, undefined, item);
      if (seen.has(item)) return malformed(`${where}: an item occurs twice in the item tree (a cycle).`, typeof item.linkId === 'string' ? item.linkId : undefined, item);
      seen.add(item);
      pending.push(item);
    }
    return undefined;
  };
  const top = enqueue(response.item, 'The response');
  if (top !== undefined) return top;
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { linkId } = item;
    if (typeof linkId !== 'string') return malformed(`An item has linkId ${shown(linkId)}, not a string.`, undefined, linkId);
    const where = `Item "${linkId}"`;
    const nested = enqueue(item.item, where);
    if (nested !== undefined) return nested;
    const given = item.answer === undefined ? [] : item.answer;
    if (!Array.isArray(given)) return malformed(`${where}: "answer" is ${shown(given)}, not an array of answers.`, linkId, given);
    for (const answer of given as unknown[]) {
      if (!isNode(answer)) return malformed(`${where}: an answer is ${shown(answer)}, not an object.`, linkId, answer);
      const below = enqueue(answer.item, where);
      if (below !== undefined) return below;
    }
    if (!keys.has(linkId)) continue;
    if (Object.hasOwn(answers, linkId) || given.length > 1) {
      return malformed(`Item "${linkId}" is answered more than once.`, linkId, given);
    }
    const first = given[0] as Node | undefined;
    const value = first === undefined ? null : answerValue(first, linkId);
    if (value instanceof ScoringError) return value;
    answers[linkId] = value;
  }
  return answers as Answers;
}

/**
 * Scores a QuestionnaireResponse (see {@link readQuestionnaireResponse}) with the core scorer:
 * the same result, rules and errors as `score`. Throws {@link ScoringError}.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreQuestionnaireResponse } from 'loneliness-scales/fhir';
 * const coded = (code: string) => [{ valueCoding: { system: 'https://www.npmjs.com/package/loneliness-scales/fhir/CodeSystem/djg-answer', code } }];
 * scoreQuestionnaireResponse(djg6, {
 *   resourceType: 'QuestionnaireResponse', status: 'completed',
 *   item: [['emptiness', 'yes'], ['leanOn', 'yes'], ['trust', 'yes'], ['closeTo', 'more or less'], ['missPeople', 'yes'], ['rejected', 'yes']]
 *     .map(([linkId, code]) => ({ linkId, answer: coded(code) })),
 * }).total; // 4
 * ```
 */
export function scoreQuestionnaireResponse<S extends ScaleDefinition>(
  scale: S,
  response: QuestionnaireResponse,
  options?: ScoreOptions<S>,
): ScoreResult<S> {
  const outcome = safeScoreQuestionnaireResponse(scale, response, options);
  if (!outcome.success) throw outcome.error;
  return outcome.data;
}

/**
 * Like {@link scoreQuestionnaireResponse}, but returns `{ success: false, error }` instead of
 * throwing, as the core's `safeScore` does.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { safeScoreQuestionnaireResponse } from 'loneliness-scales/fhir';
 * const outcome = safeScoreQuestionnaireResponse(djg6, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'trust', answer: [{ valueString: 'misschien' }] }] });
 * if (!outcome.success) outcome.error.code; // 'unknown_answer'
 * ```
 */
export function safeScoreQuestionnaireResponse<S extends ScaleDefinition>(
  scale: S,
  response: QuestionnaireResponse,
  options?: ScoreOptions<S>,
): SafeScoreResult<S> {
  const answers = readQuestionnaireResponse(scale, response);
  if (answers instanceof ScoringError) return { success: false, error: answers };
  return safeScore(scale, answers as Record<string, AnswerValue | null>, options);
}
