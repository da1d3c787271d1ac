/**
 * FHIR R4: `Questionnaire` resources generated from the scale definitions, scoring of a
 * `QuestionnaireResponse`, and an `Observation` of the scores.
 *
 * ```ts
 * import { toQuestionnaire, scoreQuestionnaireResponse, toObservation } from 'loneliness-scales/fhir';
 * ```
 *
 * @module loneliness-scales/fhir
 */
export { fhirUrls } from './canonical.js';
export { answerCodeSystem } from './code-system.js';
export { scoreExpression } from './expressions.js';
export { toObservation } from './observation.js';
export type { ObservationOptions } from './observation.js';
export { toQuestionnaire } from './questionnaire.js';
export type { QuestionnaireOptions } from './questionnaire.js';
export { readQuestionnaireResponse, safeScoreQuestionnaireResponse, scoreQuestionnaireResponse } from './response.js';
export { cautionText, scoreTexts, termsText } from './texts.js';
export type { ScoreName } from './texts.js';
