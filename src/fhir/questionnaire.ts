import type { Questionnaire, QuestionnaireItem } from 'fhir/r4.js';
import { type AnswerFormat, type Language, type ScaleDefinition, ScoringError } from '../index.js';
import { fhirUrls } from './canonical.js';
import { scoreExpression } from './expressions.js';
import { answerPoints } from './points.js';
import { cautionText, scoreTexts, termsText, type ScoreName } from './texts.js';

/** Options of {@link toQuestionnaire}. */
export interface QuestionnaireOptions {
  /** Language of the texts and answer labels. Default `en`. */
  readonly language?: Language;
  /** Answer format: `3-point` (default) or `5-point` (self-administered, MANUAL). */
  readonly format?: AnswerFormat['name'];
}

/** Finds an answer format of a scale by name; `invalid_option` for one the scale does not have. */
function findFormat(scale: ScaleDefinition, name: AnswerFormat['name'] = '3-point'): AnswerFormat {
  const format = scale.answerFormats.find((candidate) => candidate.name === name);
  if (format === undefined) throw new ScoringError('invalid_option', `Scale ${scale.id} has no ${String(name)} answer format.`, { value: name });
  return format;
}

/** A language of the texts; `invalid_option` for another, which would leave every text empty. */
export function checkedLanguage(language: unknown): Language {
  if (language === undefined) return 'en';
  if (language !== 'en' && language !== 'nl') throw new ScoringError('invalid_option', `Unknown language ${JSON.stringify(String(language))}; use en or nl.`, { value: language });
  return language;
}

/**
 * A FHIR R4 Questionnaire of a scale, generated from its definition: one required `choice`
 * item per scale item (`linkId` = item key, `prefix` = its position in the form), the answer
 * options as codings in {@link fhirUrls.answers} with their points in the `itemWeight`
 * extension (on the Coding, as R4 defines it, and on the answerOption, where SDC engines read it), read-only calculated items `total`, `emotional` and `social` with an SDC
 * `calculatedExpression`, and the citation. No LOINC code exists for the scale, so the
 * Questionnaire carries none. Throws a `ScoringError` (`invalid_option`) for a language or an
 * answer format the scale does not have.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toQuestionnaire } from 'loneliness-scales/fhir';
 * const questionnaire = toQuestionnaire(djg6, { language: 'nl' });
 * questionnaire.item?.[0]?.text;                              // 'Ik ervaar een leegte om me heen'
 * questionnaire.item?.[0]?.answerOption?.[1]?.valueCoding?.code; // 'more or less'
 * ```
 */
export function toQuestionnaire(scale: ScaleDefinition, options: QuestionnaireOptions = {}): Questionnaire {
  const language = checkedLanguage(options?.language);
  const format = findFormat(scale, options?.format);
  const id = `${scale.id}-${language}${format.name === '5-point' ? '-5' : ''}`;
  const questions = scale.items.map(
    (item, index): QuestionnaireItem => ({
      linkId: item.key,
      prefix: `${index + 1}.`,
      text: item.text[language],
      type: 'choice',
      required: true,
      answerOption: format.options.map(({ answer, label }) => {
        // R4 puts itemWeight on the Coding; SDC engines (fhirpath.js's weight()) read it on the
        // answerOption, as R5 does: both carry it.
        const weight = () => [{ url: fhirUrls.itemWeight, valueDecimal: answerPoints(scale, item.key, answer) }];
        return {
          extension: weight(),
          valueCoding: { extension: weight(), system: fhirUrls.answers, code: answer, display: label[language] },
        };
      }),
    }),
  );
  const scores = (['total', 'emotional', 'social'] as const).map(
    (name: ScoreName): QuestionnaireItem => ({
      extension: [
        {
          url: fhirUrls.calculatedExpression,
          valueExpression: { language: 'text/fhirpath', expression: scoreExpression(scale, name) },
        },
      ],
      linkId: name,
      text: scoreTexts[name][language],
      type: 'integer',
      readOnly: true,
    }),
  );
  return {
    resourceType: 'Questionnaire',
    id,
    language,
    url: `${fhirUrls.questionnaire}/${id}`,
    name: id.toUpperCase().replace(/-/g, '_'),
    title: scale.name[language],
    status: 'active',
    description: `${scale.citation}\n\n${cautionText[language]}`,
    copyright: `${termsText[language]} ${scale.citation}`,
    item: [
      ...questions,
      ...scores,
      { linkId: 'citation', type: 'display', text: scale.citation },
    ],
  };
}
