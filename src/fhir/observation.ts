import type { CodeableConcept, Observation, ObservationComponent, QuestionnaireResponse, Reference } from 'fhir/r4.js';
import { type CategoryBand, type Language, type ScaleDefinition, type ScoreResult, ScoringError } from '../index.js';
import { fhirUrls } from './canonical.js';
import { rulesOf, scoresOf } from './points.js';
import { checkedLanguage } from './questionnaire.js';
import { scoreTexts, type ScoreName } from './texts.js';

/** Options of {@link toObservation}. */
export interface ObservationOptions {
  /**
   * The response the scores come from (its `subject` and `authored` are copied), or a reference
   * to it. Optional: without it the Observation has no `derivedFrom` (a score from `score`).
   */
  readonly derivedFrom?: QuestionnaireResponse | Reference;
  /** Language of the `text` of codes. Default `en`. */
  readonly language?: Language;
  /**
   * The scale the result is of (its `id` must be the result's `scale`): the Observation then has
   * a component for each subscale the scale has, and none for a scale without subscales. Without
   * it, both subscale components are written, as `djg6` and `djg11` have them; give it for a scale
   * of your own.
   */
  readonly scale?: ScaleDefinition;
}

const concept = (code: string, display: string, text: string, system: string = fhirUrls.scores): CodeableConcept => ({
  coding: [{ system, code, display }],
  text,
});

/** A score as an Observation value: the integer, or why it is absent (too many items missing). */
function value(score: number | null): Partial<Pick<Observation, 'valueInteger' | 'dataAbsentReason'>> {
  return score === null
    ? {
        dataAbsentReason: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }],
          text: 'More items unanswered than the missing-answer rule tolerates',
        },
      }
    : { valueInteger: score };
}

const band = (category: CategoryBand, language: Language): CodeableConcept =>
  concept(category.id, category.label.en, category.label[language], fhirUrls.categories);

/**
 * An Observation (status `final`, category `survey`) of a result of `score`: the total as its
 * value, the total's category, the emotional and social scores as components (each with its
 * band as interpretation when one applies; with `options.scale`, only the subscales the scale
 * has, so none for a scale without subscales), `derivedFrom` the QuestionnaireResponse when one is
 * given (a plain result of `score` needs none). Scores that are missing carry a
 * `dataAbsentReason` instead of a value. Throws a `ScoringError` (`invalid_option`) for a result
 * that is not one, a `derivedFrom` that is not an object, a `scale` the result is not of, or an
 * unknown language.
 *
 * @example
 * ```ts
 * import { djg6, score } from 'loneliness-scales';
 * import { toObservation } from 'loneliness-scales/fhir';
 * const result = score(djg6, { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'min of meer', missPeople: 'ja', rejected: 'ja' });
 * const observation = toObservation(result, { derivedFrom: { reference: 'QuestionnaireResponse/42' }, language: 'nl' });
 * observation.valueInteger;        // 4
 * observation.interpretation?.[0]?.text; // 'matig eenzaam'
 * toObservation(result).derivedFrom;   // undefined
 * ```
 */
export function toObservation(result: ScoreResult, options: ObservationOptions = {}): Observation {
  if (typeof result !== 'object' || result === null || typeof result.scale !== 'string') {
    throw new ScoringError('invalid_option', 'Expected a result of score.', { value: result });
  }
  if (typeof options !== 'object' || options === null) throw new ScoringError('invalid_option', 'The options of toObservation must be an object.', { path: 'options', value: options });
  const source = options.derivedFrom;
  if (source !== undefined && (typeof source !== 'object' || source === null)) {
    throw new ScoringError('invalid_option', 'options.derivedFrom must be the QuestionnaireResponse or a reference to it.', { value: source });
  }
  const language = checkedLanguage(options.language);
  const { scale } = options;
  if (scale !== undefined && (typeof scale !== 'object' || scale === null || scale.id !== result.scale)) {
    throw new ScoringError('invalid_option', `options.scale must be the scale the result is of (${JSON.stringify(result.scale)}).`, { path: 'scale', value: typeof scale === 'object' && scale !== null ? scale.id : scale });
  }
  // The subscales the scale has (both when it is not given, as on the De Jong Gierveld scales).
  const subscales = scale === undefined ? (['emotional', 'social'] as const) : scoresOf(rulesOf(scale)).flatMap((score) => (score.name === 'total' ? [] : [score.name]));
  const response = source !== undefined && 'resourceType' in source ? source : undefined;
  const reference: Reference | undefined =
    response === undefined ? source : response.id === undefined ? { identifier: response.identifier } : { reference: `QuestionnaireResponse/${response.id}` };
  const code = (name: ScoreName) => (name === 'total' ? result.scale : `${result.scale}-${name}`);
  const component = (name: 'emotional' | 'social'): ObservationComponent => {
    const category = name === 'emotional' ? result.emotionalCategory : result.socialCategory;
    return {
      code: concept(code(name), scoreTexts[name].en, scoreTexts[name][language]),
      ...value(result[name]),
      ...(category === null ? {} : { interpretation: [band(category, language)] }),
    };
  };
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [concept('survey', 'Survey', 'Survey', 'http://terminology.hl7.org/CodeSystem/observation-category')],
    code: concept(code('total'), scoreTexts.total.en, scoreTexts.total[language]),
    ...(response?.subject === undefined ? {} : { subject: response.subject }),
    ...(response?.authored === undefined ? {} : { effectiveDateTime: response.authored }),
    ...value(result.total),
    ...(result.category === null ? {} : { interpretation: [band(result.category, language)] }),
    ...(reference === undefined ? {} : { derivedFrom: [reference] }),
    ...(subscales.length === 0 ? {} : { component: subscales.map(component) }),
  };
}
