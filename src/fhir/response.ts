import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4.js';
import { ScoringError, readAnswerLabel, safeScore } from '../index.js';
import type { AnswerValue, Answers, SafeScoreResult, ScaleDefinition, ScoreOptions, ScoreResult } from '../index.js';
import { fhirUrls } from './canonical.js';

/**
 * What one answer holds for the core scorer: a coding's code when it is a canonical answer of
 * {@link fhirUrls.answers} (or has no system), its display text otherwise (a label such as
 * `"min of meer"`), a string or number as it is; anything else is passed on for the core to
 * reject (`invalid_type`).
 */
function answerValue(answer: QuestionnaireResponseItemAnswer): unknown {
  const { valueCoding: coding } = answer;
  if (coding !== undefined) {
    const own = coding.system === undefined || coding.system === fhirUrls.answers;
    if (own && coding.code !== undefined && readAnswerLabel(coding.code) !== undefined) return coding.code;
    return coding.display ?? coding.code;
  }
  return answer.valueString ?? answer.valueInteger ?? answer.valueDecimal ?? answer;
}

/**
 * Reads a QuestionnaireResponse into the answers `score` takes: items are matched by `linkId`
 * (the item key), at any depth; items of other linkIds (calculated scores, display items) are
 * ignored. Returns a {@link ScoringError} (`invalid_answers`) for a resource that is not a
 * QuestionnaireResponse, an item given twice or an item with more than one answer.
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
  if (response?.resourceType !== 'QuestionnaireResponse') {
    return new ScoringError('invalid_answers', 'Expected a QuestionnaireResponse.', undefined, response?.resourceType);
  }
  const keys = new Set<string>(scale.items.map((item) => item.key));
  const answers: Record<string, unknown> = {};
  const pending: QuestionnaireResponseItem[] = [...(response.item ?? [])];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    pending.push(...(item.item ?? []), ...(item.answer ?? []).flatMap((answer) => answer.item ?? []));
    if (!keys.has(item.linkId)) continue;
    const given = item.answer ?? [];
    if (item.linkId in answers || given.length > 1) {
      return new ScoringError('invalid_answers', `Item "${item.linkId}" is answered more than once.`, item.linkId, given);
    }
    answers[item.linkId] = given[0] === undefined ? null : answerValue(given[0]);
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
